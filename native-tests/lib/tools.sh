# Tools the native tests drive, and the Debian package that provides each one.
# A missing tool is a test failure that names the package to install; it is never a skip.
# .ci/run installs every package listed here.

declare -gA NT_TOOL_PACKAGE=(
  [umoci]=umoci
  [skopeo]=skopeo
  [docker-registry]=docker-registry
  [debootstrap]=debootstrap
  [fuse-overlayfs]=fuse-overlayfs
  [fusermount3]=fuse3
  [setfattr]=attr
  [getfattr]=attr
  [setcap]=libcap2-bin
  [getcap]=libcap2-bin
  [htpasswd]=apache2-utils
  [openssl]=openssl
  [curl]=curl
  [jq]=jq
  [python3]=python3
  [java]=openjdk-17-jdk-headless
  [tar]=tar
  [gzip]=gzip
  [zstd]=zstd
  [script]=bsdutils
  [unshare]=util-linux
  [tmux]=tmux
  [sha256sum]=coreutils
)

# The python3 of the system (a pyenv or venv python first on PATH works too: only the
# standard library is used).
NT_PYTHON=${NT_PYTHON:-python3}

# need TOOL...: fails (returns 1, message on stderr) when a tool is not on PATH.
need() {
  local tool missing=0
  for tool in "$@"; do
    if ! command -v "$tool" >/dev/null 2>&1; then
      echo "missing tool '$tool': install the Debian package ${NT_TOOL_PACKAGE[$tool]:-providing $tool}" \
        "(apt-get install ${NT_TOOL_PACKAGE[$tool]:-?})" >&2
      missing=1
    fi
  done
  return "$missing"
}

# missing_tools: prints the tools of the table that are not installed, one per line.
missing_tools() {
  local tool
  for tool in "${!NT_TOOL_PACKAGE[@]}"; do
    command -v "$tool" >/dev/null 2>&1 || echo "$tool (package ${NT_TOOL_PACKAGE[$tool]})"
  done | LC_ALL=C sort
}
