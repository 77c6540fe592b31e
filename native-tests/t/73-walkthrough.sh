# The seed walk-through, as a docker user would type it: an interactive bash in the Debian image
# (ls, cat /etc/os-release, exit), ps -a, rmi refused while a container uses the image, rm -f,
# rmi succeeds. Needs `jdock rmi` (the images commands).

setup_file() {
  ct_image_add jdock-test
  IMAGE_ID=$(fx_image_id jdock-test)
}

teardown_file() {
  ct_remove_all
}

test_run_it_bash_ps_rmi_refused_rm_f_rmi() {
  ct_tmux_start walk jdock run -it jdock-test bash
  ct_tmux_wait walk '^root@[0-9a-f]{12}:/jdock-test# ?$'
  ct_tmux_keys walk 'ls' Enter
  ct_tmux_wait walk '^files +links +opaque-first'
  ct_tmux_keys walk 'cat /etc/os-release' Enter
  ct_tmux_wait walk '^PRETTY_NAME="Debian GNU/Linux 12 \(bookworm\)"$'
  ct_tmux_keys walk 'exit' Enter
  ct_tmux_wait walk '^EXITED=0$'

  assert_ok jdock ps -a
  assert_eq 2 "$(wc -l <<<"$output")" "lines of ps -a"
  local header row id name
  header=$(head -n 1 <<<"$output")
  row=$(tail -n 1 <<<"$output")
  assert_match "$header" '^CONTAINER ID   IMAGE        COMMAND   CREATED +STATUS +PORTS +NAMES$'
  assert_match "$row" '^[0-9a-f]{12}   jdock-test   "bash"    [^ ].* ago +Exited \(0\) [^ ].* ago +[a-z]+_[a-z]+$'
  # the columns line up under the header, as docker's tabwriter aligns them
  assert_eq "$(awk '{ print index($0, "STATUS") }' <<<"$header")" \
    "$(awk '{ print index($0, "Exited") }' <<<"$row")" "STATUS column"
  id=${row:0:12}
  name=${row##* }

  assert_fails_with "Error response from daemon: conflict: unable to remove repository reference \"jdock-test\" (must force) - container $id is using its referenced image ${IMAGE_ID:7:12}" \
    1 jdock rmi jdock-test
  assert_ok jdock rm -f "$name"
  assert_output "$name"
  assert_ok jdock rmi jdock-test
  assert_line "$output" "Untagged: jdock-test:latest"
  assert_line "$output" "Deleted: $IMAGE_ID"
  assert_eq "" "$(ct_mounts_of_store)"
}
