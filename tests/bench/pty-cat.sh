#!/usr/bin/env bash
# `cat` of each corpus through Godel's PTY + emulator at 200x50 (10k lines of scrollback), against
# the raw-PTY anchor (shared/bench/rawpty.py) and tmux (shared/bench/tmux-cat.sh), interleaved in
# the same run, best of ROUNDS each. Also shows Godel's PTY with a discarding reader and the
# emulator alone (its ceiling). usage: tests/bench/pty-cat.sh [ROUNDS] [CORPUS_DIR]
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
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); best of $rounds rounds"
for c in plain sgr; do
  f="$dir/$c.txt"
  for _ in $(seq "$rounds"); do
    python3 "$bench/rawpty.py" "$f" | rate >>"$tmp/raw"
    "$godel" pty-cat "$f" | rate >>"$tmp/godel"
    "$godel" pty-cat "$f" --discard | rate >>"$tmp/discard"
    if command -v tmux >/dev/null; then "$bench/tmux-cat.sh" "$f" | rate >>"$tmp/tmux"; fi
  done
  "$godel" emu-feed "$f" | rate >>"$tmp/emu"
  python3 - "$c" "$(best "$tmp/raw")" "$(best "$tmp/godel")" "$(best "$tmp/discard")" "$(best "$tmp/tmux")" "$(best "$tmp/emu")" <<'PY'
import sys
c = sys.argv[1]
raw, g, d, t, e = (float(x or 0) for x in sys.argv[2:7])
print(f"{c}: raw PTY {raw:.1f} MB/s | Godel PTY+emulator {g:.1f} MB/s = {g/raw:.2f}x raw"
      + (f" = {g/t:.2f}x tmux ({t:.1f} MB/s)" if t else " (tmux not installed)")
      + f" | Godel PTY, discarding reader {d:.1f} MB/s = {d/raw:.2f}x raw | emulator alone {e:.1f} MB/s")
PY
  rm -f "$tmp"/*
done
