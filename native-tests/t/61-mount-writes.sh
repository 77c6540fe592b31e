# Writes through a jdock mount of jdock-test, run identically on kernel overlayfs, fuse-overlayfs
# and `jdock overlay` over the same layers (lib/overlay.sh): each scenario must print the same
# and leave the same merged tree; at the end the whole merged trees and the upper dirs (whiteouts
# normalised to OCI form) must agree, and jdock's upper dir must be a valid OCI layer on top of
# the image. Where the oracles differ from jdock by design, the test says so and checks both.
#
# Each test changes its own part of the tree (under jdock-test/), so they run on one set of mounts.

MOUNTS=(jdock overlay kernel fuse)

setup_file() {
  union_store_image jdock-test
  M=$NT_CASE_DIR
  LOWERS=$(overlay_lowers jdock-test "$M/layers")
  # Every mtime from now on is "new" (treediff --mtime-since): the four mounts change entries at
  # slightly different moments; an entry one mount changed and another did not still differs.
  sleep 1
  T0=$(date +%s)
  union_mount_kernel "$LOWERS" "$M/kernel"
  overlay_mount_fuse "$LOWERS" "$M/fuse" rw
  mkdir -p "$M/overlay/merged" "$M/overlay/upper" "$M/overlay/work"
  jdock overlay -o "lowerdir=$LOWERS,upperdir=$M/overlay/upper,workdir=$M/overlay/work" "$M/overlay/merged"
  defer union_umount_quietly "$M/overlay/merged"
  union_mount jdock-test "$M/jdock/merged" --name writes
  ln -s "$(jdock mounts --format '{{.Upper}}')" "$M/jdock/upper"
  # Other users (the sticky-dir test) must reach the mounts.
  union_traversable "$M"
  chmod o+x "$M"/*/
}

teardown_file() {
  union_umount_quietly "$M/jdock/merged"
  union_umount_quietly "$M/overlay/merged"
}

# on_each FUNC: runs FUNC in jdock-test/ of each mount, output and exit status in $NT_CASE_DIR/M.out.
on_each() {
  local m rc
  for m in "${MOUNTS[@]}"; do
    (cd "$M/$m/merged/jdock-test" && "$@") >"$NT_CASE_DIR/$m.out" 2>&1 && rc=0 || rc=$?
    echo "exit $rc" >>"$NT_CASE_DIR/$m.out"
  done
}

# same_output [MOUNT...]: these mounts (default: all) printed what jdock printed.
same_output() {
  local m bad=0 others=("$@")
  ((${#others[@]})) || others=("${MOUNTS[@]:1}")
  for m in "${others[@]}"; do
    if ! cmp -s "$NT_CASE_DIR/jdock.out" "$NT_CASE_DIR/$m.out"; then
      echo "output of jdock (<) and $m (>) differ:" >&2
      diff "$NT_CASE_DIR/jdock.out" "$NT_CASE_DIR/$m.out" | head -n 40 >&2
      bad=1
    fi
  done
  ((bad == 0)) || fail "the mounts printed different things"
}

# Treediff options per oracle. fuse-overlayfs 1.10 does not keep mtimes on copy-up: the parent
# dir of a copied-up file gets a new mtime (from the rename out of its workdir), a copied-up
# symlink the time of the copy. Kernel overlayfs and jdock keep them, so mtimes are compared
# with kernel overlayfs and jdock overlay only.
declare -A TREE_OPTS=([overlay]="" [kernel]="" [fuse]="--ignore mtime")

# same_trees PATH [treediff options]: PATH (under jdock-test/) is the same tree on every mount.
same_trees() {
  local path=$1 m
  shift
  for m in "${MOUNTS[@]:1}"; do
    same_tree_on "$m" "$path" "$@" || return 1
  done
}

# same_tree_on MOUNT PATH [treediff options]: PATH is the same tree on MOUNT as on jdock.
same_tree_on() {
  local m=$1 path=$2
  shift 2
  # shellcheck disable=SC2086 # TREE_OPTS holds words
  assert_tree_same "$M/jdock/merged/jdock-test/$path" "$M/$m/merged/jdock-test/$path" \
    --mtime-since "$T0" ${TREE_OPTS[$m]} "$@"
}

# out M: what FUNC printed on mount M.
out() { cat "$NT_CASE_DIR/$1.out"; }

modify_lower_files() {
  echo appended >>files/regular.txt
  truncate -s 3 files/exec.sh
  echo rewritten >files/modified.txt # open(O_TRUNC)
  truncate -s 10 files/empty
  printf XY | dd of=files/owned conv=notrunc status=none # overwrite in place
  cat files/regular.txt files/exec.sh files/modified.txt
  od -An -c files/empty files/owned
  stat -c '%n %s %a %u:%g' files/*
}

test_modify_lower_files_append_truncate_and_rewrite() {
  on_each modify_lower_files
  same_output
  assert_contains "$(out jdock)" $'hello\nappended\n#!/rewritten\n'
  same_trees files
}

change_attributes() {
  chmod 0750 perms/setgid
  chown 123:456 perms/setuid # clears the setuid bit
  touch -h -d '2001-02-03 04:05:06.123456789 UTC' perms/setgid
  chmod 0700 repack
  chown 7:8 repack
  touch -d '2002-03-04 05:06:07.5 UTC' repack
  chown 0:1 repack/cap-true
  stat -c '%n %a %u:%g %y' perms/setgid perms/setuid repack repack/cap-true
  getcap repack/cap-true
}

test_chmod_chown_and_touch_of_lower_files_and_dirs() {
  on_each change_attributes
  same_output
  assert_contains "$(out jdock)" "perms/setuid 755 123:456"
  assert_contains "$(out jdock)" "repack 700 7:8 2002-03-04 05:06:07.500000000"
  same_trees perms --exclude 'setgid-dir' --exclude 'sticky-dir'
  same_trees repack
}

delete_files_and_dirs() {
  rm gone/kept.txt links/dangling special/fifo
  rm -r longnames/d1-*
  rmdir replace || true # not empty
  ls -A gone longnames special
  ls links
}

test_delete_files_and_whole_dirs() {
  on_each delete_files_and_dirs
  same_output
  assert_contains "$(out jdock)" "rmdir: failed to remove 'replace': Directory not empty"
  same_trees gone
  same_trees longnames
  same_trees special
}

delete_and_recreate_dirs() {
  rm -r opaque-first && mkdir opaque-first
  echo "the only one" >opaque-first/shared
  rm -r redo-dir && mkdir -p redo-dir/sub
  rm replace/dir-to-file && mkdir replace/dir-to-file # layer 3 had a dir of that name
  rm -r replace/file-to-dir && echo now-a-file >replace/file-to-dir
  ls -AR opaque-first redo-dir replace
  cat opaque-first/shared replace/file-to-dir
}

test_deleted_then_recreated_dirs_show_no_lower_content() {
  on_each delete_and_recreate_dirs
  same_output
  assert_contains "$(out jdock)" $'opaque-first:\nshared\n'
  assert_contains "$(out jdock)" $'replace/dir-to-file:\nthe only one\n'
  same_trees opaque-first
  same_trees redo-dir
  same_trees replace
}

rename_lower_files_and_dirs() {
  mv opaque-last/new1 opaque-last/renamed
  mv opaque-last/shared replace/shared-moved
  mv replace/file-to-symlink opaque-last/was-a-symlink
  mv -f replace/shared-moved opaque-last/renamed # over a copied-up name
  mv longnames longnames-moved                    # a lower dir with a whiteout below
  mv perms/setgid-dir/ perms/setgid-dir-moved
  mv perms/setgid-dir-moved perms/setgid-dir # and back
  ls -A opaque-last replace longnames-moved
  cat opaque-last/renamed
  readlink opaque-last/was-a-symlink
}

test_rename_lower_files_and_dirs() {
  # Kernel overlayfs (redirect_dir=off) and fuse-overlayfs refuse rename(2) of a merged dir with
  # EXDEV, so mv copies there; jdock renames. The results must be the same.
  on_each rename_lower_files_and_dirs
  same_output
  assert_contains "$(out jdock)" "new shared"
  same_trees opaque-last
  same_trees replace
  same_trees longnames-moved
  assert_eq 1 "$(ls "$M/jdock/merged/jdock-test/longnames-moved" | wc -l)" "entries left in longnames-moved"
  same_trees perms/setgid-dir # moved back onto its own whiteout: opaque now, times kept
}

rename_syscall() {
  python3 -c '
import os
try:
    os.rename("unicode", "unicode-renamed")
    print("renamed")
except OSError as e:
    print(os.strerror(e.errno))
'
}

test_rename_syscall_of_a_lower_dir_is_atomic_on_jdock_only() {
  on_each rename_syscall
  assert_eq $'renamed\nexit 0' "$(out jdock)" "jdock mount"
  assert_eq $'renamed\nexit 0' "$(out overlay)" "jdock overlay"
  # Expected divergence: redirect_dir=off / fuse-overlayfs cannot rename a merged dir.
  assert_eq $'Invalid cross-device link\nexit 0' "$(out kernel)" "kernel overlayfs"
  assert_eq $'Invalid cross-device link\nexit 0' "$(out fuse)" "fuse-overlayfs"
  (cd "$M/kernel/merged/jdock-test" && mv unicode unicode-renamed)
  (cd "$M/fuse/merged/jdock-test" && mv unicode unicode-renamed)
  assert_not_exists "$M/jdock/merged/jdock-test/unicode"
  same_trees unicode-renamed
  assert_file_same "$M/jdock/merged/jdock-test/unicode-renamed/日本語/ファイル.txt" "$M/layers/3/jdock-test/unicode/日本語/ファイル.txt"
}

link_to_lower_files() {
  ln links/pair-a links/pair-a.2
  echo more >>links/pair-a.2
  cat links/pair-a
  stat -c '%n %h' links/pair-a links/pair-a.2
}

test_hard_link_to_a_lower_file() {
  on_each link_to_lower_files
  same_output
  assert_contains "$(out jdock)" "links/pair-a 2"
  assert_same_inode "$M/jdock/merged/jdock-test/links/pair-a" "$M/jdock/merged/jdock-test/links/pair-a.2"
  same_trees links --exclude target.txt --exclude hard1
}

modify_one_name_of_a_lower_link_group() {
  echo more >>links/hard1
  cat links/target.txt links/hard1 other/hard2
  stat -c '%n %h' links/target.txt links/hard1 other/hard2
}

test_modifying_one_name_of_a_lower_hard_link_group() {
  on_each modify_one_name_of_a_lower_link_group
  # jdock copies the inode up once and links every name to it: the names stay one file.
  local kept=$'hard-linked content\nmore\nhard-linked content\nmore\nhard-linked content\nmore'
  assert_eq "$kept"$'\nlinks/target.txt 3\nlinks/hard1 3\nother/hard2 3\nexit 0' "$(out jdock)"
  assert_eq "$(out jdock)" "$(out overlay)" "jdock overlay"
  assert_same_inode "$M/jdock/merged/jdock-test/links/hard1" "$M/jdock/merged/jdock-test/other/hard2"
  # fuse-overlayfs does the same.
  assert_eq "$(out jdock)" "$(out fuse)" "fuse-overlayfs"
  # Expected divergence: kernel overlayfs with index=off copies up only the name written to; the
  # other names keep the old content (and the lower inode's link count).
  local broken=$'hard-linked content\nhard-linked content\nmore\nhard-linked content'
  assert_eq "$broken"$'\nlinks/target.txt 3\nlinks/hard1 1\nother/hard2 3\nexit 0' "$(out kernel)" "kernel overlayfs"
}

symlinks() {
  ln -s ../files/regular.txt links/new-link
  ln -sfn /etc/hostname links/abs # replace a lower symlink
  rm links/dirlink
  rm links/long-target && mkdir links/long-target
  readlink links/new-link links/abs
  cat links/new-link
  ls links
}

test_symlinks() {
  on_each symlinks
  same_output
  same_trees links --exclude target.txt --exclude hard1
}

xattrs() {
  setfattr -n user.added -v new xattr/user.txt
  setfattr -n user.jdock.test -v changed xattr/user.txt
  setfattr -x user.jdock.second xattr/user.txt
  setfattr -n user.dir2 -v d xattr
  setfattr -n trusted.jdock -v t xattr/user.txt
  setcap -r xattr/cap-bin
  getfattr -d -m - xattr xattr/user.txt xattr/cap-bin
}

test_xattrs_on_lower_files_and_dirs() {
  on_each xattrs
  same_output
  assert_contains "$(out jdock)" 'user.added="new"'
  same_trees xattr
}

special_files() {
  mkfifo special/fifo2
  mknod special/null c 1 3
  mknod special/loop0 b 7 0
  stat -c '%n %F %t:%T %a' special/*
}

test_fifos_and_device_nodes() {
  on_each special_files
  same_output
  same_trees special
}

long_and_unicode_names() {
  local long255 long256
  long255=$(printf 'n%.0s' {1..255})
  long256=$(printf 'n%.0s' {1..256})
  mkdir new-names
  echo a >"new-names/héllo wörld ✓.txt"
  echo b >"new-names/日本語の名前"
  echo c >"new-names/$long255"
  mv "new-names/$long255" "new-names/${long255%n}é" || true # 256 bytes: too long
  echo d >"new-names/$long256" || true
  mv "longnames-moved/$(ls longnames-moved | head -n 1)" new-names/moved-long-name
  ls new-names | sort
}

test_unicode_and_very_long_names() {
  on_each long_and_unicode_names
  same_output overlay kernel
  assert_contains "$(out jdock)" "mv: cannot stat 'new-names/$(printf 'n%.0s' {1..254})é': File name too long"
  assert_contains "$(out jdock)" "$(printf 'n%.0s' {1..255})"$'\n'
  same_tree_on overlay new-names
  same_tree_on kernel new-names
  same_trees longnames-moved
  # Expected divergence: fuse-overlayfs cannot create a name of 255 bytes (File name too long);
  # everything else is the same.
  assert_eq "$(grep -v "$(printf 'n%.0s' {1..254})" "$NT_CASE_DIR/jdock.out")" \
    "$(grep -v "$(printf 'n%.0s' {1..254})" "$NT_CASE_DIR/fuse.out")" "fuse-overlayfs, but for the 255-byte name"
  assert_contains "$(out fuse)" "$(printf 'n%.0s' {1..255}): File name too long"
  same_tree_on fuse new-names --exclude "$(printf 'n%.0s' {1..255})"
}

big_sparse_file() {
  truncate -s 5G big.bin
  printf end | dd of=big.bin bs=1 seek=$((5 << 30)) conv=notrunc status=none
  printf X | dd of=repack/mostly-zeros.bin bs=1 seek=100 conv=notrunc status=none
  stat -c '%n %s' big.bin repack/mostly-zeros.bin
  tail -c 3 big.bin
  echo
  # zeros before the end, past 4 GiB
  dd if=big.bin bs=1M skip=$(((5 << 10) - 1)) count=1 status=none | tr -d '\0' | wc -c
  head -c 101 repack/mostly-zeros.bin | tail -c 1
  echo
}

test_a_sparse_file_over_4_gib() {
  local m
  # Too big for the other comparisons: gone when the test ends.
  for m in "${MOUNTS[@]}"; do defer rm -f "$M/$m/merged/jdock-test/big.bin"; done
  on_each big_sparse_file
  same_output
  assert_eq $'big.bin 5368709123\nrepack/mostly-zeros.bin 8388608\nend\n0\nX\nexit 0' "$(out jdock)"
  # Sparse in jdock's upper dir: the hole takes no space. (The copy-up of mostly-zeros.bin is as
  # dense as its lower file: the layer stores it as a plain entry.)
  (($(stat -c %b "$M/jdock/upper/jdock-test/big.bin") < 1024)) || fail "big.bin is not sparse in the upper dir"
  same_trees repack
}

open_then_unlink() {
  python3 -c '
import os
fd = os.open("gone/added-with-whiteout.txt", os.O_RDONLY)
os.unlink("gone/added-with-whiteout.txt")
print("lower:", os.read(fd, 100), os.fstat(fd).st_nlink, os.path.exists("gone/added-with-whiteout.txt"))
os.close(fd)
fd = os.open("gone/new.txt", os.O_RDWR | os.O_CREAT, 0o644)
os.write(fd, b"written before unlink\n")
os.unlink("gone/new.txt")
os.write(fd, b"and after\n")
os.lseek(fd, 0, 0)
st = os.fstat(fd)
print("new:", os.read(fd, 100), st.st_nlink, st.st_size)
os.ftruncate(fd, 7)
os.fchmod(fd, 0o600)
os.setxattr(fd, "user.unlinked", b"yes")
st = os.fstat(fd)
print("truncated:", st.st_size, oct(st.st_mode), os.getxattr(fd, "user.unlinked"), os.listdir("gone"))
os.close(fd)
'
}

test_create_and_unlink_of_an_open_file() {
  on_each open_then_unlink
  local lower="lower: b'added in the layer of the whiteout\\n'"
  local new="new: b'written before unlink\\nand after\\n'" end="truncated: 7 0o100600 b'yes' []"$'\nexit 0'
  # An unlinked file has no link left (fstat: st_nlink 0), whichever layer it came from; its
  # descriptor still truncates, chmods and sets xattrs.
  assert_eq "$lower 0 False"$'\n'"$new 0 32"$'\n'"$end" "$(out jdock)" "jdock mount"
  same_output overlay
  # Expected divergences: kernel overlayfs shows the lower file's own link count (1) through a
  # descriptor opened before the unlink; fuse-overlayfs also shows 1 for an unlinked new file.
  assert_eq "$lower 1 False"$'\n'"$new 0 32"$'\n'"$end" "$(out kernel)" "kernel overlayfs"
  assert_eq "$lower 1 False"$'\n'"$new 1 32"$'\n'"$end" "$(out fuse)" "fuse-overlayfs"
  same_trees gone
}

read_through_a_copy_up() {
  python3 -c '
import os
r = os.open("../etc/debian_version", os.O_RDONLY)
print(os.pread(r, 100, 0))
with open("../etc/debian_version", "a") as w:
    w.write("appended\n")
print(os.pread(r, 100, 0), os.fstat(r).st_size)
with open("../etc/debian_version", "w") as w:
    w.write("rewritten\n")
print(os.pread(r, 100, 0), os.fstat(r).st_size)
'
}

test_a_descriptor_opened_before_a_copy_up_reads_the_new_content() {
  on_each read_through_a_copy_up
  same_output
  assert_contains "$(out jdock)" "b'rewritten\\n' 10"
}

setgid_dirs() {
  touch perms/setgid-dir/file
  mkdir perms/setgid-dir/dir
  stat -c '%n %a %u:%g' perms/setgid-dir perms/setgid-dir/file perms/setgid-dir/dir
}

test_setgid_dirs_pass_their_group_on() {
  on_each setgid_dirs
  same_output overlay kernel
  assert_contains "$(out jdock)" "perms/setgid-dir/dir 2755 0:50"
  assert_contains "$(out jdock)" "perms/setgid-dir/file 644 0:50"
  same_tree_on overlay perms/setgid-dir
  same_tree_on kernel perms/setgid-dir
  # Expected divergence: a dir made by fuse-overlayfs in a setgid dir gets neither the group nor
  # the setgid bit (files do get the group).
  assert_contains "$(out fuse)" "perms/setgid-dir/dir 755 0:0"
  assert_contains "$(out fuse)" "perms/setgid-dir/file 644 0:50"
}

sticky_dir_as_users() {
  local d=perms/sticky-dir
  union_as 2000 2000 rm -f $d/inside || true  # 1000's file: not 2000's to remove
  union_as 2000 2000 sh -c "echo mine >$d/by-2000"
  union_as 1000 1000 rm -f $d/by-2000 || true # 2000's file
  union_as 1000 1000 rm $d/inside             # its own
  union_as 2000 2000 sh -c "echo more >>$d/by-2000"
  union_as 1000 1000 sh -c "echo x >$d/by-2000" || true
  ls -n $d | sed 1d | awk '{ print $1, $3, $4, $NF }'
}

test_sticky_dir_as_non_root_users() {
  on_each sticky_dir_as_users
  same_output
  assert_contains "$(out jdock)" "rm: cannot remove 'perms/sticky-dir/inside': Operation not permitted"
  assert_contains "$(out jdock)" "rm: cannot remove 'perms/sticky-dir/by-2000': Operation not permitted"
  assert_contains "$(out jdock)" "-rw-r--r-- 2000 2000 by-2000"
  same_trees perms/sticky-dir
}

# The whole trees, after every scenario above.

# Expected divergences left in the trees (each one checked by the test named): the root shows the
# attributes of the upper dir (kernel overlayfs, fuse-overlayfs) or of the top lower dir (jdock
# overlay), a jdock mount the image's root; kernel overlayfs broke the lower hard-link group
# apart (test_modifying_one_name_of_a_lower_hard_link_group); fuse-overlayfs could not create a
# 255-byte name (test_unicode_and_very_long_names) and made a dir without the setgid dir's group
# (test_setgid_dirs_pass_their_group_on).
declare -A DIVERGENCES=(
  [overlay]="--exclude ."
  [kernel]="--exclude . --exclude jdock-test/links/target.txt --exclude jdock-test/links/hard1
    --exclude jdock-test/other/hard2"
  [fuse]="--exclude . --exclude jdock-test/new-names/$(printf 'n%.0s' {1..255})
    --exclude jdock-test/perms/setgid-dir/dir"
)

test_whole_merged_trees_agree() {
  local m
  for m in "${MOUNTS[@]:1}"; do
    # shellcheck disable=SC2086 # word lists
    assert_tree_same "$M/jdock/merged" "$M/$m/merged" --mtime-since "$T0" ${TREE_OPTS[$m]} ${DIVERGENCES[$m]}
  done
}

test_upper_dirs_agree_with_whiteouts_in_oci_form() {
  local m
  for m in "${MOUNTS[@]}"; do
    union_upper_oci "$M/$m/upper/" "$m-upper"
  done
  # No temporary files and no AUFS-metadata names: the empty file every whiteout is a hard link of
  # (as kernel overlayfs shares one whiteout inode) is in the work dir.
  assert_eq "" "$(find "$M/jdock/upper/" -name '.wh..wh.*' ! -name .wh..wh..opq)" "temporary files left in the upper dir"
  assert_eq "" "$(find "$M/jdock/upper/" -type c -o -type b | grep -v /special/ || true)" "overlayfs-style whiteouts in the upper dir"
  # Expected divergences in the upper dirs, besides those of the merged trees:
  # - jdock copied the whole hard-link group up, other/ included; kernel overlayfs only
  #   links/hard1, fuse-overlayfs only links/target.txt (see the next test);
  # - jdock keeps the whiteout of a deleted name inside a dir it renamed (redundant there; the
  #   others copied the dir);
  # - fuse-overlayfs writes redundant markers: a whiteout where a name no lower layer has was
  #   moved away (replace/shared-moved), an opaque marker in every dir it makes.
  local -A upper_divergences=(
    [overlay]=""
    [kernel]="--exclude jdock-test/other --exclude jdock-test/longnames-moved/.wh.*"
    [fuse]="--exclude jdock-test/other --exclude jdock-test/links/target.txt
      --exclude jdock-test/links/hard1 --exclude jdock-test/longnames-moved/.wh.*
      --exclude jdock-test/replace/.wh.shared-moved --exclude */.wh..wh..opq"
  )
  local -
  set -f # the word lists hold globs for treediff
  for m in "${MOUNTS[@]:1}"; do
    # shellcheck disable=SC2086 # word lists
    assert_tree_same jdock-upper "$m-upper" --mtime-since "$T0" ${TREE_OPTS[$m]} ${DIVERGENCES[$m]} \
      ${upper_divergences[$m]}
  done
}

test_jdock_upper_dir_is_an_oci_layer_on_top_of_the_image() {
  union_layer_tar "$M/jdock/upper/" layer.tar
  union_unpack_with_layer jdock-test layer.tar bundle
  # The layer has no entry for the root: its attributes stay the image's.
  assert_tree_same "$M/jdock/merged" bundle/rootfs --exclude . --dir-nlink
  assert_file_content bundle/rootfs/jdock-test/opaque-first/shared $'the only one\n'
}

test_jdock_overlay_reads_the_upper_dirs_of_kernel_overlayfs_and_fuse_overlayfs() {
  # Their upper dirs (overlayfs whiteouts and opaque xattrs, bookkeeping xattrs) as jdock overlay's
  # upper dir show what the oracle itself shows when it mounts them again (copies of each).
  local m
  for m in kernel fuse; do
    cp -a "$M/$m/upper" "$m-upper"
    cp -a "$M/$m/upper" "$m-again-upper"
    mkdir "$m-work" "$m-view" "$m-again-work" "$m-again"
    assert_ok jdock overlay -o "lowerdir=$LOWERS,upperdir=$PWD/$m-upper,workdir=$PWD/$m-work" "$m-view"
    defer union_umount_quietly "$PWD/$m-view"
  done
  mount -t overlay overlay -o "lowerdir=$LOWERS,upperdir=$PWD/kernel-again-upper,workdir=$PWD/kernel-again-work,index=off,redirect_dir=off,metacopy=off" kernel-again
  defer umount -l "$PWD/kernel-again"
  fuse-overlayfs -o "lowerdir=$LOWERS,upperdir=$PWD/fuse-again-upper,workdir=$PWD/fuse-again-work" fuse-again
  defer fusermount3 -uz "$PWD/fuse-again"
  assert_tree_same fuse-view fuse-again --exclude .
  # The link count of the hard-link group kernel overlayfs broke apart: the kernel shows the lower
  # inode's 3 links, jdock the 2 names the inode has left in the view.
  assert_tree_same kernel-view kernel-again --exclude . --ignore nlink
  assert_nlink kernel-again/jdock-test/links/target.txt 3
  assert_nlink kernel-view/jdock-test/links/target.txt 2
  assert_eq "jdock-test/links/target.txt jdock-test/other/hard2" \
    "$(cd kernel-view && find . -samefile jdock-test/links/target.txt -printf '%P\n' | sort | xargs)"
  # Expected divergence, a fuse-overlayfs bug: after the write to links/hard1 its live mount shows
  # the three names as one changed file, but its upper dir holds only links/target.txt (not even
  # the name written to): mounted again, links/hard1 and other/hard2 have their old content.
  assert_file_same "$M/fuse/merged/jdock-test/links/hard1" "$M/jdock/merged/jdock-test/links/hard1"
  assert_eq "links/target.txt" "$(find "$M/fuse/upper/jdock-test" \( -name target.txt -o -name 'hard[12]' \) -printf '%P\n')"
  assert_file_same fuse-again/jdock-test/links/hard1 "$M/layers/3/jdock-test/links/hard1"
}

test_a_remount_shows_the_same_tree() {
  assert_ok jdock umount "$M/jdock/merged"
  union_assert_not_mounted "$M/jdock/merged"
  assert_ok jdock mount --name writes jdock-test "$M/jdock/merged"
  assert_tree_same "$M/jdock/merged" "$M/overlay/merged" --mtime-since "$T0" ${DIVERGENCES[overlay]}
  assert_tree_same "$M/jdock/merged" "$M/kernel/merged" --mtime-since "$T0" ${DIVERGENCES[kernel]}
}
