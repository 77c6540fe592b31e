# rmi and containers, as docker's daemon decides (reference doc 1.5): a stopped container's image
# must be forced, a running one's cannot be, an image with committed children cannot be deleted.
# Needs `jdock rmi` (the images commands).

setup_file() {
  ct_image_add jdock-test
  IMAGE_ID=$(fx_image_id jdock-test)
  SHORT=${IMAGE_ID:7:12}
}

teardown_file() {
  ct_remove_all
}

test_a_stopped_containers_image_must_be_forced() {
  assert_ok jdock create --name stopped jdock-test true
  local cid
  cid=$(jdock ps -aq --filter name=stopped)
  assert_fails_with "Error response from daemon: conflict: unable to delete $SHORT (must be forced) - image is being used by stopped container $cid" \
    1 jdock rmi "$SHORT"
  assert_ok jdock rm stopped
}

test_a_running_containers_image_cannot_be_forced() {
  assert_ok jdock run -d --name running jdock-test sleep 1000
  ct_wait_status running '^Up '
  local cid
  cid=$(jdock ps -q --filter name=running)
  assert_fails_with "Error response from daemon: conflict: unable to delete $SHORT (cannot be forced) - image is being used by running container $cid" \
    1 jdock rmi -f "$SHORT"
  assert_ok jdock rm -f running
}

test_a_committed_images_parent_has_a_dependent_child() {
  assert_ok jdock run --name parent-of jdock-test sh -c 'echo x > /x'
  assert_ok jdock commit parent-of child:1
  assert_ok jdock rm parent-of
  assert_fails_with "Error response from daemon: conflict: unable to delete $SHORT (cannot be forced) - image has dependent child images" \
    1 jdock rmi -f "$SHORT"
  assert_ok jdock rmi child:1
  assert_line "$output" "Untagged: child:1"
  assert_ok jdock rmi "$SHORT"
  assert_line "$output" "Deleted: $IMAGE_ID"
}
