# Sourced by proxy-bench.sh and proxy-ab.sh: the anchors both measure against, an nginx serving a canned
# chat completion on $STUB (the upstream stub) and proxying it on $NGINX (nginx proxy_pass), under $WORK.
start_nginx_anchors() {
  REPLY='{"id":"chatcmpl-bench","object":"chat.completion","created":1741569952,"model":"gpt-4.1-2025-04-14","choices":[{"index":0,"message":{"role":"assistant","content":"Hello! How can I assist you today?","refusal":null},"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":19,"completion_tokens":10,"total_tokens":29}}'
  mkdir -p "$WORK/logs"
  cat > "$WORK/nginx.conf" <<CONF
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/logs/error.log warn;
events { worker_connections 8192; }
http {
  access_log off;
  client_body_temp_path $WORK/body; proxy_temp_path $WORK/proxy;
  upstream stub { server 127.0.0.1:$STUB; keepalive 256; }
  server {
    listen 127.0.0.1:$STUB;
    default_type application/json;
    location / { client_body_buffer_size 64k; return 200 '$REPLY'; }
  }
  server {
    listen 127.0.0.1:$NGINX;
    location / { proxy_pass http://stub; proxy_http_version 1.1; proxy_set_header Connection ""; proxy_buffering off; }
  }
}
CONF
  nginx -p "$WORK" -c "$WORK/nginx.conf"; NGINX_STARTED=1
}
