# Helpers of the pull/push/login tests (t/50-59): reading jdock's store (an OCI layout) without
# jdock, multi-platform images made from the fixtures, and a proxy that breaks or slows downloads.

# store_refs [ROOT]: the reference names of index.json (jdock writes full references), sorted.
store_refs() {
  jq -r '.manifests[].annotations["org.opencontainers.image.ref.name"] // empty' \
    "${1:-$JDOCK_ROOT}/index.json" | LC_ALL=C sort
}

# store_image_id REF [ROOT]: the image ID (config digest) of the manifest that REF names.
store_image_id() {
  local root=${2:-$JDOCK_ROOT} manifest
  manifest=$(jq -r --arg r "$1" \
    '.manifests[] | select(.annotations["org.opencontainers.image.ref.name"] == $r) | .digest' \
    "$root/index.json")
  [[ -n $manifest ]] || { echo "no reference $1 in $root/index.json" >&2; return 1; }
  jq -r .config.digest "$root/blobs/sha256/${manifest#sha256:}"
}

# store_manifest_digest REF [ROOT]: the manifest digest the index.json entry of REF points at.
store_manifest_digest() {
  jq -r --arg r "$1" \
    '.manifests[] | select(.annotations["org.opencontainers.image.ref.name"] == $r) | .digest' \
    "${2:-$JDOCK_ROOT}/index.json"
}

# store_tag SOURCE TARGET [ROOT]: adds the reference TARGET to the image SOURCE names, the way
# another OCI tool would (skopeo copies within jdock's store, which is an OCI layout).
store_tag() {
  local root=${3:-$JDOCK_ROOT}
  need skopeo || return 1
  skopeo copy --quiet "oci:$root:$1" "oci:$root:$2"
}

# store_has_blob DIGEST [ROOT]
store_has_blob() { [[ -f ${2:-$JDOCK_ROOT}/blobs/sha256/${1#sha256:} ]]; }

# store_leftovers [ROOT]: what is in the store's temp area besides its lock files (nothing once
# every jdock process has ended normally).
store_leftovers() {
  local tmp=${1:-$JDOCK_ROOT}/tmp
  [[ -d $tmp ]] || return 0
  find "$tmp" -mindepth 1 ! -name '*.lock' | LC_ALL=C sort
}

# store_layer_dirs [ROOT]: the extracted layers (diff_id hex), sorted.
store_layer_dirs() {
  local dir=${1:-$JDOCK_ROOT}/layers/sha256
  [[ -d $dir ]] || return 0
  find "$dir" -mindepth 1 -maxdepth 1 -printf '%f\n' | LC_ALL=C sort
}

# registry_digest NAME:TAG: the manifest (or index) digest the registry serves for NAME:TAG, as
# `skopeo inspect` reports it.
registry_digest() { registry_inspect "$1" | jq -r .Digest; }

# layout_platforms FIXTURE OUT ARCH...: an OCI layout OUT whose "latest" is an image index with
# one manifest per ARCH (os linux): the fixture's manifest for amd64, for any other arch a copy
# whose config says that architecture (so its image ID differs; the layers are shared). Prints
# nothing; `fx_image_id`-like IDs of the variants: layout_platform_id OUT ARCH.
layout_platforms() {
  local src out=$2 arch manifest config cfg_hex man_hex entries=() idx idx_hex
  src=$(fx_layout "$1") || return 1
  shift 2
  rm -rf "$out"
  mkdir -p "$out/blobs/sha256"
  cp "$src/blobs/sha256/"* "$out/blobs/sha256/"
  echo '{"imageLayoutVersion":"1.0.0"}' >"$out/oci-layout"
  manifest=$(jq -r '.manifests[0].digest' "$src/index.json")
  for arch in "$@"; do
    man_hex=${manifest#sha256:}
    if [[ $arch != amd64 ]]; then
      config=$(jq -r .config.digest "$src/blobs/sha256/$man_hex")
      jq -c --arg a "$arch" '.architecture = $a' "$src/blobs/sha256/${config#sha256:}" >"$out/cfg.tmp"
      cfg_hex=$(sha256sum <"$out/cfg.tmp" | cut -d' ' -f1)
      mv "$out/cfg.tmp" "$out/blobs/sha256/$cfg_hex"
      jq -c --arg d "sha256:$cfg_hex" --argjson s "$(stat -c %s "$out/blobs/sha256/$cfg_hex")" \
        '.config.digest = $d | .config.size = $s' "$src/blobs/sha256/$man_hex" >"$out/man.tmp"
      man_hex=$(sha256sum <"$out/man.tmp" | cut -d' ' -f1)
      mv "$out/man.tmp" "$out/blobs/sha256/$man_hex"
    fi
    entries+=("$(jq -nc --arg d "sha256:$man_hex" --argjson s "$(stat -c %s "$out/blobs/sha256/$man_hex")" \
      --arg a "$arch" '{mediaType: "application/vnd.oci.image.manifest.v1+json", digest: $d, size: $s,
        platform: {architecture: $a, os: "linux"}}')")
    echo "$arch $(jq -r .config.digest "$out/blobs/sha256/$man_hex")" >>"$out/platform-ids"
  done
  idx=$(printf '%s\n' "${entries[@]}" | jq -sc '{schemaVersion: 2, mediaType: "application/vnd.oci.image.index.v1+json", manifests: .}')
  printf '%s' "$idx" >"$out/idx.tmp"
  idx_hex=$(sha256sum <"$out/idx.tmp" | cut -d' ' -f1)
  mv "$out/idx.tmp" "$out/blobs/sha256/$idx_hex"
  jq -nc --arg d "sha256:$idx_hex" --argjson s "${#idx}" '{schemaVersion: 2, manifests: [{
    mediaType: "application/vnd.oci.image.index.v1+json", digest: $d, size: $s,
    annotations: {"org.opencontainers.image.ref.name": "latest"}}]}' >"$out/index.json"
}

# layout_platform_id OUT ARCH: the image ID of ARCH's variant in a layout_platforms layout.
layout_platform_id() { awk -v a="$2" '$1 == a { print $2 }' "$1/platform-ids"; }

# registry_push_index LAYOUT NAME:TAG: pushes a layout_platforms index as it is (skopeo --all,
# no conversion, so the registry's digest is the layout's).
registry_push_index() {
  local opts
  opts=$(registry_skopeo_opts dest)
  # shellcheck disable=SC2086 # opts holds separate options
  skopeo copy --quiet --all --preserve-digests $opts "oci:$1:latest" "docker://$REG_HOST/$2"
}

# proxy_start [blob_proxy.py options]: a proxy in front of the last started (plain http)
# registry; sets PROXY_HOST (127.0.0.1:PORT) and PROXY_LOG; stopped when the test ends.
proxy_start() {
  local dir
  need python3 || return 1
  dir=$(mktemp -d "$NT_CASE_DIR/proxy.XXXX")
  PROXY_LOG=$dir/requests.log
  : >"$PROXY_LOG"
  "$NT_PYTHON" "$NT_LIB/blob_proxy.py" --upstream "$REG_URL" --port-file "$dir/port" \
    --log "$PROXY_LOG" "$@" >"$dir/proxy.out" 2>&1 &
  echo $! >"$dir/pid"
  defer kill "$(cat "$dir/pid")"
  for _ in $(seq 100); do
    [[ -s $dir/port ]] && break
    sleep 0.1
  done
  [[ -s $dir/port ]] || { cat "$dir/proxy.out" >&2; fail "blob_proxy.py did not start"; return 1; }
  PROXY_HOST=127.0.0.1:$(cat "$dir/port")
}

# wait_for CONDITION-COMMAND [SECONDS]: polls until the command succeeds (default 60 s).
wait_for() {
  local deadline=$((SECONDS + ${2:-60}))
  until eval "$1"; do
    ((SECONDS < deadline)) || { fail "timed out waiting for: $1"; return 1; }
    sleep 0.1
  done
}
