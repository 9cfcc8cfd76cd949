# Shared by scripts/run and scripts/test. Source it; do not run it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export CMAKE_BUILD_PARALLEL_LEVEL="${CMAKE_BUILD_PARALLEL_LEVEL:-$(nproc 2>/dev/null || echo 2)}"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# ensure_apt PACKAGE...: installs the Debian/Ubuntu packages that are missing,
# as root or through sudo; otherwise says exactly what to install and stops.
ensure_apt() {
  if ! command -v dpkg >/dev/null 2>&1; then
    say "not a Debian/Ubuntu system: make sure these are installed: $*"
    return 0
  fi
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo="sudo"
    else
      echo "labelcost needs these packages: apt-get install ${missing[*]}" >&2
      exit 1
    fi
  fi
  say "installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

NATIVE_PACKAGES=(cmake make g++ nlohmann-json3-dev catch2 libcli11-dev)
WASM_PACKAGES=(cmake make emscripten nlohmann-json3-dev)
BROWSER_PACKAGES=(chromium)
# The C++ style checks (scripts/check-cpp).
CHECK_PACKAGES=(clang-format clang-tidy)

# Node.js 20 or newer with npm: from apt unless the machine has them already
# (from another source, whose packages apt's would conflict with).
ensure_node() {
  local major
  major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
  if [ "$major" -ge 20 ] && command -v npm >/dev/null 2>&1; then return 0; fi
  ensure_apt nodejs npm
  major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
  if [ "$major" -lt 20 ]; then
    echo "labelcost needs Node.js 20 or newer (this machine has $(node --version 2>/dev/null || echo none))" >&2
    exit 1
  fi
}

# npm packages of package-lock.json (the Closure compiler for the wasm build,
# esbuild for the page, the browser-test tools), installed once.
ensure_npm() {
  ensure_node
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing npm packages (package-lock.json)"
    npm ci --no-audit --no-fund >/dev/null
  fi
}

build_native() {
  ensure_apt "${NATIVE_PACKAGES[@]}"
  say "building the native CLI (build/native)"
  cmake --preset native >/dev/null
  cmake --build --preset native
}

build_site() {
  ensure_apt "${WASM_PACKAGES[@]}"
  ensure_npm
  say "building the WebAssembly module and the site (build/site)"
  cmake --preset wasm >/dev/null
  cmake --build --preset wasm
}
