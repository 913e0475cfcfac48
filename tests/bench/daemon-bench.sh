#!/usr/bin/env bash
# The daemon's figures, each against an anchor run in the same session:
#  - `cat` of each 64 MiB corpus inside an agent (200x50), fully processed by a real `godel daemon run`
#    (emulator + raw log; and with one attached client), interleaved with the raw-PTY anchor and tmux, best of ROUNDS;
#  - keystroke round trip client -> daemon -> PTY -> echo -> client with 8 other agents streaming (and flooding),
#    anchored by the same echo on a PTY read directly by the bench under the same load;
#  - 16 idle agents: daemon CPU over IDLE_SECONDS and memory per agent.
# usage: tests/bench/daemon-bench.sh [latency|cat|idle|all] [ROUNDS=3] [IDLE_SECONDS=60] [CORPUS_DIR=/tmp/godel-corpus]
#   `tests/bench/daemon-bench.sh latency` prints only the keystroke figures (p50/p99 and anchors), about a minute.
set -eu
what=all
case "${1:-}" in latency|cat|idle|all) what=$1; shift ;; esac
root=$(cd "$(dirname "$0")/../.." && pwd)
bench=${GODEL_BENCH_DIR:-$root/../shared/bench}
[ -d "$bench" ] || bench=/work/shared/bench
rounds=${1:-3}; idle=${2:-60}; dir=${3:-/tmp/godel-corpus}
[ -f "$dir/sgr.txt" ] || python3 "$bench/make-corpus.py" "$dir" >/dev/null
head -c 8192 "$dir/sgr.txt" >"$dir/sgr-8k.txt"
dotnet build -c Release "$root/src/Godel.Cli" >/dev/null
dotnet build -c Release "$root/tests/bench/daemon-bench" >/dev/null
godel=${GODEL_BENCH_GODEL:-$root/src/Godel.Cli/bin/Release/net10.0/godel}
run="$root/tests/bench/daemon-bench/bin/Release/net10.0/DaemonBench"
rate() { awk '{for (i=1;i<NF;i++) if ($(i+1)=="MB/s") print $i}'; }
best() { sort -g | tail -1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); rounds=$rounds; $(git -C "$root" rev-parse --short HEAD)"
if [ "$what" = all ] || [ "$what" = cat ]; then
for c in plain sgr; do
  f="$dir/$c.txt"
  for _ in $(seq "$rounds"); do
    python3 "$bench/rawpty.py" "$f" | rate >>"$tmp/raw-$c"
    "$run" "$godel" cat "$f" | rate >>"$tmp/godel-$c"
    "$run" "$godel" cat "$f" attached | rate >>"$tmp/client-$c"
    if command -v tmux >/dev/null; then "$bench/tmux-cat.sh" "$f" | rate >>"$tmp/tmux-$c"; fi
  done
  python3 - "$c" "$(best <"$tmp/raw-$c")" "$(best <"$tmp/godel-$c")" "$(best <"$tmp/client-$c")" "$( [ -f "$tmp/tmux-$c" ] && best <"$tmp/tmux-$c" || echo 0)" <<'PY'
import sys
c, raw, g, cl, t = sys.argv[1], *map(float, sys.argv[2:])
line = f"{c:6} raw-pty {raw:6.1f} MB/s | daemon {g:6.1f} MB/s = {g/raw:.2f}x raw | daemon+client {cl:6.1f} MB/s = {cl/raw:.2f}x raw"
if t: line += f" | tmux {t:6.1f} MB/s: daemon = {g/t:.2f}x tmux"
print(line)
PY
done
fi
if [ "$what" = all ] || [ "$what" = latency ]; then
  echo "load before latency: $(cut -d' ' -f1-3 /proc/loadavg)"
  "$run" "$godel" latency "$dir/sgr-8k.txt" 2000
  "$run" "$godel" latency "$dir/sgr-8k.txt" 1000 flood
fi
if [ "$what" = all ] || [ "$what" = idle ]; then
  "$run" "$godel" idle "$idle"
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
