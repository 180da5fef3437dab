#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks of installer/: run by ctest (tests/installer/CMakeLists.txt), one mode per test.
#   installer-test.sh metadata BUILD_DIR SOURCE_DIR VERSION   validators on the desktop files
#   installer-test.sh install  BUILD_DIR SOURCE_DIR VERSION   `cmake --install` into a DESTDIR
#   installer-test.sh package  BUILD_DIR SOURCE_DIR VERSION   cpack .deb + .tar.gz, unpacked
# Exit 0 = pass, 1 = fail, 77 = skipped (only when cpack or dpkg-deb is missing).
set -uo pipefail

mode="$1" build="$2" source="$3" version="$4"
app_id=io.opbox.Pipelines

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }
finish() {
  if [ "$failures" -gt 0 ]; then
    echo "$failures check(s) failed" >&2
    exit 1
  fi
  exit 0
}

work="$(mktemp -d "${TMPDIR:-/tmp}/opbox-installer-test.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# The files every installed tree must hold, relative to the prefix. The man page is gzipped in
# the .deb (Debian policy 12.1), so its name is given without the suffix and matched with both.
installed_files=(
  bin/opbox-pipelines
  bin/opbox-fake-services
  "share/applications/$app_id.desktop"
  "share/metainfo/$app_id.metainfo.xml"
  "share/icons/hicolor/scalable/apps/$app_id.svg"
  share/man/man1/opbox-pipelines.1
  lib/systemd/user/opbox-pipelines.service
)

# check_tree ROOT PREFIX BINDIR: every file above exists under ROOT/PREFIX, the unit starts the
# binary at BINDIR on loopback only, and the binary's --version names the project version.
check_tree() {
  local root="$1" prefix="$2" bindir="$3" base="$1$2" f
  for f in "${installed_files[@]}"; do
    if [ -f "$base/$f" ] || { [ "${f#share/man/}" != "$f" ] && [ -f "$base/$f.gz" ]; }; then
      pass "$prefix/$f"
    else
      fail "missing $prefix/$f in $root"
    fi
  done
  [ -x "$base/bin/opbox-pipelines" ] || fail "$prefix/bin/opbox-pipelines is not executable"

  local unit="$base/lib/systemd/user/opbox-pipelines.service"
  if [ -f "$unit" ]; then
    local exec_start
    exec_start="$(sed -n 's/^ExecStart=//p' "$unit")"
    case "$exec_start" in
      "$bindir/opbox-pipelines --server "*) pass "unit ExecStart=$exec_start" ;;
      *) fail "unit ExecStart is '$exec_start', expected $bindir/opbox-pipelines --server …" ;;
    esac
    grep -q -- '--listen 127\.0\.0\.1:' <<<"$exec_start" || fail "unit does not listen on loopback only"
    grep -q '^Restart=on-failure$' "$unit" || fail "unit lacks Restart=on-failure"
    grep -q '^WantedBy=default.target$' "$unit" || fail "unit is not wanted by default.target"
    if grep -qF -e "$build" -e _CPack_Packages "$unit"; then fail "unit names a build path"; fi
    verify_unit "$unit" "$base/bin/opbox-pipelines"
  fi

  if [ -x "$base/bin/opbox-pipelines" ]; then
    local out rc
    out="$(env -u DISPLAY -u WAYLAND_DISPLAY QT_QPA_PLATFORM=offscreen \
             "$base/bin/opbox-pipelines" --version 2>"$work/version.err")"
    rc=$?
    if [ "$rc" -eq 0 ] && [ "$out" = "opbox-pipelines $version" ]; then
      pass "--version prints '$out'"
    else
      fail "--version exited $rc and printed '$out' (expected 'opbox-pipelines $version'): $(cat "$work/version.err")"
    fi
  fi
}

# verify_unit UNIT BINARY: systemd-analyze's own check of the unit's syntax, pointed at BINARY.
# systemd is absent from minimal containers; then there is nothing to check the unit with.
verify_unit() {
  local unit="$1" binary="$2"
  if ! command -v systemd-analyze >/dev/null; then
    echo "note: systemd-analyze not installed, unit syntax not verified"
    return
  fi
  local dir="$work/unit-verify"
  rm -rf "$dir"; mkdir -p "$dir/runtime"; chmod 700 "$dir/runtime"
  sed "s#^ExecStart=[^ ]*#ExecStart=$binary#" "$unit" >"$dir/opbox-pipelines.service"
  if XDG_RUNTIME_DIR="$dir/runtime" systemd-analyze --user --man=no verify \
       "$dir/opbox-pipelines.service" >"$dir/out" 2>&1 && [ ! -s "$dir/out" ]; then
    pass "systemd-analyze verify"
  else
    fail "systemd-analyze verify: $(cat "$dir/out")"
  fi
}

case "$mode" in
metadata)
  desktop="$source/installer/$app_id.desktop"
  metainfo="$build/installer/$app_id.metainfo.xml"
  if out="$(desktop-file-validate "$desktop" 2>&1)" && [ -z "$out" ]; then
    pass "desktop-file-validate $app_id.desktop"
  else
    fail "desktop-file-validate: $out"
  fi
  if out="$(appstreamcli validate --no-net "$metainfo" 2>&1)"; then
    pass "appstreamcli validate --no-net $app_id.metainfo.xml"
  else
    fail "appstreamcli validate: $out"
  fi
  grep -q "<release version=\"$version\"" "$metainfo" || fail "metainfo has no release $version"
  grep -q '^Exec=opbox-pipelines$' "$desktop" || fail "desktop file does not run opbox-pipelines"
  grep -q "^Icon=$app_id$" "$desktop" || fail "desktop file icon is not $app_id"
  if command -v xmllint >/dev/null; then
    xmllint --noout "$source/resources/icons/opbox-pipelines.svg" || fail "icon is not well-formed XML"
  fi
  man_page="$build/installer/opbox-pipelines.1"
  grep -q "^\.TH OPBOX-PIPELINES 1 .*$version" "$man_page" || fail "man page does not name version $version"
  man_text="$(sed 's/\\//g' "$man_page")"  # roff escapes removed: \-\-server reads --server
  for word in --server --listen --data-dir --public-url --workers --demo 'token create' --user \
              --name --role OWNER ADMIN MEMBER VIEWER --workspace --version --help \
              OPBOX_DATA_DIR OPBOX_MASTER_KEY OPBOX_CRON_SECRET opbox.db tables/ master.key \
              'EXIT STATUS' ENVIRONMENT FILES; do
    grep -qF -- "$word" <<<"$man_text" || fail "man page does not document $word"
  done
  if command -v groff >/dev/null; then
    if out="$(LC_ALL=C.UTF-8 groff -man -ww -z "$man_page" 2>&1)" && [ -z "$out" ]; then
      pass "groff -man -ww: no warnings"
    else
      fail "groff warnings in the man page: $out"
    fi
  else
    echo "note: groff not installed, man page rendering not checked"
  fi
  finish
  ;;

install)
  root="$work/root"
  if ! DESTDIR="$root" cmake --install "$build" --prefix /usr >"$work/install.log" 2>&1; then
    cat "$work/install.log" >&2
    fail "cmake --install failed"
    finish
  fi
  check_tree "$root" /usr /usr/bin
  # Hardening (CMakeLists.txt): full RELRO and the stack protector in the installed binary.
  bin="$root/usr/bin/opbox-pipelines"
  # Read whole before grep: `grep -q` stops early and pipefail would count readelf's SIGPIPE.
  segments="$(readelf -lW "$bin")" dynamic="$(readelf -dW "$bin")" symbols="$(readelf -sW --dyn-syms "$bin")"
  if grep -q GNU_RELRO <<<"$segments" && grep -Eq 'BIND_NOW|FLAGS.*\bNOW\b' <<<"$dynamic"; then
    pass "full RELRO"
  else
    fail "the binary is not linked with -z relro -z now"
  fi
  if grep -q '__stack_chk_fail' <<<"$symbols"; then
    pass "stack protector"
  else
    fail "the binary is not built with -fstack-protector-strong"
  fi
  # AppStream's view of the whole tree: the metainfo, its desktop file and its icon together.
  if out="$(appstreamcli validate-tree --no-net "$root" 2>&1)" &&
     grep -qF "$app_id.metainfo.xml" <<<"$out"; then
    pass "appstreamcli validate-tree"
  else
    fail "appstreamcli validate-tree: $out"
  fi
  finish
  ;;

package)
  if ! command -v cpack >/dev/null || ! command -v dpkg-deb >/dev/null; then
    echo "SKIP: cpack or dpkg-deb is not installed"
    exit 77
  fi
  # CPack installs the configured build tree again into its own staging directory (no compile).
  if ! cpack --config "$build/CPackConfig.cmake" -G "DEB;TGZ" -B "$work/packages" \
         >"$work/cpack.log" 2>&1; then
    cat "$work/cpack.log" >&2
    fail "cpack failed"
    finish
  fi
  debs=("$work"/packages/opbox-pipelines_"$version"_*.deb)
  tgzs=("$work"/packages/opbox-pipelines-"$version"-linux-*.tar.gz)
  [ -f "${debs[0]}" ] || { fail "no opbox-pipelines_${version}_*.deb: $(ls "$work/packages")"; finish; }
  [ -f "${tgzs[0]}" ] || fail "no opbox-pipelines-$version-linux-*.tar.gz: $(ls "$work/packages")"
  deb="${debs[0]}"

  if out="$(dpkg-deb --info "$deb" 2>&1)"; then pass "dpkg-deb --info"; else fail "dpkg-deb --info: $out"; fi
  [ "$(dpkg-deb --field "$deb" Package)" = opbox-pipelines ] || fail "Package field"
  [ "$(dpkg-deb --field "$deb" Version)" = "$version" ] || fail "Version is not $version"
  [ "$(dpkg-deb --field "$deb" Architecture)" = "$(dpkg --print-architecture)" ] || fail "Architecture"
  for field in Maintainer Section Description Depends; do
    [ -n "$(dpkg-deb --field "$deb" "$field")" ] || fail "control field $field is empty"
  done
  if dpkg-deb --contents "$deb" | awk '$2 != "root/root" { bad = 1 } END { exit bad }'; then
    pass "every file is owned by root/root"
  else
    fail "files not owned by root/root"
  fi

  # Depends names the package of every library the binary links, and those of the plugins Qt
  # loads at run time (SQLite driver, SVG icon engine, xcb/offscreen platforms).
  depends="$(dpkg-deb --field "$deb" Depends)"
  dep_names="$(tr ',|' '\n' <<<"$depends" | sed 's/(.*)//; s/^ *//; s/ *$//' | sort -u)"
  for needed in $(objdump -p "$build/bin/opbox-pipelines" "$build/bin/opbox-fake-services" |
                  awk '$1 == "NEEDED" { print $2 }' | sort -u); do
    path="$(ldconfig -p | awk -v lib="$needed" '$1 == lib { print $NF; exit }')"
    owner="$(dpkg -S "$(readlink -f "$path")" 2>/dev/null | head -n1 | cut -d: -f1)"
    [ -n "$owner" ] || owner="$(dpkg -S "$path" 2>/dev/null | head -n1 | cut -d: -f1)"
    if [ -z "$owner" ]; then
      fail "no Debian package owns $needed ($path)"
    elif grep -qx "$owner" <<<"$dep_names"; then
      pass "Depends covers $needed ($owner)"
    else
      fail "Depends lacks $owner, which ships $needed"
    fi
  done
  for plugin_package in libqt6sql6-sqlite libqt6svg6 libqt6gui6; do
    grep -qx "$plugin_package" <<<"$dep_names" || fail "Depends lacks $plugin_package"
  done
  # Every dependency exists: on the build machine each one is installed already.
  for dep in $(tr ',' '\n' <<<"$depends" | sed 's/|.*//; s/(.*)//; s/ //g'); do
    dpkg-query -W -f='${Status}\n' "$dep" 2>/dev/null | grep -q 'install ok installed' ||
      fail "dependency $dep is not an installed package here"
  done

  # lintian is not a build dependency; where it is installed, its errors fail the test.
  if command -v lintian >/dev/null; then
    if out="$(lintian --fail-on error "$deb" 2>&1)"; then
      pass "lintian: no errors"
    else
      fail "lintian: $out"
    fi
  fi

  root="$work/deb-root"
  dpkg-deb -x "$deb" "$root" || fail "dpkg-deb -x failed"
  check_tree "$root" /usr /usr/bin
  [ -f "$root/usr/share/man/man1/opbox-pipelines.1.gz" ] || fail "man page is not gzipped in the .deb"
  [ -f "$root/usr/share/doc/opbox-pipelines/copyright" ] || fail "no /usr/share/doc/opbox-pipelines/copyright"
  if [ -f "$root/usr/share/doc/opbox-pipelines/changelog.gz" ]; then
    zcat "$root/usr/share/doc/opbox-pipelines/changelog.gz" | head -n1 | grep -qF "opbox-pipelines ($version)" ||
      fail "changelog.gz does not start with version $version"
  else
    fail "no /usr/share/doc/opbox-pipelines/changelog.gz"
  fi
  if file -b "$root/usr/bin/opbox-pipelines" | grep -q 'not stripped'; then
    fail "binary in the .deb is not stripped"
  fi

  # The tarball is a tree for /usr/local with one top-level directory.
  if [ -f "${tgzs[0]}" ]; then
    mkdir -p "$work/tgz-root/usr/local"
    tar -C "$work/tgz-root/usr/local" --strip-components=1 -xzf "${tgzs[0]}" || fail "tar -x failed"
    check_tree "$work/tgz-root" /usr/local /usr/local/bin
  fi
  finish
  ;;

*)
  echo "usage: $0 metadata|install|package BUILD_DIR SOURCE_DIR VERSION" >&2
  exit 2
  ;;
esac
