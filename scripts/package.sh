#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the release packages, a .deb and a .tar.gz, into build/packages/.
# Installs missing build packages first (scripts/setup.sh), then configures the `release` preset
# (CMakePresets.json, build dir build-release/, no tests) and lets CPack pack its install tree.
#   scripts/package.sh
#   apt install ./build/packages/opbox-pipelines_*.deb
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

"$here/scripts/setup.sh" --packages-only

release_dir="$here/build-release"   # binaryDir of the `release` preset
out_dir="$here/build/packages"

echo "package: configuring the release build in build-release/"
cmake --preset release >/dev/null
echo "package: building"
cmake --build --preset release -j"${OPBOX_JOBS:-2}"

echo "package: running cpack"
rm -rf "$release_dir/packages"
(cd "$release_dir" && cpack --config CPackConfig.cmake -G "DEB;TGZ" >/dev/null)

# Only this build's packages in build/packages, so that `opbox-pipelines_*.deb` names one file.
mkdir -p "$out_dir"
rm -f "$out_dir"/opbox-pipelines_*.deb "$out_dir"/opbox-pipelines-*.tar.gz
shopt -s nullglob
packages=("$release_dir"/packages/opbox-pipelines_*.deb "$release_dir"/packages/opbox-pipelines-*.tar.gz)
if [ ${#packages[@]} -ne 2 ]; then
  echo "package: expected one .deb and one .tar.gz from cpack, got: ${packages[*]:-nothing}" >&2
  exit 1
fi
cp "${packages[@]}" "$out_dir/"

# dpkg-deb re-reads the package: a malformed control file or archive fails here, not at install.
for deb in "$out_dir"/opbox-pipelines_*.deb; do
  dpkg-deb --info "$deb" >/dev/null
done
echo "package: done"
ls -l "$out_dir"/opbox-pipelines_*.deb "$out_dir"/opbox-pipelines-*.tar.gz
