#!/usr/bin/env bash
# `godel bead list --json` on 10k beads, whole process, against `git ls-tree -r godel/beads` in the same run.
# Usage: tests/bench/beads-cli.sh [N]   (needs hyperfine: apt-get install -y hyperfine)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
n=${1:-10000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== publishing godel (ReadyToRun, the shipped form) and a plain build for comparison"
dotnet publish "$root/src/Godel.Cli" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/r2r" -v q -nologo >/dev/null
dotnet publish "$root/src/Godel.Cli" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=false -o "$work/jit" -v q -nologo >/dev/null

echo "== generating $n beads in one commit"
python3 "$root/tests/bench/make-bead-store.py" "$work/repo" "$n"
cd "$work/repo"
"$work/r2r/godel" bead list --json >/dev/null   # builds .godel/cache once, as the first command in a repository does
echo "beads listed: $("$work/r2r/godel" bead list --all --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')"

hyperfine -N --warmup 5 --runs ${RUNS:-40} --export-markdown "$work/warm.md" \
  -n "git ls-tree -r godel/beads" "git ls-tree -r godel/beads" \
  -n "godel bead list --json (R2R)" "$work/r2r/godel bead list --json" \
  -n "godel bead list --json (R2R, TieredPGO=0)" "env DOTNET_TieredPGO=0 $work/r2r/godel bead list --json" \
  -n "godel bead list --json (JIT only)" "$work/jit/godel bead list --json" \
  -n "godel bead list --label auth (R2R)" "$work/r2r/godel bead list --label auth"
cat "$work/warm.md"

echo "== first command in a fresh clone (no .godel/cache yet: parses every blob, then writes the cache)"
hyperfine -N --warmup 1 --runs ${COLD_RUNS:-10} --prepare "rm -rf $work/repo/.godel/cache" --export-markdown "$work/cold.md" \
  -n "git ls-tree -r godel/beads" "git ls-tree -r godel/beads" \
  -n "godel bead list --json, no cache (R2R)" "$work/r2r/godel bead list --json"
cat "$work/cold.md"
