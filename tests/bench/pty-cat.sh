#!/usr/bin/env bash
# `cat` of each corpus through Godel's PTY + emulator at 200x50 (10k lines of scrollback), against
# the raw-PTY anchor (shared/bench/rawpty.py) and tmux (shared/bench/tmux-cat.sh), interleaved in
# the same run, best and median of ROUNDS each. Also shows Godel's PTY with a discarding reader and the
# emulator alone (its ceiling). usage: tests/bench/pty-cat.sh [ROUNDS] [CORPUS_DIR]
# Each Godel round is one process timing WARM runs (3 cats, best kept): the emulator lives in the daemon and the TUI,
# long-lived processes whose code the JIT has long since optimised. The first, cold run of each process (tier-0 and
# instrumented code while the JIT works) is reported separately.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
bench=${GODEL_BENCH_DIR:-$root/../shared/bench}
[ -d "$bench" ] || bench=/work/shared/bench
rounds=${1:-5}; dir=${2:-/tmp/godel-corpus}
[ -f "$dir/sgr.txt" ] || python3 "$bench/make-corpus.py" "$dir" >/dev/null
dotnet build -c Release "$root/tests/Godel.Benchmarks" >/dev/null
godel="$root/tests/Godel.Benchmarks/bin/Release/net10.0/Godel.Benchmarks"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
rate() { awk '{for (i=1;i<NF;i++) if ($(i+1)=="MB/s") print $i}'; }
best() { sort -g "$1" 2>/dev/null | tail -1; }
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $rounds rounds"
for c in plain sgr; do
  f="$dir/$c.txt"
  for _ in $(seq "$rounds"); do
    python3 "$bench/rawpty.py" "$f" | rate >>"$tmp/raw"
    "$godel" pty-cat "$f" --runs 3 2>"$tmp/runs" | rate >>"$tmp/godel"
    awk '$1=="run" && $2=="1:" {print $3}' "$tmp/runs" >>"$tmp/cold"
    "$godel" pty-cat "$f" --discard --runs 3 2>/dev/null | rate >>"$tmp/discard"
    if command -v tmux >/dev/null; then "$bench/tmux-cat.sh" "$f" | rate >>"$tmp/tmux"; fi
  done
  "$godel" emu-feed "$f" | rate >>"$tmp/emu"   # the first figure: wall-clock MB/s
  python3 - "$c" "$tmp" <<'PY'
import os, statistics, sys
c, tmp = sys.argv[1], sys.argv[2]
def figures(name):
    p = os.path.join(tmp, name)
    xs = [float(x) for x in open(p).read().split()] if os.path.exists(p) else []
    return (max(xs), statistics.median(xs)) if xs else (0.0, 0.0)
raw, g, d, t, e, cold = (figures(n) for n in ("raw", "godel", "discard", "tmux", "emu", "cold"))
def ratio(a, b): return f"{a[0]/b[0]:.2f}x best, {a[1]/b[1]:.2f}x median"
print(f"{c}: raw PTY {raw[0]:.1f} MB/s (median {raw[1]:.1f})")
print(f"  Godel PTY+emulator  {g[0]:.1f} MB/s (median {g[1]:.1f}) = {ratio(g, raw)} of raw"
      + (f"; {ratio(g, t)} of tmux ({t[0]:.1f}, median {t[1]:.1f})" if t[0] else "; tmux not installed"))
print(f"  Godel PTY+emulator, first (cold) run of each process {cold[0]:.1f} MB/s (median {cold[1]:.1f}) = {ratio(cold, raw)} of raw")
print(f"  Godel PTY, discarding reader {d[0]:.1f} MB/s (median {d[1]:.1f}) = {ratio(d, raw)} of raw")
print(f"  emulator alone {e[0]:.1f} MB/s (ceiling for PTY+emulator)")
PY
  rm -f "$tmp"/*
done
