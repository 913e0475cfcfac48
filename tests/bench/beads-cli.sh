#!/usr/bin/env bash
# `godel bead list --json` on N beads (default 10k), whole process, against `git ls-tree -r godel/beads` in the same run;
# prints wall and CPU (user+sys) for both and godel's ratio to git. Needs hyperfine (apt-get install -y hyperfine).
# Usage: tests/bench/beads-cli.sh [N]      env: RUNS=40, FULL=1 also times a JIT build, TieredPGO=0 and a fresh clone,
#        AOT=1 also times a NativeAOT publish (not the shipped form: other components still have AOT warnings; ~7 min).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
n=${1:-10000}
runs=${RUNS:-40}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
command -v hyperfine >/dev/null || { echo "hyperfine not found: apt-get install -y hyperfine" >&2; exit 2; }

echo "== publishing godel as shipped (framework-dependent, ReadyToRun)"
dotnet publish "$root/src/Godel.Cli" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/r2r" -v q -nologo >/dev/null
godel="$work/r2r/godel"

echo "== generating $n beads in one commit (git fast-import)"
python3 "$root/tests/bench/make-bead-store.py" "$work/repo" "$n"
cd "$work/repo"
"$godel" bead list --json >/dev/null   # the first command in a repository builds .godel/cache, as it would for a user
echo "beads listed: $("$godel" bead list --all --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')"

extra=()
if [[ "${FULL:-0}" == 1 ]]; then
  dotnet publish "$root/src/Godel.Cli" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=false -o "$work/jit" -v q -nologo >/dev/null
  extra=(-n "godel bead list --json (JIT only)" "$work/jit/godel bead list --json"
         -n "godel bead list --json (TieredPGO=0)" "env DOTNET_TieredPGO=0 $godel bead list --json"
         -n "godel bead list --label auth (table)" "$godel bead list --label auth")
fi

if [[ "${AOT:-0}" == 1 ]]; then
  dotnet publish "$root/src/Godel.Cli" -c Release -r linux-x64 -p:PublishAot=true -p:TreatWarningsAsErrors=false -o "$work/aot" -v q -nologo >/dev/null
  extra+=(-n "godel bead list --json (NativeAOT)" "$work/aot/godel bead list --json")
fi

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
hyperfine -N --warmup 5 --runs "$runs" --export-json "$work/warm.json" --export-markdown "$work/warm.md" \
  -n "git ls-tree -r godel/beads" "git ls-tree -r godel/beads" \
  -n "godel bead list --json" "$godel bead list --json" ${extra[@]+"${extra[@]}"} >/dev/null
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
cat "$work/warm.md"

if [[ "${FULL:-0}" == 1 ]]; then
  echo "== first command in a fresh clone (no .godel/cache: parses every blob, then writes the cache)"
  hyperfine -N --warmup 1 --runs 10 --prepare "rm -rf $work/repo/.godel/cache" \
    -n "godel bead list --json, no cache" "$godel bead list --json"
fi

python3 - "$work/warm.json" "$load_before" "$load_after" <<'EOF'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
git, godel = results["git ls-tree -r godel/beads"], results["godel bead list --json"]
ms = lambda s: s * 1000
cpu = lambda r: ms(r["user"] + r["system"])
print(f"\nload average before/after: {sys.argv[2]} / {sys.argv[3]} (2 cores; wall times grow with it, CPU much less)")
print(f"git ls-tree -r godel/beads : wall median {ms(git['median']):6.1f} ms (mean {ms(git['mean']):6.1f}), CPU {cpu(git):6.1f} ms")
print(f"godel bead list --json     : wall median {ms(godel['median']):6.1f} ms (mean {ms(godel['mean']):6.1f}), CPU {cpu(godel):6.1f} ms")
print(f"ratio godel/git            : wall median {godel['median'] / git['median']:.1f}x, CPU {cpu(godel) / cpu(git):.1f}x")
for name, r in results.items():
    if name.startswith("godel bead list --json ("):
        print(f"{name:27}: wall median {ms(r['median']):6.1f} ms, CPU {cpu(r):6.1f} ms ({cpu(r) / cpu(git):.1f}x git)")
print(f"target (wall, cold process ≤ 150 ms): {'met' if ms(godel['median']) <= 150 else 'NOT met'} at median {ms(godel['median']):.1f} ms")
EOF
