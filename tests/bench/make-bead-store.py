#!/usr/bin/env python3
# Creates a git repository whose godel/beads branch holds N beads in ONE commit (git fast-import), for benchmarks.
import json, random, subprocess, sys, os

def main():
    repo, n = sys.argv[1], int(sys.argv[2])
    rnd = random.Random(42)
    os.makedirs(repo, exist_ok=True)
    subprocess.run(["git", "init", "-q", "-b", "main", repo], check=True)
    alphabet = "0123456789abcdefghijklmnopqrstuvwxyz"
    ids = set()
    out = bytearray()
    files = []
    for i in range(n):
        while True:
            bead_id = "godel-" + "".join(rnd.choice(alphabet) for _ in range(5))
            if bead_id not in ids:
                break
        ids.add(bead_id)
        created = f"2026-01-01T{i // 3600 % 24:02}:{i // 60 % 60:02}:{i % 60:02}+00:00"
        bead = {
            "schema": 1, "id": bead_id, "title": f"Bead number {i}: do something useful",
            "description": "Generated for benchmarks.", "type": rnd.choice(["task", "bug", "feature", "chore", "epic"]),
            "status": rnd.choice(["open", "in-progress", "blocked", "done"]), "priority": rnd.randrange(5),
            "labels": [rnd.choice(["ui", "backend", "auth", "docs", "perf", "infra"])],
            "agent": None, "worktree": None, "branch": None, "commits": [], "blocked_by": [], "comments": [],
            "created": created, "updated": created, "closed": None, "close_reason": None,
        }
        data = (json.dumps(bead, indent=2, ensure_ascii=False) + "\n").encode()
        out += b"blob\nmark :%d\ndata %d\n" % (i + 1, len(data)) + data + b"\n"
        files.append((i + 1, bead_id))
    message = f"generated {n} beads".encode()
    out += b"commit refs/heads/godel/beads\ncommitter Bench <bench@example.com> 1767225600 +0000\n"
    out += b"data %d\n" % len(message) + message + b"\n"
    for mark, bead_id in files:
        out += b"M 100644 :%d .godel/beads/%s.json\n" % (mark, bead_id.encode())
    out += b"\n"
    subprocess.run(["git", "-C", repo, "fast-import", "--quiet"], input=bytes(out), check=True)

if __name__ == "__main__":
    main()
