#!/usr/bin/env bash
# Proxy benchmark: added latency, throughput, concurrent streams and memory of Godel's proxy, with a direct
# call to the upstream stub and nginx proxy_pass measured in the same run as anchors.
# Needs: nginx, wrk (apt-get install -y nginx wrk), the .NET SDK. Usage: tests/bench/proxy-bench.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/../.."
SECS=${1:-10}
for tool in nginx wrk dotnet; do
  command -v "$tool" >/dev/null || { echo "proxy-bench: $tool not found (apt-get install -y nginx wrk)"; exit 2; }
done
WORK=$(mktemp -d /tmp/godel-proxy-bench.XXXXXX)
# Three free ports below the ephemeral range (so outgoing connections never take them).
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
while :; do
  BASE=$((20000 + RANDOM % 12000))
  port_free "$BASE" && port_free $((BASE + 1)) && port_free $((BASE + 2)) && break
done
STUB=$BASE; NGINX=$((BASE + 1)); GODEL=$((BASE + 2))
HOST_PID=""; NGINX_STARTED=""
cleanup() {
  if [ -n "$HOST_PID" ]; then
    kill "$HOST_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$HOST_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$HOST_PID" 2>/dev/null || true
  fi
  [ -n "$NGINX_STARTED" ] && nginx -p "$WORK" -c "$WORK/nginx.conf" -s stop 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
ulimit -n 65536 2>/dev/null || true

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

echo "building the proxy host (Release)…"
dotnet build -c Release tests/bench/proxy-host -v q -nologo 2>&1 | grep -E " error " && exit 1
HOST_DLL=tests/bench/proxy-host/bin/Release/net10.0/ProxyBenchHost.dll
dotnet "$HOST_DLL" --upstream "http://127.0.0.1:$STUB" --listen "127.0.0.1:$GODEL" --db "$WORK/proxy.db" > "$WORK/host.out" &
HOST_PID=$!
for _ in $(seq 1 100); do grep -q READY "$WORK/host.out" 2>/dev/null && break; sleep 0.1; done
read -r _ URL TOKEN < <(grep READY "$WORK/host.out")
export TOKEN

cat > "$WORK/post.lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"model":"gpt-4.1","max_tokens":16,"messages":[{"role":"user","content":"Say hello"}]}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
LUA
sed 's/"Say hello"}]}/"Say hello"}],"stream":true}/' "$WORK/post.lua" > "$WORK/stream.lua"

DIRECT_URL="http://127.0.0.1:$STUB/v1/chat/completions"
NGINX_URL="http://127.0.0.1:$NGINX/v1/chat/completions"
GODEL_URL="$URL/proxy/stub/v1/chat/completions"

# p50/p99 in microseconds from `wrk --latency` (values like 85.00us, 1.20ms, 1.01s).
to_us() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) print n; else if (v ~ /ms$/) print n * 1000; else if (v ~ /s$/) print n * 1000000; }'; }
pct() { to_us "$(grep -E "^ +$1%" "$2" | awk '{print $2}')"; }
rps() { grep "Requests/sec" "$1" | awk '{print $2}'; }
errors() { grep -E "Non-2xx|Socket errors" "$1" | tr '\n' ' ' || true; }
# CPU ticks (user + system) of the proxy host, and of all nginx workers.
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
nginx_ticks() { local t=0; for p in $(pgrep -P "$(cat "$WORK/nginx.pid")"); do t=$((t + $(ticks "$p"))); done; echo "$t"; }
count() { grep -E "requests in" "$1" | awk '{print $1}'; }
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$HOST_PID/status"; }

echo "warm-up…"
for u in "$DIRECT_URL" "$NGINX_URL" "$GODEL_URL"; do wrk -t2 -c32 -d3s -s "$WORK/post.lua" "$u" > /dev/null; done

echo "sequential latency (1 connection, ${SECS}s each)…"
for name in direct nginx godel; do
  url_var="${name^^}_URL"; wrk -t1 -c1 -d"${SECS}s" --latency -s "$WORK/post.lua" "${!url_var}" > "$WORK/lat-$name.txt"
done
echo "throughput (64 connections, ${SECS}s each)…"
for name in direct nginx godel; do
  url_var="${name^^}_URL"; n0=$(nginx_ticks); g0=$(ticks "$HOST_PID")
  wrk -t2 -c64 -d"${SECS}s" --latency -s "$WORK/post.lua" "${!url_var}" > "$WORK/tput-$name.txt"
  echo "$(( $(nginx_ticks) - n0 )) $(( $(ticks "$HOST_PID") - g0 )) $(count "$WORK/tput-$name.txt")" > "$WORK/cpu-$name.txt"
done
echo "500 concurrent streams (mock provider, 10 ms between events)…"
wrk -t2 -c500 -d"${SECS}s" --latency -s "$WORK/stream.lua" "$URL/proxy/slowmock/v1/chat/completions" > "$WORK/streams.txt"

echo "memory across 200k requests…"
wrk -t2 -c64 -d5s -s "$WORK/post.lua" "$GODEL_URL" > /dev/null
RSS_START=$(rss_kb); TOTAL=0; SAMPLES="$RSS_START"
while [ "$TOTAL" -lt 200000 ]; do
  wrk -t2 -c64 -d5s -s "$WORK/post.lua" "$GODEL_URL" > "$WORK/mem.txt"
  TOTAL=$((TOTAL + $(grep -E "requests in" "$WORK/mem.txt" | awk '{print $1}')))
  SAMPLES="$SAMPLES $(rss_kb)"
done
RSS_END=$(rss_kb)

D50=$(pct 50 "$WORK/lat-direct.txt"); D99=$(pct 99 "$WORK/lat-direct.txt")
N50=$(pct 50 "$WORK/lat-nginx.txt"); N99=$(pct 99 "$WORK/lat-nginx.txt")
G50=$(pct 50 "$WORK/lat-godel.txt"); G99=$(pct 99 "$WORK/lat-godel.txt")
awk -v d50="$D50" -v d99="$D99" -v n50="$N50" -v n99="$N99" -v g50="$G50" -v g99="$G99" \
    -v dr="$(rps "$WORK/tput-direct.txt")" -v nr="$(rps "$WORK/tput-nginx.txt")" -v gr="$(rps "$WORK/tput-godel.txt")" \
    -v sr="$(rps "$WORK/streams.txt")" -v s50="$(pct 50 "$WORK/streams.txt")" -v s99="$(pct 99 "$WORK/streams.txt")" \
    -v cd="$(cat "$WORK/cpu-direct.txt")" -v cn="$(cat "$WORK/cpu-nginx.txt")" -v cg="$(cat "$WORK/cpu-godel.txt")" \
    -v tck="$(getconf CLK_TCK)" -v r0="$RSS_START" -v r1="$RSS_END" -v total="$TOTAL" 'BEGIN {
  printf "\n== Godel proxy benchmark (loopback, small non-streaming bodies) ==\n"
  printf "sequential latency   p50 µs   p99 µs   added p50 µs  added p99 µs\n"
  printf "direct to stub     %8.0f %8.0f\n", d50, d99
  printf "nginx proxy_pass   %8.0f %8.0f   %10.0f   %10.0f\n", n50, n99, n50 - d50, n99 - d99
  printf "godel proxy        %8.0f %8.0f   %10.0f   %10.0f\n", g50, g99, g50 - d50, g99 - d99
  printf "godel added / nginx added: p50 %.2fx, p99 %.2fx   (target: added p50 <= 500 µs, p99 <= 2000 µs, <= 1.5x nginx)\n", \
    (g50 - d50) / (n50 - d50 > 0 ? n50 - d50 : 1), (g99 - d99) / (n99 - d99 > 0 ? n99 - d99 : 1)
  printf "\nthroughput (64 conns) req/s: direct %.0f, nginx %.0f, godel %.0f   godel/nginx %.2fx   (target >= 5000)\n", dr, nr, gr, gr / nr
  split(cd, D, " "); split(cn, N, " "); split(cg, G, " ")
  stub = D[1] / D[3]; nginxProxy = N[1] / N[3] - stub; godel = G[2] / G[3]
  printf "CPU per request (less sensitive to a busy machine): stub %.1f µs, nginx proxying %.1f µs, godel proxying %.1f µs   godel/nginx %.2fx\n", \
    stub * 1e6 / tck, nginxProxy * 1e6 / tck, godel * 1e6 / tck, godel / (nginxProxy > 0 ? nginxProxy : 1)
  printf "500 concurrent streams: %.0f streams/s, p50 %.0f ms, p99 %.0f ms per stream (13 events, 10 ms apart)\n", sr, s50 / 1000, s99 / 1000
  printf "memory: RSS %d KB after warm-up, %d KB after %d more requests: %+.1f%%   (target within +-10%%)\n", r0, r1, total, (r1 - r0) * 100 / r0
}'
echo "RSS samples (KB): $SAMPLES"
echo "errors: direct[$(errors "$WORK/tput-direct.txt")] nginx[$(errors "$WORK/tput-nginx.txt")] godel[$(errors "$WORK/tput-godel.txt")] streams[$(errors "$WORK/streams.txt")]"
