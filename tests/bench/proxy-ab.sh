#!/usr/bin/env bash
# A/B latency of two builds of the proxy host (or one build under two settings), interleaved round by round with a
# direct call and nginx proxy_pass as anchors, so load from elsewhere on the machine hits every target alike.
# Needs: nginx, wrk (apt-get install -y nginx wrk), the .NET SDK.
# Usage: A=path/ProxyBenchHost.dll B=path/ProxyBenchHost.dll [A_ENV="K=V …"] [B_ENV=…] [A_ARGS=…] [B_ARGS=…] [A_HOOK='cmd using $PID'] \
#        tests/bench/proxy-ab.sh [seconds=5] [rounds=5] [connections=1]
# With B unset, B is this tree's host (built here). An optional third host: C=… [C_ENV C_ARGS C_HOOK]. Prints per round and the medians of p50/p99/p99.9 (µs).
set -euo pipefail
cd "$(dirname "$0")/../.."
SECS=${1:-5}
ROUNDS=${2:-5}
CONNS=${3:-1}
for tool in nginx wrk dotnet; do
  command -v "$tool" >/dev/null || { echo "proxy-ab: $tool not found (apt-get install -y nginx wrk)"; exit 2; }
done
if [ -z "${B:-}" ]; then
  dotnet build -c Release tests/bench/proxy-host -v q -nologo 2>&1 | grep -E " error " && exit 1
  B=tests/bench/proxy-host/bin/Release/net10.0/ProxyBenchHost.dll
fi
: "${A:?set A to the baseline ProxyBenchHost.dll}"
WORK=$(mktemp -d /tmp/godel-proxy-ab.XXXXXX)
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
while :; do
  BASE=$((20000 + RANDOM % 12000))
  port_free "$BASE" && port_free $((BASE + 1)) && port_free $((BASE + 2)) && port_free $((BASE + 3)) && port_free $((BASE + 4)) && break
done
STUB=$BASE; NGINX=$((BASE + 1))
PIDS=(); NGINX_STARTED=""
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do for _ in $(seq 1 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done; kill -9 "$p" 2>/dev/null || true; done
  for h in a b c; do [ -f "$WORK/$h.out" ] && grep -E "^(AUDITED|ALLOCATED)" "$WORK/$h.out" | sed "s/^/$h: /"; done
  [ -n "$NGINX_STARTED" ] && nginx -p "$WORK" -c "$WORK/nginx.conf" -s stop 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
ulimit -n 65536 2>/dev/null || true

. tests/bench/proxy-anchors.sh
start_nginx_anchors

start_host() { # name dll port env args
  # shellcheck disable=SC2086
  env ${4:-} dotnet "$2" --upstream "http://127.0.0.1:$STUB" --listen "127.0.0.1:$3" --db "$WORK/$1.db" ${5:-} > "$WORK/$1.out" &
  PIDS+=($!)
  for _ in $(seq 1 100); do grep -q READY "$WORK/$1.out" 2>/dev/null && break; sleep 0.1; done
  # An optional command run against the host's pid (e.g. to re-prioritise one of its threads for an experiment).
  if [ -n "${6:-}" ]; then PID=${PIDS[-1]} bash -c "$6" || true; fi
  read -r _ url token _ < <(grep READY "$WORK/$1.out")
  echo "$url/proxy/stub/v1/chat/completions $token" > "$WORK/$1.target"
}
start_host a "$A" $((BASE + 2)) "${A_ENV:-}" "${A_ARGS:-}" "${A_HOOK:-}"
start_host b "$B" $((BASE + 3)) "${B_ENV:-}" "${B_ARGS:-}" "${B_HOOK:-}"
HOSTS="a b"
if [ -n "${C:-}" ]; then start_host c "$C" $((BASE + 4)) "${C_ENV:-}" "${C_ARGS:-}" "${C_HOOK:-}"; HOSTS="a b c"; fi
echo "http://127.0.0.1:$STUB/v1/chat/completions none" > "$WORK/direct.target"
echo "http://127.0.0.1:$NGINX/v1/chat/completions none" > "$WORK/nginx.target"

cat > "$WORK/post.lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"model":"gpt-4.1","max_tokens":16,"messages":[{"role":"user","content":"Say hello"}]}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
done = function(summary, latency, requests)
  io.write(string.format("RESULT %d %d %d %d %d %d\n", latency:percentile(50), latency:percentile(99),
    latency:percentile(99.9), latency.max, summary.requests, summary.errors.status + summary.errors.connect
    + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
LUA
measure() { # name round
  read -r url token < "$WORK/$1.target"
  TOKEN=$token wrk -t1 -c"$CONNS" -d"${SECS}s" -s "$WORK/post.lua" "$url" | grep RESULT > "$WORK/$1-$2.res"
}
echo "warm-up…"
for t in direct nginx $HOSTS; do read -r url token < "$WORK/$t.target"; TOKEN=$token wrk -t1 -c"$CONNS" -d3s -s "$WORK/post.lua" "$url" > /dev/null; done
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "A = $A ${A_ENV:-} ${A_ARGS:-} ${A_HOOK:-}"
echo "B = $B ${B_ENV:-} ${B_ARGS:-} ${B_HOOK:-}"
[ -n "${C:-}" ] && echo "C = $C ${C_ENV:-} ${C_ARGS:-} ${C_HOOK:-}"
printf "%-6s %5s %8s %8s %8s %8s %9s %6s\n" target round p50_us p99_us p999_us max_us requests errors
for r in $(seq 1 "$ROUNDS"); do
  # Reverse the hosts' order every other round so none always follows the same neighbour.
  if [ $((r % 2)) -eq 1 ]; then order="direct nginx $HOSTS"; else order="direct nginx $(echo "$HOSTS" | rev)"; fi
  for t in $order; do
    measure "$t" "$r"
    read -r _ p50 p99 p999 max n e < "$WORK/$t-$r.res"
    printf "%-6s %5d %8d %8d %8d %8d %9d %6d\n" "$t" "$r" "$p50" "$p99" "$p999" "$max" "$n" "$e"
  done
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
col() { for r in $(seq 1 "$ROUNDS"); do awk -v c="$2" '{print $c}' "$WORK/$1-$r.res"; done | median; }
D50=$(col direct 2); D99=$(col direct 3)
echo
echo "medians over $ROUNDS rounds ($CONNS connection(s), ${SECS}s each); added = minus direct's median"
printf "%-6s %8s %8s %8s %10s %10s\n" target p50_us p99_us p999_us added_p50 added_p99
for t in direct nginx $HOSTS; do
  p50=$(col "$t" 2); p99=$(col "$t" 3); p999=$(col "$t" 4)
  printf "%-6s %8d %8d %8d %10d %10d\n" "$t" "$p50" "$p99" "$p999" $((p50 - D50)) $((p99 - D99))
done
