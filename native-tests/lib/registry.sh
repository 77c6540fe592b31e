# A real registry for the tests: Debian's docker-registry (distribution 2.8) on 127.0.0.1, a
# free port, storage in the test's temp dir; stopped when the test (or, from setup_file, the
# file) ends.
#
#   registry_start http         plain http, no auth
#   registry_start tls-basic    https with a CA made here (REG_CA) + htpasswd Basic auth (bcrypt)
#   registry_start token        plain http + token auth: TokenIssuer.java (RS256 JWTs) on another
#                               port; realm $ISSUER_URL/token, service $REG_SERVICE
#
# After a start (the last started registry; save the values to use two at once):
#   REG_MODE REG_HOST (127.0.0.1:PORT) REG_URL (http[s]://REG_HOST) REG_DIR REG_STORAGE REG_LOG
#   REG_USER REG_PASS (tls-basic, token)   REG_CA REG_CERT_DIR (tls-basic: ca.crt; the dir is
#   laid out like /etc/docker/certs.d/HOST:PORT, for skopeo --cert-dir)
#   REG_SERVICE REG_ISSUER ISSUER_URL ISSUER_LOG (token)
# Options (environment of registry_start): REG_ANONYMOUS=pull lets the token issuer give
# anonymous clients pull access (default: none); REG_TOKEN_EXPIRES (seconds, default 300).

REG_USER_DEFAULT=jdock
REG_PASS_DEFAULT=s3cret-pass

registry_start() {
  local mode=$1 dir attempt
  need docker-registry curl python3 || return 1
  case $mode in
    http) ;;
    tls-basic) need openssl htpasswd || return 1 ;;
    token) need openssl java || return 1 ;;
    *) fail "registry_start: unknown mode '$mode' (http | tls-basic | token)"; return 1 ;;
  esac
  dir=$(mktemp -d "$NT_CASE_DIR/registry-$mode.XXXX")
  REG_MODE=$mode REG_DIR=$dir REG_STORAGE=$dir/storage REG_LOG=$dir/registry.log
  REG_USER="" REG_PASS="" REG_CA="" REG_CERT_DIR="" REG_SERVICE="" REG_ISSUER="" ISSUER_URL="" ISSUER_LOG=""
  mkdir -p "$REG_STORAGE"
  case $mode in
    tls-basic) _registry_tls "$dir" && _registry_htpasswd "$dir" || return 1 ;;
    token) _registry_issuer "$dir" || return 1 ;;
  esac
  for attempt in 1 2 3; do
    REG_PORT=$(_free_port)
    REG_HOST=127.0.0.1:$REG_PORT
    REG_URL=$([[ $mode == tls-basic ]] && echo https || echo http)://$REG_HOST
    _registry_config "$dir" >"$dir/config.yml"
    docker-registry serve "$dir/config.yml" >"$REG_LOG" 2>&1 &
    echo $! >"$dir/registry.pid"
    defer registry_stop "$dir"
    _registry_wait "$dir" && break
    registry_stop "$dir"
    grep -q "address already in use" "$REG_LOG" || break
  done
  if ! _registry_wait "$dir"; then
    tail -n 20 "$REG_LOG" >&2
    fail "docker-registry ($mode) did not answer on $REG_URL/v2/"
    return 1
  fi
  if [[ $mode == tls-basic ]]; then
    REG_CERT_DIR=$dir/certs.d/$REG_HOST
    mkdir -p "$REG_CERT_DIR"
    cp "$REG_CA" "$REG_CERT_DIR/ca.crt"
  fi
  declare -p REG_MODE REG_HOST REG_URL REG_PORT REG_DIR REG_STORAGE REG_LOG REG_USER REG_PASS \
    REG_CA REG_CERT_DIR REG_SERVICE REG_ISSUER ISSUER_URL ISSUER_LOG | sed 's/^declare -- //' >"$dir/env"
}

# registry_stop [DIR]: stops the registry of DIR (default: the last started) and its issuer.
registry_stop() {
  local dir=${1:-$REG_DIR} f pid
  for f in "$dir/registry.pid" "$dir/issuer.pid"; do
    [[ -f $f ]] || continue
    pid=$(cat "$f")
    kill "$pid" 2>/dev/null && { for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done; }
    kill -KILL "$pid" 2>/dev/null || true
    rm -f "$f"
  done
  return 0
}

# registry_skopeo_opts src|dest: skopeo options that reach the last started registry.
registry_skopeo_opts() {
  local side=$1
  case $REG_MODE in
    http) echo "--$side-tls-verify=false" ;;
    tls-basic) echo "--$side-cert-dir=$REG_CERT_DIR --$side-creds=$REG_USER:$REG_PASS" ;;
    token) echo "--$side-tls-verify=false --$side-creds=$REG_USER:$REG_PASS" ;;
  esac
}

# registry_push LAYOUT-OR-FIXTURE NAME:TAG: copies an image (an OCI layout dir with ref "latest",
# or a fixture image name: jdock-test | jdock-small) to REG_HOST/NAME:TAG with skopeo.
registry_push() {
  local src=$1 ref=$2 opts
  [[ -d $src ]] || src=$(fx_layout "$src") || return 1
  opts=$(registry_skopeo_opts dest)
  # shellcheck disable=SC2086 # opts holds separate options
  skopeo copy --quiet $opts "oci:$src:latest" "docker://$REG_HOST/$ref"
}

# registry_inspect NAME:TAG [skopeo inspect options]: skopeo inspect through the registry.
registry_inspect() {
  local ref=$1 opts
  shift
  opts=$(registry_skopeo_opts src)
  opts=${opts//--src-/--}
  # shellcheck disable=SC2086
  skopeo inspect $opts "$@" "docker://$REG_HOST/$ref"
}

# registry_blob_path DIGEST: the file holding a blob in the registry's storage.
registry_blob_path() {
  local hex=${1#sha256:}
  echo "$REG_STORAGE/docker/registry/v2/blobs/sha256/${hex:0:2}/$hex/data"
}

# registry_corrupt_blob DIGEST [flip|truncate|drop]: damages a stored blob: flip changes bytes in
# the middle (same size), truncate cuts it in half, drop deletes it.
registry_corrupt_blob() {
  local file how=${2:-flip} size
  file=$(registry_blob_path "$1")
  [[ -f $file ]] || { fail "registry_corrupt_blob: no blob $1 at $file"; return 1; }
  size=$(stat -c %s "$file")
  case $how in
    flip) printf 'JDOCK-CORRUPTED' | dd of="$file" bs=1 seek=$((size / 2)) conv=notrunc status=none ;;
    truncate) truncate -s $((size / 2)) "$file" ;;
    drop) rm -f "$file" ;;
    *) fail "registry_corrupt_blob: unknown way '$how'"; return 1 ;;
  esac
}

# registry_curl PATH [curl options]: a request to the last started registry with its CA and
# credentials (Basic; for token mode get a token first with registry_token).
registry_curl() {
  local path=$1
  shift
  local args=(-sS)
  [[ -n $REG_CA ]] && args+=(--cacert "$REG_CA")
  [[ $REG_MODE == tls-basic ]] && args+=(-u "$REG_USER:$REG_PASS")
  curl "${args[@]}" "$@" "$REG_URL$path"
}

# registry_token SCOPE [USER:PASS]: a token from the issuer (token mode), printed.
registry_token() {
  local creds=${2-$REG_USER:$REG_PASS} args=(-sS -G)
  [[ -n $creds ]] && args+=(-u "$creds")
  curl "${args[@]}" --data-urlencode "service=$REG_SERVICE" --data-urlencode "scope=$1" \
    "$ISSUER_URL/token" | jq -r .token
}

# http_header FILE NAME: the value of header NAME (any case) in FILE (as written by curl -D).
http_header() {
  tr -d '\r' <"$1" | awk -v n="$(tr '[:upper:]' '[:lower:]' <<<"$2")" '
    { i = index($0, ":"); if (i && tolower(substr($0, 1, i - 1)) == n) { print substr($0, i + 2); exit } }'
}

_free_port() {
  "$NT_PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

_registry_wait() {
  local dir=$1 i code
  for ((i = 0; i < 100; i++)); do
    kill -0 "$(cat "$dir/registry.pid" 2>/dev/null)" 2>/dev/null || return 1
    code=$(curl -s -o /dev/null -w '%{http_code}' ${REG_CA:+--cacert "$REG_CA"} "$REG_URL/v2/" 2>/dev/null)
    [[ $code == 200 || $code == 401 ]] && return 0
    sleep 0.1
  done
  return 1
}

_registry_config() {
  local dir=$1
  cat <<EOF
version: 0.1
log:
  level: info
  formatter: text
storage:
  filesystem:
    rootdirectory: $REG_STORAGE
  delete:
    enabled: true
  maintenance:
    uploadpurging:
      enabled: false
http:
  addr: $REG_HOST
  secret: jdock-native-tests
EOF
  case $REG_MODE in
    tls-basic)
      cat <<EOF
  tls:
    certificate: $dir/server.crt
    key: $dir/server.key
auth:
  htpasswd:
    realm: jdock-test-registry
    path: $dir/htpasswd
EOF
      ;;
    token)
      cat <<EOF
auth:
  token:
    realm: $ISSUER_URL/token
    service: $REG_SERVICE
    issuer: $REG_ISSUER
    rootcertbundle: $dir/token.crt
EOF
      ;;
  esac
}

# A CA and a server certificate for 127.0.0.1 / localhost signed by it.
_registry_tls() {
  local d=$1
  openssl req -x509 -newkey rsa:2048 -nodes -keyout "$d/ca.key" -out "$d/ca.crt" -days 2 \
    -subj "/CN=jdock-test-ca" -addext "basicConstraints=critical,CA:TRUE" \
    -addext "keyUsage=critical,keyCertSign,cRLSign" 2>"$d/openssl.log" &&
    openssl req -newkey rsa:2048 -nodes -keyout "$d/server.key" -out "$d/server.csr" \
      -subj "/CN=127.0.0.1" 2>>"$d/openssl.log" &&
    openssl x509 -req -in "$d/server.csr" -CA "$d/ca.crt" -CAkey "$d/ca.key" -CAcreateserial \
      -out "$d/server.crt" -days 2 -extfile <(printf '%s\n' \
        "subjectAltName=IP:127.0.0.1,DNS:localhost" "basicConstraints=CA:FALSE" \
        "keyUsage=digitalSignature,keyEncipherment" "extendedKeyUsage=serverAuth") 2>>"$d/openssl.log" ||
    { cat "$d/openssl.log" >&2; fail "making the registry's certificates failed"; return 1; }
  REG_CA=$d/ca.crt
}

_registry_htpasswd() {
  REG_USER=$REG_USER_DEFAULT REG_PASS=$REG_PASS_DEFAULT
  htpasswd -Bbn "$REG_USER" "$REG_PASS" >"$1/htpasswd"
}

# The token issuer: a signing key and certificate (the registry's rootcertbundle), then
# TokenIssuer.java on a port it picks itself.
_registry_issuer() {
  local d=$1 i
  REG_USER=$REG_USER_DEFAULT REG_PASS=$REG_PASS_DEFAULT
  REG_SERVICE=jdock-test-registry REG_ISSUER=jdock-test-issuer ISSUER_LOG=$d/issuer-requests.log
  openssl req -x509 -newkey rsa:2048 -nodes -keyout "$d/token.key" -out "$d/token.crt" -days 2 \
    -subj "/CN=jdock-test-token-signer" 2>"$d/openssl.log" ||
    { cat "$d/openssl.log" >&2; fail "making the token signing key failed"; return 1; }
  echo "$REG_USER:$REG_PASS" >"$d/issuer-users"
  : >"$ISSUER_LOG"
  java "$NT_LIB/TokenIssuer.java" --port-file "$d/issuer.port" --key "$d/token.key" \
    --cert "$d/token.crt" --issuer "$REG_ISSUER" --service "$REG_SERVICE" \
    --users "$d/issuer-users" --anonymous "${REG_ANONYMOUS:-none}" \
    --expires-in "${REG_TOKEN_EXPIRES:-300}" --log "$ISSUER_LOG" >"$d/issuer.out" 2>&1 &
  echo $! >"$d/issuer.pid"
  defer registry_stop "$d"
  for ((i = 0; i < 300; i++)); do
    [[ -s $d/issuer.port ]] && break
    kill -0 "$(cat "$d/issuer.pid")" 2>/dev/null || break
    sleep 0.1
  done
  if [[ ! -s $d/issuer.port ]]; then
    cat "$d/issuer.out" >&2
    fail "the token issuer (java TokenIssuer.java) did not start"
    return 1
  fi
  ISSUER_URL=http://127.0.0.1:$(cat "$d/issuer.port")
}
