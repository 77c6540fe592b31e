# The two overlay oracles: kernel overlayfs and fuse-overlayfs, mounted on the layers of a
# fixture image. Mount tests compare a jdock mount with them (read view and write semantics).
#
#   overlay_lowers jdock-test "$NT_CASE_DIR/layers"        # -> lowerdir string, top layer first
#   overlay_mount_kernel "$lowers" "$NT_CASE_DIR/k" [rw]  # mounts on k/merged (rw: + k/upper, k/work)
#   overlay_mount_fuse   "$lowers" "$NT_CASE_DIR/f" [rw]  # the same with fuse-overlayfs
# Mounts are undone when the test ends (defer + the harness's unmount of the test dir).

# overlay_lowers IMAGE DEST: extracts every layer of a fixture image into DEST/1..N (GNU tar,
# numeric owners, xattrs), turns OCI whiteouts into overlayfs ones (.wh.NAME -> char device 0:0
# NAME; .wh..wh..opq -> xattr trusted.overlay.opaque=y on the dir) and prints the lowerdir
# option: DEST/N:...:DEST/1.
overlay_lowers() {
  local image=$1 dest=$2 n i lowers=""
  need tar setfattr || return 1
  n=$(fx_layer_count "$image") || return 1
  for ((i = 1; i <= n; i++)); do
    mkdir -p "$dest/$i"
    fx_layer_tar "$image" "$i" "$dest/$i.tar" || return 1
    tar -C "$dest/$i" --numeric-owner --xattrs --xattrs-include='*' -xpf "$dest/$i.tar" || return 1
    _overlay_convert_whiteouts "$dest/$i" || return 1
    _overlay_implicit_dirs "$dest" "$i" || return 1
    rm -f "$dest/$i.tar"
    lowers="$dest/$i${lowers:+:$lowers}"
  done
  echo "$lowers"
}

# Whiteout files become overlayfs whiteouts; the dir keeps the mtime the layer gave it.
_overlay_convert_whiteouts() {
  local f dir base stamp
  stamp=$(mktemp)
  while IFS= read -r -d '' f; do
    dir=${f%/*} base=${f##*/}
    touch -r "$dir" "$stamp"
    rm -f "$f"
    if [[ $base == .wh..wh..opq ]]; then
      setfattr -n trusted.overlay.opaque -v y "$dir" || return 1
    else
      mknod "$dir/${base#.wh.}" c 0 0 || return 1
    fi
    touch -r "$stamp" "$dir"
  done < <(find "$1" -name '.wh.*' -print0)
  rm -f "$stamp"
}

# A dir that a layer holds only implicitly (a parent of its entries, without an entry of its own:
# umoci repack writes such layers) has no attributes of its own; tar gave it defaults. Like umoci
# unpack, take them from the same dir in the layers below.
_overlay_implicit_dirs() {
  local dest=$1 i=$2 d j
  while IFS= read -r d; do
    for ((j = i - 1; j >= 1; j--)); do
      if [[ -d $dest/$j/$d && ! -L $dest/$j/$d ]]; then
        chown --reference="$dest/$j/$d" "$dest/$i/$d" &&
          chmod --reference="$dest/$j/$d" "$dest/$i/$d" &&
          touch -r "$dest/$j/$d" "$dest/$i/$d" || return 1
        break
      fi
    done
  done < <(comm -13 <(tar -tf "$dest/$i.tar" --quoting-style=literal | sed 's|/$||' | LC_ALL=C sort -u) \
    <(cd "$dest/$i" && find . -mindepth 1 -type d | sed 's|^\./||' | LC_ALL=C sort))
}

# overlay_mount_kernel LOWERS DIR [rw]: kernel overlayfs on DIR/merged; read-only unless rw
# (then with DIR/upper and DIR/work).
overlay_mount_kernel() {
  local lowers=$1 dir=$2 opts
  mkdir -p "$dir/merged"
  opts="lowerdir=$lowers"
  if [[ ${3:-} == rw ]]; then
    mkdir -p "$dir/upper" "$dir/work"
    opts+=",upperdir=$dir/upper,workdir=$dir/work"
  fi
  mount -t overlay overlay -o "$opts" "$dir/merged" || { fail "kernel overlay mount failed"; return 1; }
  defer umount -l "$dir/merged"
}

# overlay_mount_fuse LOWERS DIR [rw]: the same with fuse-overlayfs.
overlay_mount_fuse() {
  local lowers=$1 dir=$2 opts
  need fuse-overlayfs fusermount3 || return 1
  mkdir -p "$dir/merged"
  opts="lowerdir=$lowers"
  if [[ ${3:-} == rw ]]; then
    mkdir -p "$dir/upper" "$dir/work"
    opts+=",upperdir=$dir/upper,workdir=$dir/work"
  fi
  fuse-overlayfs -o "$opts" "$dir/merged" || { fail "fuse-overlayfs mount failed"; return 1; }
  defer fusermount3 -uz "$dir/merged"
}
