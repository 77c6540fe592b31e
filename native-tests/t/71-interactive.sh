# jdock run -it and exec -it on a real terminal (a tmux pane): bash's prompt, line editing,
# Ctrl-C to the foreground process, exit codes, and the terminal the container sees.

setup_file() {
  ct_image_add jdock-test
}

teardown_file() {
  ct_remove_all
}

test_an_interactive_bash_session() {
  ct_tmux_start it jdock run -it --name shell jdock-test bash
  ct_tmux_wait it '^root@[0-9a-f]{12}:/jdock-test# ?$'
  ct_tmux_keys it 'ls /' Enter
  ct_tmux_wait it 'bin +boot +dev +etc +home +jdock-test'
  ct_tmux_keys it 'cat /etc/os-release' Enter
  ct_tmux_wait it '^PRETTY_NAME="Debian GNU/Linux 12 \(bookworm\)"$'
  # readline editing: the cursor moves back, a letter goes in
  ct_tmux_keys it 'echo helo-world' Left Left Left Left Left Left Left 'l' Enter
  ct_tmux_wait it '^hello-world$'
  ct_tmux_keys it 'tty; echo "$TERM"' Enter
  ct_tmux_wait it '^/dev/pts/0$'
  ct_tmux_wait it '^xterm$'
  # Ctrl-C reaches the foreground process, not jdock: bash stays and reports 130
  ct_tmux_keys it 'sleep 1000' Enter
  ct_tmux_wait it '^root@[0-9a-f]{12}:/jdock-test# sleep 1000$'
  ct_wait_process "sleep 1000"
  ct_tmux_keys it C-c
  ct_no_process_with "sleep 1000"
  ct_tmux_keys it 'echo "status=$?"' Enter
  ct_tmux_wait it '^status=130$'
  ct_tmux_keys it 'exit 7' Enter
  ct_tmux_wait it '^EXITED=7$'
  assert_ok jdock ps -a --filter name=shell --format '{{.Status}}'
  assert_match "$output" '^Exited \(7\) '
  assert_eq "" "$(ct_mounts_of_store)"
}

test_exec_it_gets_a_terminal_of_the_container() {
  assert_ok jdock run -d --name target jdock-test sleep 1000
  ct_wait_status target '^Up '
  ct_tmux_start ex jdock exec -it target bash
  ct_tmux_wait ex '^root@[0-9a-f]{12}:/jdock-test# ?$'
  ct_tmux_keys ex 'tty; ps -o pid= -p 1 2>/dev/null || cat /proc/1/cmdline; echo' Enter
  ct_tmux_wait ex '^/dev/pts/[0-9]+$'
  ct_tmux_keys ex 'exit 3' Enter
  ct_tmux_wait ex '^EXITED=3$'
  assert_ok jdock ps --filter name=target --format '{{.Status}}'
  assert_match "$output" '^Up '
  assert_ok jdock rm -f target
}

test_without_a_terminal_stdin_is_piped_with_i_and_closed_without() {
  run jdock run --rm -i jdock-test sh -c 'read line; echo "got:$line"; [ -t 0 ] || echo not-a-tty' <<<"hello"
  assert_eq 0 "$status"
  assert_output "got:hello" not-a-tty
  assert_ok jdock run --rm jdock-test sh -c 'cat; echo eof'
  assert_output eof
}

test_it_without_a_terminal_is_refused_as_docker_refuses_it() {
  assert_fails_with "the input device is not a TTY" 1 jdock run -it --rm jdock-test true </dev/null
  assert_ok jdock run -t --rm jdock-test sh -c '[ -t 1 ] && tty'
  assert_match "$output" '^/dev/pts/0'
}
