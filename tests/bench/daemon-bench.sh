#!/usr/bin/env bash
# The daemon's figures, each against an anchor run in the same session:
#  - `cat` of each 64 MiB corpus inside an agent (200x50), fully processed by a real `godel daemon run`
#    (emulator + raw log; and with one attached client), interleaved with the raw-PTY anchor and tmux, best of ROUNDS;
#  - keystroke round trip client -> daemon -> PTY -> echo -> client with 8 other agents streaming (and flooding),
#    anchored by the same echo on a PTY read directly by the bench under the same load;
#  - 16 idle agents: daemon CPU over IDLE_SECONDS and memory per agent.
# usage: tests/bench/daemon-bench.sh [latency|cat|idle|all] [ROUNDS=3] [IDLE_SECONDS=60] [CORPUS_DIR=/tmp/godel-corpus]
#   `tests/bench/daemon-bench.sh latency` prints only the keystroke figures (p50/p99 and anchors), about a minute.
#   GODEL_BENCH_GODEL=PATH measures another godel build; GODEL_BENCH_BASELINE=PATH also runs that build's `cat` in every
#   round, interleaved with this one and the raw anchor (A/B on a noisy machine: compare medians, not single runs).
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
    if [ -n "${GODEL_BENCH_BASELINE:-}" ]; then "$run" "$GODEL_BENCH_BASELINE" cat "$f" | rate >>"$tmp/base-$c"; fi
    if command -v tmux >/dev/null; then "$bench/tmux-cat.sh" "$f" | rate >>"$tmp/tmux-$c"; fi
  done
  python3 - "$c" "$tmp" <<'PY'
import os, statistics, sys
c, tmp = sys.argv[1], sys.argv[2]
def rates(name):
    p = os.path.join(tmp, f"{name}-{c}")
    return [float(x) for x in open(p).read().split()] if os.path.exists(p) else []
raw, g, cl, t, b = (rates(n) for n in ("raw", "godel", "client", "tmux", "base"))
best = lambda xs: max(xs) if xs else 0.0
med = lambda xs: statistics.median(xs) if xs else 0.0
line = f"{c:6} raw-pty {best(raw):6.1f} MB/s | daemon {best(g):6.1f} MB/s = {best(g)/best(raw):.2f}x raw (median {med(g)/med(raw):.2f}x)"
line += f" | daemon+client {best(cl):6.1f} MB/s = {best(cl)/best(raw):.2f}x raw"
if t: line += f" | tmux {best(t):6.1f} MB/s: daemon = {best(g)/best(t):.2f}x tmux"
if b: line += f" | baseline {best(b):6.1f} MB/s = {best(b)/best(raw):.2f}x raw (median {med(b)/med(raw):.2f}x)"
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
