#!/usr/bin/env bash
# Installs what the build needs (only what is missing), then configures and builds (build/ for the
# default dev preset; OPBOX_PRESET=release|asan picks another). The asan preset builds with Clang 14
# (its sanitizer runtimes and libFuzzer come from clang-14, libclang-rt-14-dev and libfuzzer-14-dev).
# Shared by scripts/run.sh and scripts/test.sh; safe to run again and again.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

packages=(
  build-essential cmake ninja-build ccache pkg-config git
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-httpserver-dev qt6-websockets-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev libqt6svg6 qt6-qpa-plugins
  qtkeychain-qt6-dev qcoro-qt6-dev libssl-dev libsqlite3-dev libgl-dev
  dbus dbus-x11 gnome-keyring libsecret-1-0 libsecret-tools
  desktop-file-utils appstream dpkg-dev file clang-format locales tzdata
  # Qt Charts: qt6-charts-dev is the package that provides libqt6charts6-dev; its CMake package needs Qt OpenGL's.
  qt6-charts-dev libqt6opengl6-dev
  clang-14 libclang-rt-14-dev libfuzzer-14-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -q >/dev/null
  "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
fi
# Each test also runs with a German locale (cmake/OpboxTesting.cmake); without the generated glibc
# locale, setlocale() falls back to C and the C library would not format or parse the German way.
if ! locale -a 2>/dev/null | grep -qix 'de_DE.utf-\?8'; then
  echo "setup: generating the de_DE.UTF-8 locale"
  sudo_cmd=()
  [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" sed -i 's/^# *\(de_DE.UTF-8 UTF-8\)/\1/' /etc/locale.gen
  grep -q '^de_DE.UTF-8 UTF-8' /etc/locale.gen || echo 'de_DE.UTF-8 UTF-8' | "${sudo_cmd[@]}" tee -a /etc/locale.gen >/dev/null
  "${sudo_cmd[@]}" locale-gen >/dev/null
fi
# scripts/package.sh wants the packages only: it configures and builds its own release tree.
if [ "${1:-}" = "--packages-only" ]; then
  exit 0
fi

# The preset decides the build folder: dev → build/, release → build-release/, asan → build-asan/.
preset="${OPBOX_PRESET:-dev}"
case "$preset" in
  dev) dir=build ;;
  *) dir="build-$preset" ;;
esac
# ccache shares its cache between clones and worktrees: paths below the source folder are hashed
# relative to it, and the build folder's own path is left out of the hash.
export CCACHE_BASEDIR="$here" CCACHE_NOHASHDIR=true
if [ ! -f "$dir/CMakeCache.txt" ]; then
  cmake --preset "$preset" >/dev/null
fi
cmake --build --preset "$preset" -j"${OPBOX_JOBS:-2}"
