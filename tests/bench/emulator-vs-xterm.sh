#!/usr/bin/env bash
# Godel's terminal emulator vs the xterm.js headless anchor, in the same run, on both corpora:
# prints MB/s (wall and per CPU-second), the ratios, and the memory of a pane holding 10k SGR lines
# next to tmux's. usage: tests/bench/emulator-vs-xterm.sh [CORPUS_DIR]
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
shared=${GODEL_SHARED_BENCH:-/work/shared/bench}
dir=${1:-/tmp/godel-corpus}
[ -f "$dir/sgr.txt" ] || python3 "$shared/make-corpus.py" "$dir" >/dev/null
nm=/tmp/godel-xterm-anchor
[ -d "$nm/node_modules/@xterm/headless" ] || (mkdir -p "$nm" && cd "$nm" && npm install --silent @xterm/headless@6.0.0 >/dev/null 2>&1)
dotnet build -c Release "$root/tests/Godel.Benchmarks" >/dev/null
bench="dotnet $root/tests/Godel.Benchmarks/bin/Release/net10.0/Godel.Benchmarks.dll"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
for c in plain sgr; do
  x=$(NODE_PATH=$nm/node_modules node "$root/tests/bench/xterm-cpu.js" "$dir/$c.txt")
  g=$($bench terminal-throughput "$dir/$c.txt")
  echo "$x"
  echo "$g"
  # fields: "xterm.js FILE W MB/s wall, C MB/s per CPU-second" and "godel FILE W MB/s wall, C MB/s per CPU-second ..."
  xw=$(echo "$x" | awk '{print $3}'); xc=$(echo "$x" | awk '{print $6}')
  gw=$(echo "$g" | awk '{print $3}'); gc=$(echo "$g" | awk '{print $6}')
  awk -v c="$c" -v xw="$xw" -v xc="$xc" -v gw="$gw" -v gc="$gc" 'BEGIN { printf "ratio %s: %.1fx wall, %.1fx per CPU-second (target >= 3x)\n", c, gw/xw, gc/xc }'
done
$bench terminal-memory "$dir/sgr.txt"
if command -v tmux >/dev/null; then "$root/tests/bench/tmux-pane-memory.sh" "$dir/sgr.txt"; fi
