# Helpers of the container tests (t/70-79): fixture images put into the test's store, waiting for
# containers, an interactive terminal driven through tmux, and cleaning up what tests started.

# ct_image_add IMAGE: loads fixture IMAGE (jdock-test | jdock-small) into the test's store with
# `jdock load`, from its docker-archive shape, as a docker user would.
ct_image_add() {
  jdock_load "$1" docker-archive
}

# ct_wait_status NAME REGEX [SECONDS]: waits until `jdock ps -a` shows NAME with a STATUS matching
# REGEX (a readiness wait, not a timing assertion).
ct_wait_status() {
  local name=$1 regex=$2 limit=${3:-60} i status=""
  for ((i = 0; i < limit * 5; i++)); do
    status=$(jdock ps -a --filter "name=^$name\$" --format '{{.Status}}' 2>/dev/null || true)
    [[ $status =~ $regex ]] && return 0
    sleep 0.2
  done
  fail "container $name: status '$status' never matched /$regex/"
}

# ct_processes_with MARKER: the live processes whose command line (its words joined by spaces)
# contains MARKER, one /proc/PID per line (zombies have no command line; this shell is left out).
ct_processes_with() {
  local f words
  for f in /proc/[0-9]*/cmdline; do
    [[ $f == "/proc/$BASHPID/cmdline" ]] && continue
    mapfile -d '' words <"$f" 2>/dev/null || continue
    [[ "${words[*]}" == *"$1"* ]] && echo "${f%/cmdline}"
  done
  return 0
}

# ct_no_process_with MARKER [SECONDS]: waits until no live process has MARKER in its command line.
ct_no_process_with() {
  local i left
  for ((i = 0; i < ${2:-20} * 5; i++)); do
    left=$(ct_processes_with "$1")
    [[ -z $left ]] && return 0
    sleep 0.2
  done
  fail "processes with '$1' still run: $left"
}

# ct_wait_process MARKER [SECONDS]: waits until a live process has MARKER in its command line.
ct_wait_process() {
  local i
  for ((i = 0; i < ${2:-30} * 5; i++)); do
    [[ -n $(ct_processes_with "$1") ]] && return 0
    sleep 0.2
  done
  fail "no process with '$1' started"
}

# ct_mounts_of_store: the mounts under the test's store (one per line; none expected at rest).
ct_mounts_of_store() {
  awk -v d="$JDOCK_ROOT" 'index($5, d "/") == 1 { print $5 }' /proc/self/mountinfo
}

# ct_remove_all: removes every container of the store (teardown).
ct_remove_all() {
  local ids
  ids=$(jdock ps -aq 2>/dev/null || true)
  [[ -z $ids ]] || jdock rm -f $ids >/dev/null 2>&1 || true
}

# ct_tmux_start SESSION CMD...: runs CMD in a detached tmux session (120x40) on a real terminal
# ("jdock" is the built launcher there too); "EXITED=<status>" is printed when it ends, and the
# session stays for capture.
ct_tmux_start() {
  need tmux || return 1
  local session=$1
  shift
  [[ $1 != jdock ]] || set -- "$NT_JDOCK" "${@:2}"
  tmux kill-session -t "$session" 2>/dev/null || true
  tmux new-session -d -s "$session" -x 120 -y 40 \
    "cd $(printf '%q' "$PWD"); export JDOCK_ROOT=$(printf '%q' "$JDOCK_ROOT"); $(printf '%q ' "$@"); echo EXITED=\$?; sleep 600"
  defer tmux kill-session -t "$session"
}

# ct_tmux_screen SESSION: the visible screen and scroll-back of the session.
ct_tmux_screen() { tmux capture-pane -p -S -200 -t "$1"; }

# ct_tmux_wait SESSION REGEX [SECONDS]: waits until the screen has a line matching REGEX.
ct_tmux_wait() {
  local i
  for ((i = 0; i < ${3:-60} * 5; i++)); do
    grep -qE -- "$2" <<<"$(ct_tmux_screen "$1")" && return 0
    sleep 0.2
  done
  echo "--- screen of $1:" >&2
  ct_tmux_screen "$1" >&2
  fail "tmux session $1: no line matched /$2/"
}

# ct_tmux_count SESSION REGEX: how many lines of the screen match REGEX.
ct_tmux_count() { ct_tmux_screen "$1" | grep -cE -- "$2" || true; }

# ct_tmux_keys SESSION KEYS...: types into the session (tmux send-keys syntax: Enter, C-c...).
ct_tmux_keys() {
  local session=$1
  shift
  tmux send-keys -t "$session" "$@"
}
