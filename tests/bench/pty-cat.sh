#!/usr/bin/env bash
# `cat` of each corpus through Godel's PTY + emulator at 200x50, against the raw-PTY anchor
# (shared/bench/rawpty.py) and tmux (shared/bench/tmux-cat.sh) in the same run, interleaved,
# best of ROUNDS each. Prints MB/s and the ratios. usage: tests/bench/pty-cat.sh [ROUNDS] [CORPUS_DIR] [--discard]
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
bench=${GODEL_BENCH_DIR:-$root/../shared/bench}
[ -d "$bench" ] || bench=/work/shared/bench
rounds=${1:-5}; dir=${2:-/tmp/godel-corpus}; mode=${3:-}
[ -f "$dir/sgr.txt" ] || python3 "$bench/make-corpus.py" "$dir" >/dev/null
dotnet build -c Release "$root/tests/Godel.Benchmarks" >/dev/null
godel="$root/tests/Godel.Benchmarks/bin/Release/net10.0/Godel.Benchmarks"
rate() { awk '{for (i=1;i<NF;i++) if ($(i+1)=="MB/s") print $i}'; }
best() { sort -g | tail -1; }
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); rounds=$rounds"
for c in plain sgr; do
  f="$dir/$c.txt"; : >/tmp/godel-ptycat-raw; : >/tmp/godel-ptycat-godel; : >/tmp/godel-ptycat-tmux
  for _ in $(seq "$rounds"); do
    python3 "$bench/rawpty.py" "$f" | rate >>/tmp/godel-ptycat-raw
    "$godel" pty-cat "$f" $mode | rate >>/tmp/godel-ptycat-godel
    if command -v tmux >/dev/null; then "$bench/tmux-cat.sh" "$f" | rate >>/tmp/godel-ptycat-tmux; fi
  done
  raw=$(best </tmp/godel-ptycat-raw); g=$(best </tmp/godel-ptycat-godel); t=$(best </tmp/godel-ptycat-tmux)
  python3 - "$c" "$raw" "$g" "${t:-0}" "${mode:-emulator}" <<'PY'
import sys
c, raw, g, t, mode = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
line = f"{c:6} raw-pty {raw:6.1f} MB/s | godel ({mode}) {g:6.1f} MB/s = {g/raw:.2f}x raw"
if t: line += f" | tmux {t:6.1f} MB/s, godel = {g/t:.2f}x tmux"
print(line)
PY
done
rm -f /tmp/godel-ptycat-raw /tmp/godel-ptycat-godel /tmp/godel-ptycat-tmux
