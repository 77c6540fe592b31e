# Helpers of the image-command tests (t/40-49): putting fixture images into the test's store
# without `jdock load`, and docker's units computed independently of jdock.

# store_add IMAGE [REF]: copies fixture IMAGE (jdock-test | jdock-small) into the test's store
# under REF (default IMAGE:latest) with skopeo: the store is an OCI layout, tags are full
# normalised references.
store_add() {
  need skopeo || return 1
  local ref=${2:-$1:latest}
  [[ $ref == */* ]] || ref=docker.io/library/$ref
  skopeo copy -q "oci:$(fx_layout "$1"):latest" "oci:$JDOCK_ROOT:$ref" >/dev/null
}

# image_blob_size IMAGE: the sum of the layer blob sizes of a fixture image (what jdock reports
# as the size of layers it has not extracted).
image_blob_size() {
  jq '[.layers[].size] | add' "$(fx_inspect "$1" oci-layout manifest)"
}

# human_size PRECISION BYTES: go-units HumanSizeWithPrecision (decimal units, %.Ng).
human_size() {
  local precision=$1 size=$2 units=(B kB MB GB TB PB EB ZB YB) i=0
  while awk -v s="$size" 'BEGIN { exit !(s >= 1000) }' && ((i < 8)); do
    size=$(awk -v s="$size" 'BEGIN { printf "%.17g", s / 1000 }')
    i=$((i + 1))
  done
  printf "%.${precision}g%s\n" "$size" "${units[i]}"
}

# human_ago EPOCH-SECONDS: go-units HumanDuration(now - t) + " ago", docker's CREATED column.
human_ago() {
  local s=$(($(date +%s) - $1)) m h d
  if ((s < 1)); then d="Less than a second"
  elif ((s == 1)); then d="1 second"
  elif ((s < 60)); then d="$s seconds"
  else
    m=$((s / 60)) h=$(((s + 1800) / 3600))
    if ((m == 1)); then d="About a minute"
    elif ((m < 60)); then d="$m minutes"
    elif ((h == 1)); then d="About an hour"
    elif ((h < 48)); then d="$h hours"
    elif ((h < 24 * 7 * 2)); then d="$((h / 24)) days"
    elif ((h < 24 * 30 * 2)); then d="$((h / 24 / 7)) weeks"
    elif ((h < 24 * 365 * 2)); then d="$((h / 24 / 30)) months"
    else d="$((s / 3600 / 24 / 365)) years"
    fi
  fi
  echo "$d ago"
}

# index_set_parent CHILD-REF PARENT-ID: records PARENT-ID as the parent of the image CHILD-REF
# names (jdock's io.jdock.image.parent annotation in index.json), as `jdock commit` will.
index_set_parent() {
  local index=$JDOCK_ROOT/index.json
  jq --arg ref "$1" --arg parent "$2" '.manifests |= map(
      if .annotations["org.opencontainers.image.ref.name"] == $ref
      then .annotations["io.jdock.image.parent"] = $parent else . end)' "$index" >"$index.new"
  mv "$index.new" "$index"
}

# chain_ids IMAGE: the layer chain IDs of a fixture image, base first (OCI image-spec:
# ChainID(L0) = DiffID(L0), ChainID(L0..n) = sha256 of "ChainID(L0..n-1) DiffID(Ln)"); docker's
# rmi names the layers it deletes by them.
chain_ids() {
  local chain="" diff
  while read -r diff; do
    if [[ -z $chain ]]; then
      chain=$diff
    else
      chain="sha256:$(printf '%s %s' "$chain" "$diff" | sha256sum | cut -d' ' -f1)"
    fi
    echo "$chain"
  done < <(jq -r '.rootfs.diff_ids[]' "$(fx_inspect "$1" oci-layout config)")
}
