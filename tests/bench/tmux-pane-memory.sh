#!/usr/bin/env bash
# The tmux memory anchor: growth of a tmux server's resident memory when its 200x50 pane
# (history-limit 10000) takes in 10,050 lines of FILE. usage: tmux-pane-memory.sh FILE
set -eu
f=$(readlink -f "$1"); sock=godel-mem-$$; s=mem
part=$(mktemp); trap 'rm -f "$part"' EXIT
head -n 10050 "$f" > "$part"
# history-limit applies to panes created after it is set, so set it in the same command, first.
tmux -L "$sock" -f /dev/null start-server \; set -g history-limit 10000 \; new-session -d -s $s -x 200 -y 50 "bash --norc --noprofile"
sleep 0.5
pid=$(tmux -L "$sock" display-message -p '#{pid}')
before=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
tmux -L "$sock" send-keys -t $s "cat '$part'; tmux -L $sock wait-for -S done" Enter
tmux -L "$sock" wait-for done
sleep 0.5
after=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
lines=$(tmux -L "$sock" display-message -p '#{history_size}')
tmux -L "$sock" kill-server
awk -v b="$before" -v a="$after" -v l="$lines" -v f="$(basename "$f")" 'BEGIN { printf "tmux pane 200x50 holding %d history lines of %s: %.2f MB resident growth\n", l, f, (a-b)*1024/1e6 }'
