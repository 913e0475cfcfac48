#!/usr/bin/env bash
# Proxy benchmark: added latency, throughput, concurrent streams and memory of Godel's proxy, with a direct
# call to the upstream stub and nginx proxy_pass measured in the same run as anchors.
# Needs: nginx, wrk (apt-get install -y nginx wrk), the .NET SDK. Usage: [HOST_ARGS="--store-text false"] tests/bench/proxy-bench.sh [seconds] [rounds]
# Latency and throughput are measured in ROUNDS interleaved rounds (direct, nginx, godel, godel with pool
# completions, then again) and the median round is reported, so a burst of load elsewhere hits all alike.
set -euo pipefail
cd "$(dirname "$0")/../.."
SECS=${1:-5}
ROUNDS=${2:-3}
for tool in nginx wrk dotnet; do
  command -v "$tool" >/dev/null || { echo "proxy-bench: $tool not found (apt-get install -y nginx wrk)"; exit 2; }
done
WORK=$(mktemp -d /tmp/godel-proxy-bench.XXXXXX)
# Four free ports below the ephemeral range (so outgoing connections never take them).
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
while :; do
  BASE=$((20000 + RANDOM % 12000))
  port_free "$BASE" && port_free $((BASE + 1)) && port_free $((BASE + 2)) && port_free $((BASE + 3)) && break
done
STUB=$BASE; NGINX=$((BASE + 1)); GODEL=$((BASE + 2))
HOST_PID=""; INLINE_PID=""; NGINX_STARTED=""
cleanup() {
  [ -n "$INLINE_PID" ] && kill -9 "$INLINE_PID" 2>/dev/null || true
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

. tests/bench/proxy-anchors.sh
start_nginx_anchors

echo "building the proxy host (Release)…"
dotnet build -c Release tests/bench/proxy-host -v q -nologo 2>&1 | grep -E " error " && exit 1
HOST_DLL=tests/bench/proxy-host/bin/Release/net10.0/ProxyBenchHost.dll
dotnet "$HOST_DLL" --upstream "http://127.0.0.1:$STUB" --listen "127.0.0.1:$GODEL" --db "$WORK/proxy.db" ${HOST_ARGS:-} > "$WORK/host.out" &
HOST_PID=$!
for _ in $(seq 1 100); do grep -q READY "$WORK/host.out" 2>/dev/null && break; sleep 0.1; done
read -r _ URL TOKEN _ < <(grep READY "$WORK/host.out")
export TOKEN
# The host runs as `godel proxy serve` does (socket completions inline on the epoll thread, see ProxyProcess). The
# second variant is the same proxy as the daemon hosts it (the runtime's default: completions hop to the thread pool,
# whose workers do not spin in the godel executable). Its variables keep the name "inline" for history.
INLINE=$((BASE + 3))
DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=0 dotnet "$HOST_DLL" --upstream "http://127.0.0.1:$STUB" --listen "127.0.0.1:$INLINE" --db "$WORK/proxy-inline.db" ${HOST_ARGS:-} > "$WORK/inline.out" &
INLINE_PID=$!
for _ in $(seq 1 100); do grep -q READY "$WORK/inline.out" 2>/dev/null && break; sleep 0.1; done
read -r _ INLINE_BASE INLINE_TOKEN _ < <(grep READY "$WORK/inline.out")
INLINE_URL="$INLINE_BASE/proxy/stub/v1/chat/completions"

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
TOKEN=$INLINE_TOKEN wrk -t2 -c32 -d3s -s "$WORK/post.lua" "$INLINE_BASE/proxy/stub/v1/chat/completions" > /dev/null

# median of the rounds' values for one figure: med FILE-PATTERN EXTRACTOR
median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
run_wrk() { # name url conns file
  if [ "$1" = inline ]; then TOKEN=$INLINE_TOKEN wrk "${@:5}" -c"$3" -d"${SECS}s" --latency -s "$WORK/post.lua" "$2" > "$4"
  else wrk "${@:5}" -c"$3" -d"${SECS}s" --latency -s "$WORK/post.lua" "$2" > "$4"; fi
}
echo "sequential latency (1 connection, ${SECS}s per target, $ROUNDS interleaved rounds)…"
for r in $(seq 1 "$ROUNDS"); do
  for name in direct nginx godel inline; do
    url_var="${name^^}_URL"; run_wrk "$name" "${!url_var}" 1 "$WORK/lat-$name-$r.txt" -t1
  done
done
echo "throughput (64 connections, ${SECS}s per target, $ROUNDS interleaved rounds)…"
for r in $(seq 1 "$ROUNDS"); do
  for name in direct nginx godel inline; do
    url_var="${name^^}_URL"; n0=$(nginx_ticks); g0=$(ticks "$HOST_PID")
    run_wrk "$name" "${!url_var}" 64 "$WORK/tput-$name-$r.txt" -t2
    echo "$(( $(nginx_ticks) - n0 )) $(( $(ticks "$HOST_PID") - g0 )) $(count "$WORK/tput-$name-$r.txt")" > "$WORK/cpu-$name-$r.txt"
  done
done
kill -9 "$INLINE_PID" 2>/dev/null || true; INLINE_PID=""
# Per target: the median over rounds of p50, p99 and req/s.
for name in direct nginx godel inline; do
  for r in $(seq 1 "$ROUNDS"); do pct 50 "$WORK/lat-$name-$r.txt"; done | median > "$WORK/p50-$name"
  for r in $(seq 1 "$ROUNDS"); do pct 99 "$WORK/lat-$name-$r.txt"; done | median > "$WORK/p99-$name"
  for r in $(seq 1 "$ROUNDS"); do rps "$WORK/tput-$name-$r.txt"; done | median > "$WORK/rps-$name"
done
# CPU per request: the round with the median godel throughput (its CPU counters and the anchors' of that round).
MID=$(for r in $(seq 1 "$ROUNDS"); do echo "$(rps "$WORK/tput-godel-$r.txt") $r"; done | sort -n | awk '{v[NR] = $2} END {print v[int((NR + 1) / 2)]}')
echo "500 concurrent streams (mock provider, 10 ms between events)…"
wrk -t2 -c500 -d"${SECS}s" --latency -s "$WORK/stream.lua" "$URL/proxy/slowmock/v1/chat/completions" > "$WORK/streams.txt"

echo "memory across 200k requests…"
# Steady state first (the heap settles after the high-concurrency phases above), then the baseline.
wrk -t2 -c64 -d5s -s "$WORK/post.lua" "$GODEL_URL" > /dev/null
wrk -t2 -c64 -d5s -s "$WORK/post.lua" "$GODEL_URL" > /dev/null
RSS_START=$(rss_kb); TOTAL=0; SAMPLES="$RSS_START"
while [ "$TOTAL" -lt 200000 ]; do
  wrk -t2 -c64 -d5s -s "$WORK/post.lua" "$GODEL_URL" > "$WORK/mem.txt"
  TOTAL=$((TOTAL + $(grep -E "requests in" "$WORK/mem.txt" | awk '{print $1}')))
  SAMPLES="$SAMPLES $(rss_kb)"
done
RSS_END=$(rss_kb)

D50=$(cat "$WORK/p50-direct"); D99=$(cat "$WORK/p99-direct")
N50=$(cat "$WORK/p50-nginx"); N99=$(cat "$WORK/p99-nginx")
G50=$(cat "$WORK/p50-godel"); G99=$(cat "$WORK/p99-godel")
I50=$(cat "$WORK/p50-inline"); I99=$(cat "$WORK/p99-inline")
awk -v d50="$D50" -v d99="$D99" -v n50="$N50" -v n99="$N99" -v g50="$G50" -v g99="$G99" -v i50="$I50" -v i99="$I99" \
    -v dr="$(cat "$WORK/rps-direct")" -v nr="$(cat "$WORK/rps-nginx")" -v gr="$(cat "$WORK/rps-godel")" -v pr="$(cat "$WORK/rps-inline")" \
    -v sr="$(rps "$WORK/streams.txt")" -v s50="$(pct 50 "$WORK/streams.txt")" -v s99="$(pct 99 "$WORK/streams.txt")" \
    -v cd="$(cat "$WORK/cpu-direct-$MID.txt")" -v cn="$(cat "$WORK/cpu-nginx-$MID.txt")" -v cg="$(cat "$WORK/cpu-godel-$MID.txt")" \
    -v tck="$(getconf CLK_TCK)" -v r0="$RSS_START" -v r1="$RSS_END" -v total="$TOTAL" 'BEGIN {
  printf "\n== Godel proxy benchmark (loopback, small non-streaming bodies; medians of interleaved rounds) ==\n"
  printf "sequential latency   p50 µs   p99 µs   added p50 µs  added p99 µs\n"
  printf "direct to stub     %8.0f %8.0f\n", d50, d99
  printf "nginx proxy_pass   %8.0f %8.0f   %10.0f   %10.0f\n", n50, n99, n50 - d50, n99 - d99
  printf "godel proxy        %8.0f %8.0f   %10.0f   %10.0f\n", g50, g99, g50 - d50, g99 - d99
  printf "godel, pool I/O     %8.0f %8.0f   %10.0f   %10.0f   (as hosted in the daemon: DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=0)\n", i50, i99, i50 - d50, i99 - d99
  printf "godel added / nginx added: p50 %.2fx, p99 %.2fx   (target: added p50 <= 500 µs, p99 <= 2000 µs, <= 1.5x nginx)\n", \
    (g50 - d50) / (n50 - d50 > 0 ? n50 - d50 : 1), (g99 - d99) / (n99 - d99 > 0 ? n99 - d99 : 1)
  printf "\nthroughput (64 conns) req/s: direct %.0f, nginx %.0f, godel %.0f (godel/nginx %.2fx), godel pool I/O %.0f (%.2fx)   (target >= 5000)\n", dr, nr, gr, gr / nr, pr, pr / nr
  split(cd, D, " "); split(cn, N, " "); split(cg, G, " ")
  stub = D[1] / D[3]; nginxProxy = N[1] / N[3] - stub; godel = G[2] / G[3]
  printf "CPU per request (less sensitive to a busy machine): stub %.1f µs, nginx proxying %.1f µs, godel proxying %.1f µs   godel/nginx %.2fx\n", \
    stub * 1e6 / tck, nginxProxy * 1e6 / tck, godel * 1e6 / tck, godel / (nginxProxy > 0 ? nginxProxy : 1)
  printf "500 concurrent streams: %.0f streams/s, p50 %.0f ms, p99 %.0f ms per stream (13 events, 10 ms apart)\n", sr, s50 / 1000, s99 / 1000
  printf "memory: RSS %d KB after warm-up, %d KB after %d more requests: %+.1f%%   (target within +-10%%)\n", r0, r1, total, (r1 - r0) * 100 / r0
}'
echo "RSS samples (KB): $SAMPLES"
echo "errors: direct[$(cat "$WORK"/tput-direct-*.txt | errors /dev/stdin)] nginx[$(cat "$WORK"/tput-nginx-*.txt | errors /dev/stdin)] godel[$(cat "$WORK"/tput-godel-*.txt "$WORK"/lat-godel-*.txt | errors /dev/stdin)] inline[$(cat "$WORK"/tput-inline-*.txt | errors /dev/stdin)] streams[$(errors "$WORK/streams.txt")]"
