# Test fixtures: a real Debian root, two OCI images made from it with umoci, every archive
# shape `jdock load` accepts, and malicious archives. Built once, cached, shared by all tests.
#
# Cache: ${JDOCK_TEST_CACHE:-/var/cache/jdock-tests}
#   debs/                          debootstrap's package cache
#   rootfs-<key>/rootfs.tar        debootstrap --variant=minbase bookworm, as a layer tar
#   images-<key>/                  everything else (see fx_* accessors below)
# <key> is a hash of the code that builds the entry (the rootfs key: the function
# _fx_build_rootfs; the images key: this file, lib/fixture/*.py and the rootfs key), so any change
# to a builder rebuilds what it builds, and only that. Entries unused for 3 days are pruned.
#
# ---------------------------------------------------------------------------------------------
# Image jdock-test:latest (OCI layout ref "latest"), 5 layers, base -> top:
#  L1 debootstrap --variant=minbase bookworm (apt lists and .debs removed): /etc/os-release of
#     Debian 12, /etc/motd, /usr/share/doc/bash/, /bin -> usr/bin (merged /usr), device nodes in /dev.
#  L2 made by `umoci repack` of an edited bundle (real-tool whiteouts, setfattr, setcap):
#     - /etc/motd deleted                      (.wh.motd)
#     - /usr/share/doc/bash/ deleted           (.wh.bash)
#     - /etc/issue modified: a line "jdock-test fixture" appended
#     - /etc/jdock-release = "jdock-test 1\n", xattr user.jdock.repack="from-setfattr"
#     - /etc/jdock-release.link -> jdock-release (relative symlink)
#     - /jdock-test/repack/cap-true: copy of /usr/bin/true, setcap cap_net_bind_service=ep
#     - /jdock-test/repack/mostly-zeros.bin: 8 MiB, "start\n" at 0, "end\n" at the end, sparse in
#       the bundle (stored as a plain 8 MiB entry)
#  L3..L5 hand-made tars (lib/fixture/mklayers.py; exact entries, order, owners, modes):
#  L3 /jdock-test/ tree (mtime 2024-01-02T03:04:05Z on every entry):
#     files/regular.txt "hello\n" 0644 | files/empty (0 bytes) | files/modified.txt "version 1\n"
#     files/exec.sh 0755 | files/owned 0640 1000:1000 | files/mode000 0000
#     perms/setuid 04755 | perms/setgid 02755 | perms/setgid-dir/ 02775 gid 50
#     perms/sticky-dir/ 01777 (+ inside, 1000:1000)
#     links/target.txt == links/hard1 == other/hard2 (one inode, 3 names)
#     links/pair-a == other/pair-b (hard links; pair-b deleted in L4)
#     links/abs -> /etc/os-release | links/rel -> ../files/regular.txt
#     links/dangling -> nowhere/missing | links/dirlink -> ../files
#     links/long-target -> ../longnames/<LONG_NAME> (target > 100 bytes)
#     links/deleted-link -> target.txt (deleted in L4)
#     special/fifo (fifo 0644)
#     xattr/ (dir, user.jdock.dir="dir-value") | xattr/user.txt user.jdock.test="hello xattr",
#       user.jdock.second="2" | xattr/cap-bin 0755 security.capability = cap_net_raw=ep
#     longnames/<LONG_NAME> (148-byte name) | longnames/d1-a{87}/d2-b{87}/d3-c{87}/deep.txt (>255)
#     unicode/héllo wörld.txt | unicode/日本語/ファイル.txt | unicode/emoji-🐳.txt
#     gone/file.txt, gone/kept.txt | gone-dir/{a,sub/b} | redo-dir/ 0700 {old-a,old-b,sub/old-c}
#     opaque-first/{old1,shared,sub/old2} | opaque-last/{old1,shared,sub/old2}
#     replace/file-to-dir (file) | replace/dir-to-file/child | replace/file-to-symlink (file)
#  L4 whiteouts: gone/.wh.file.txt (+ gone/added-with-whiteout.txt in the same layer),
#     .wh.gone-dir, .wh.redo-dir, other/.wh.pair-b, links/.wh.deleted-link
#  L5 redo-dir/ 0755 {new-a}  (re-created: old-a, old-b, sub/ stay hidden)
#     opaque-first/: .wh..wh..opq FIRST in the tar, then new1, shared="new shared\n"
#     opaque-last/:  new1, shared, then .wh..wh..opq LAST (applies all the same)
#     files/modified.txt "version 2, longer than version 1\n" 0600
#     replace/file-to-dir/ (dir) + child | replace/dir-to-file (file "was a dir\n")
#     replace/file-to-symlink -> ../files/regular.txt
#  Config: Cmd ["/bin/bash"], WorkingDir /jdock-test, Env PATH=... and JDOCK_FIXTURE=jdock-test,
#     Labels org.jdock.fixture=jdock-test, Author "jdock native tests", linux/amd64.
# Merged view, hence: no /etc/motd, no /usr/share/doc/bash, no gone/file.txt, no gone-dir,
#   redo-dir = {new-a}, opaque-first = opaque-last = {new1, shared}, other/ = {hard2},
#   links/ has no deleted-link, target.txt has 3 names (pair-a: 1 name in an extracted tree;
#   kernel overlayfs still reports nlink 2 for it: the lower inode has 2 names).
#
# Image jdock-small:latest, 2 hand-made layers, no OS (fast to load):
#  L1 hello.txt "hello from jdock-small\n", etc/os-release (NAME="jdock-small"), dir/{a,b}
#  L2 dir/.wh.a, dir/c            => merged: hello.txt, etc/os-release, dir/{b,c}
#  Config: Cmd ["/hello.txt"], Labels org.jdock.fixture=jdock-small.
#
# Shapes of each image (fx_archive IMAGE SHAPE):
#  oci-layout      the OCI layout dir made by umoci (gzip layers; ref name "latest")
#  oci-layout-tar  that dir as a tar (oci-layout, index.json, blobs/ at the top)
#  oci-archive     skopeo copy oci:... oci-archive:FILE:latest
#  docker-archive  skopeo copy oci:... docker-archive:FILE:<name>:latest
#  docker25 | legacy | containerd   docker save shapes written by lib/fixture/mkarchive.py
#                  (its header documents each one exactly)
# Recorded per shape in inspect/: IMAGE.SHAPE.config (skopeo inspect --config --raw),
#  .manifest (skopeo inspect --raw), .inspect (skopeo inspect), .image-id (sha256 of .config).
# Malicious archives (fx_evil CASE): see lib/fixture/mkevil.py; CASE.about says what it does.
# ---------------------------------------------------------------------------------------------

NT_CACHE=${JDOCK_TEST_CACHE:-/var/cache/jdock-tests}
NT_SUITE=bookworm
# Where the malicious archives aim (escape.sh watches it). Fixed: the archives are cached.
NT_SENTINEL_DIR=/var/tmp/jdock-escape-sentinel
NT_FIXTURE_IMAGES=(jdock-test jdock-small)
NT_ARCHIVE_SHAPES=(oci-layout oci-layout-tar oci-archive docker-archive docker25 legacy containerd)
NT_FIXTURE_CREATED=2024-01-02T03:04:05Z

# fx_mirror: the Debian mirror apt uses here (JDOCK_TEST_MIRROR overrides): the first "deb"
# source of the suite in NT_APT_SOURCES (deb822) or else NT_APT_LIST (one-line format).
NT_APT_SOURCES=${NT_APT_SOURCES:-/etc/apt/sources.list.d/debian.sources}
NT_APT_LIST=${NT_APT_LIST:-/etc/apt/sources.list}
fx_mirror() {
  if [[ -n ${JDOCK_TEST_MIRROR:-} ]]; then echo "$JDOCK_TEST_MIRROR"; return; fi
  local uri=""
  if [[ -f $NT_APT_SOURCES ]]; then
    # deb822 stanzas: the first "deb" stanza whose Suites include the plain suite.
    uri=$(awk -v suite="$NT_SUITE" '
      BEGIN { RS = ""; FS = "\n" }
      {
        types = ""; suites = ""; uris = ""
        for (i = 1; i <= NF; i++) {
          if ($i ~ /^#/) continue
          if ($i ~ /^Types:/) types = $i
          if ($i ~ /^Suites:/) suites = $i
          if ($i ~ /^URIs:/) uris = $i
        }
        if (types ~ /[ \t]deb([ \t]|$)/ && (" " suites " ") ~ ("[ \t]" suite "[ \t]")) {
          sub(/^URIs:[ \t]*/, "", uris); split(uris, u, /[ \t]+/); print u[1]; exit
        }
      }' "$NT_APT_SOURCES")
  fi
  if [[ -z $uri && -f $NT_APT_LIST ]]; then
    uri=$(awk -v suite="$NT_SUITE" '$1 == "deb" {
        i = 2
        if ($i ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }   # [options]
        if ($(i + 1) == suite) { print $i; exit }
      }' "$NT_APT_LIST")
  fi
  echo "${uri:-http://deb.debian.org/debian}"
}

# --- keys and paths ------------------------------------------------------------------------------

_fx_hash() { sha256sum | cut -c1-12; }

fx_rootfs_key() {
  echo "rootfs-$NT_SUITE-minbase-$({ declare -f _fx_build_rootfs; } | _fx_hash)"
}

fx_images_key() {
  echo "images-$({ fx_rootfs_key; cat "$NT_LIB/fixtures.sh" "$NT_LIB"/fixture/*.py; } | _fx_hash)"
}

fx_dir() { echo "$NT_CACHE/$(fx_images_key)"; }
fx_rootfs_tar() { echo "$NT_CACHE/$(fx_rootfs_key)/rootfs.tar"; }

# fx_layout IMAGE: the OCI layout dir of IMAGE (jdock-test | jdock-small); ref name "latest".
# Read-only: copy it (cp -a) before changing it.
fx_layout() { _fx_image "$1" >/dev/null && echo "$(fx_dir)/layouts/$1"; }

# fx_ref IMAGE: the repo:tag the docker-shaped archives carry (IMAGE:latest).
fx_ref() { _fx_image "$1" >/dev/null && echo "$1:latest"; }

# fx_archive IMAGE SHAPE: path of IMAGE in SHAPE (see NT_ARCHIVE_SHAPES).
fx_archive() {
  local image=$1 shape=$2
  _fx_image "$image" >/dev/null || return 1
  case $shape in
    oci-layout) echo "$(fx_dir)/layouts/$image" ;;
    oci-layout-tar | oci-archive | docker-archive | docker25 | legacy | containerd)
      echo "$(fx_dir)/archives/$image.$shape.tar" ;;
    *) echo "fx_archive: unknown shape '$shape' (one of: ${NT_ARCHIVE_SHAPES[*]})" >&2; return 1 ;;
  esac
}

# fx_image_id IMAGE [SHAPE]: the image ID (sha256:<config digest>) skopeo sees in that shape.
fx_image_id() { cat "$(fx_dir)/inspect/$1.${2:-oci-layout}.image-id"; }

# fx_inspect IMAGE SHAPE KIND: path of a recorded skopeo output; KIND = config | manifest | inspect.
fx_inspect() { echo "$(fx_dir)/inspect/$1.$2.$3"; }

# fx_evil CASE: path of a malicious archive; fx_evil_cases lists the cases.
fx_evil() {
  local f
  f="$(fx_dir)/evil/$1.tar"
  [[ -f $f ]] || { echo "fx_evil: no case '$1' (cases: $(fx_evil_cases | tr '\n' ' '))" >&2; return 1; }
  echo "$f"
}
fx_evil_cases() { (cd "$(fx_dir)/evil" && ls ./*.tar | sed 's|^\./||; s|\.tar$||' | LC_ALL=C sort); }

# fx_unpack IMAGE DEST: `umoci unpack` of IMAGE into the new bundle DEST (rootfs in DEST/rootfs):
# the oracle for a mounted image.
fx_unpack() {
  need umoci || return 1
  umoci unpack --image "$(fx_layout "$1"):latest" "$2" >/dev/null
}

# fx_layer_tar IMAGE N DEST: the uncompressed tar of layer N (1-based, base first) of IMAGE.
fx_layer_tar() {
  local layout digest
  layout=$(fx_layout "$1") || return 1
  digest=$(_fx_manifest "$layout" | jq -r ".layers[$(($2 - 1))].digest") || return 1
  [[ $digest == sha256:* ]] || { echo "fx_layer_tar: $1 has no layer $2" >&2; return 1; }
  gzip -dc "$layout/blobs/sha256/${digest#sha256:}" >"$3"
}

# fx_layer_count IMAGE
fx_layer_count() { _fx_manifest "$(fx_layout "$1")" | jq '.layers | length'; }

_fx_manifest() {
  local layout=$1 digest
  digest=$(jq -r '.manifests[] | select(.annotations["org.opencontainers.image.ref.name"] == "latest") | .digest' \
    "$layout/index.json")
  cat "$layout/blobs/sha256/${digest#sha256:}"
}

_fx_image() {
  case $1 in
    jdock-test | jdock-small) fx_ensure ;;
    *) echo "unknown fixture image '$1' (one of: ${NT_FIXTURE_IMAGES[*]})" >&2; return 1 ;;
  esac
}

# --- building ------------------------------------------------------------------------------------

# fx_ensure: builds whatever is missing from the cache (under a lock); quick when cached.
fx_ensure() {
  [[ -f $(fx_dir)/READY ]] && return 0
  need debootstrap umoci skopeo python3 jq gzip tar setfattr setcap || return 1
  mkdir -p "$NT_CACHE"
  (
    flock 9
    _fx_ensure_rootfs && _fx_ensure_images
  ) 9>"$NT_CACHE/.lock"
}

# fx_ensure_rootfs: only the Debian root (what scripts/demo needs); prints its tar's path.
fx_ensure_rootfs() {
  need debootstrap tar || return 1
  mkdir -p "$NT_CACHE"
  (
    flock 9
    _fx_ensure_rootfs
  ) 9>"$NT_CACHE/.lock" && fx_rootfs_tar
}

_fx_ensure_rootfs() {
  local dir tmp start
  dir="$NT_CACHE/$(fx_rootfs_key)"
  [[ -f $dir/READY ]] && { touch "$dir/READY"; return 0; }
  tmp="$dir.tmp.$$"
  rm -rf "$tmp" && mkdir -p "$tmp" "$NT_CACHE/debs"
  start=$SECONDS
  echo "fixtures: debootstrap --variant=minbase $NT_SUITE from $(fx_mirror) (once; cached in $dir)" >&2
  if ! _fx_run_builder _fx_build_rootfs "$tmp" >"$tmp/build.log" 2>&1; then
    echo "fixtures: building the Debian root failed; last lines of $tmp/build.log:" >&2
    tail -n 30 "$tmp/build.log" >&2
    return 1
  fi
  echo "$((SECONDS - start))" >"$tmp/build-seconds"
  rm -rf "$dir" && mv "$tmp" "$dir" && touch "$dir/READY"
  echo "fixtures: Debian root ready in $((SECONDS - start))s" >&2
}

# _fx_build_rootfs DIR: debootstrap into DIR/root, clean it like Debian's images, tar it as a
# layer (names without "./", numeric owners, xattrs, sorted) into DIR/rootfs.tar.
_fx_build_rootfs() {
  local dir=$1 root=$1/root
  debootstrap --variant=minbase --cache-dir="$NT_CACHE/debs" "$NT_SUITE" "$root" "$(fx_mirror)"
  if [[ $'\n'$(findmnt -rn -o TARGET) == *$'\n'"$root"* ]]; then
    echo "debootstrap left mounts under $root" >&2
    return 1
  fi
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/cache/apt/*.bin \
    "$root"/var/lib/apt/lists/*_* "$root"/var/log/bootstrap.log "$root"/debootstrap
  (cd "$root" && ls -A) | LC_ALL=C sort >"$dir/top-level"
  mapfile -t top <"$dir/top-level"
  tar -C "$root" --numeric-owner --xattrs --xattrs-include='*' --format=pax \
    --pax-option=delete=atime,delete=ctime --sort=name -cf "$dir/rootfs.tar" -- "${top[@]}"
  rm -rf "$root"
}

_fx_ensure_images() {
  local dir tmp start
  dir=$(fx_dir)
  if [[ -f $dir/READY ]]; then touch "$dir/READY"; return 0; fi
  tmp="$dir.tmp.$$"
  rm -rf "$tmp" && mkdir -p "$tmp"
  start=$SECONDS
  echo "fixtures: building images, archives and malicious archives in $dir" >&2
  if ! _fx_run_builder _fx_build_images "$tmp" >"$tmp/build.log" 2>&1; then
    echo "fixtures: building the images failed; last lines of $tmp/build.log:" >&2
    tail -n 30 "$tmp/build.log" >&2
    return 1
  fi
  echo "$((SECONDS - start))" >"$tmp/build-seconds"
  rm -rf "$dir" && mv "$tmp" "$dir" && touch "$dir/READY"
  echo "fixtures: images ready in $((SECONDS - start))s" >&2
  _fx_prune
}

# _fx_run_builder FUNC ARG...: runs a builder in a fresh bash with errexit (a function called
# from a condition would run with errexit ignored, whatever it sets).
_fx_run_builder() {
  NT_LIB=$NT_LIB bash -euo pipefail -c 'source "$NT_LIB/tools.sh"; source "$NT_LIB/fixtures.sh"; set -x; "$@"' \
    builder "$@"
}

_fx_prune() {
  local d
  for d in "$NT_CACHE"/rootfs-* "$NT_CACHE"/images-*; do
    [[ -d $d ]] || continue
    if [[ $d == *.tmp.* ]]; then
      # A leftover of an interrupted build (its process is gone).
      [[ -d /proc/${d##*.tmp.} ]] || rm -rf "$d"
    elif [[ -z $(find "$d/READY" -mtime -3 2>/dev/null) ]]; then
      rm -rf "$d"
    fi
  done
}

_fx_build_images() {
  local out=$1 work=$1/work py=$NT_LIB/fixture
  mkdir -p "$work" "$out/layouts" "$out/archives" "$out/inspect" "$out/evil"
  _fx_build_test_image "$out/layouts/jdock-test" "$work"
  _fx_build_small_image "$out/layouts/jdock-small" "$work"
  local image
  for image in "${NT_FIXTURE_IMAGES[@]}"; do
    _fx_export "$out" "$image"
  done
  "$NT_PYTHON" "$py/mkevil.py" "$NT_SENTINEL_DIR" "$out/evil"
  rm -rf "$work"
}

_fx_add_layer() { # LAYOUT NAME CREATED_BY TAR
  umoci raw add-layer --image "$1:latest" --history.created="$NT_FIXTURE_CREATED" \
    --history.created_by="$3" --history.author="jdock native tests" "$4"
}

_fx_build_test_image() {
  local layout=$1 work=$2 py=$NT_LIB/fixture layer
  umoci init --layout "$layout"
  umoci new --image "$layout:latest"
  _fx_add_layer "$layout" base "debootstrap --variant=minbase $NT_SUITE" "$(fx_rootfs_tar)"
  # L2: real-tool changes, turned into a layer by umoci repack.
  umoci unpack --image "$layout:latest" "$work/bundle"
  local r=$work/bundle/rootfs
  rm -f "$r/etc/motd"
  rm -rf "$r/usr/share/doc/bash"
  echo "jdock-test fixture" >>"$r/etc/issue"
  echo "jdock-test 1" >"$r/etc/jdock-release"
  setfattr -n user.jdock.repack -v from-setfattr "$r/etc/jdock-release"
  ln -s jdock-release "$r/etc/jdock-release.link"
  mkdir -p "$r/jdock-test/repack"
  cp "$r/usr/bin/true" "$r/jdock-test/repack/cap-true"
  setcap cap_net_bind_service=ep "$r/jdock-test/repack/cap-true"
  printf 'start\n' >"$r/jdock-test/repack/mostly-zeros.bin"
  truncate -s $((8 << 20)) "$r/jdock-test/repack/mostly-zeros.bin"
  printf 'end\n' | dd of="$r/jdock-test/repack/mostly-zeros.bin" bs=1 seek=$(((8 << 20) - 4)) conv=notrunc status=none
  umoci repack --image "$layout:latest" --history.created="$NT_FIXTURE_CREATED" \
    --history.created_by="edits: rm motd, doc/bash; issue, jdock-release, setfattr, setcap" "$work/bundle"
  rm -rf "$work/bundle"
  for layer in test-l3-tree test-l4-delete test-l5-recreate; do
    "$NT_PYTHON" "$py/mklayers.py" "$layer" "$work/$layer.tar"
    _fx_add_layer "$layout" "$layer" "mklayers.py $layer" "$work/$layer.tar"
  done
  umoci config --image "$layout:latest" --created="$NT_FIXTURE_CREATED" --author="jdock native tests" \
    --architecture=amd64 --os=linux --config.cmd=/bin/bash --config.workingdir=/jdock-test \
    --config.env=PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    --config.env=JDOCK_FIXTURE=jdock-test --config.label=org.jdock.fixture=jdock-test \
    --history.created="$NT_FIXTURE_CREATED" --history.created_by="config: Cmd, Env, Labels"
  umoci gc --layout "$layout"
}

_fx_build_small_image() {
  local layout=$1 work=$2 py=$NT_LIB/fixture layer
  umoci init --layout "$layout"
  umoci new --image "$layout:latest"
  for layer in small-l1 small-l2; do
    "$NT_PYTHON" "$py/mklayers.py" "$layer" "$work/$layer.tar"
    _fx_add_layer "$layout" "$layer" "mklayers.py $layer" "$work/$layer.tar"
  done
  umoci config --image "$layout:latest" --created="$NT_FIXTURE_CREATED" --author="jdock native tests" \
    --architecture=amd64 --os=linux --config.cmd=/hello.txt --config.label=org.jdock.fixture=jdock-small \
    --history.created="$NT_FIXTURE_CREATED" --history.created_by="config: Cmd, Labels"
  umoci gc --layout "$layout"
}

_fx_export() {
  local out=$1 image=$2 layout=$1/layouts/$2 a=$1/archives/$2 py=$NT_LIB/fixture shape ref
  ref="$image:latest"
  tar -C "$layout" --numeric-owner --sort=name -cf "$a.oci-layout-tar.tar" oci-layout index.json blobs
  skopeo copy --quiet "oci:$layout:latest" "oci-archive:$a.oci-archive.tar:latest"
  skopeo copy --quiet "oci:$layout:latest" "docker-archive:$a.docker-archive.tar:$ref"
  for shape in docker25 legacy containerd; do
    "$NT_PYTHON" "$py/mkarchive.py" "$shape" "$layout" latest "$ref" "$a.$shape.tar"
  done
  for shape in "${NT_ARCHIVE_SHAPES[@]}"; do
    local src i=$out/inspect/$image.$shape
    case $shape in
      oci-layout) src="oci:$layout:latest" ;;
      oci-layout-tar | oci-archive) src="oci-archive:$a.$shape.tar:latest" ;;
      *) src="docker-archive:$a.$shape.tar:$ref" ;;
    esac
    skopeo inspect --config --raw "$src" >"$i.config"
    skopeo inspect --raw "$src" >"$i.manifest"
    skopeo inspect "$src" >"$i.inspect"
    echo "sha256:$(sha256sum <"$i.config" | cut -d' ' -f1)" >"$i.image-id"
  done
}
