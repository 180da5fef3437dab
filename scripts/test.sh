#!/usr/bin/env bash
# Sets up (packages, build) and runs every test with ctest. The keychain tests talk to a real
# Secret Service: a private D-Bus session with an unlocked gnome-keyring-daemon.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$here/scripts/setup.sh"
cd "$here"

keyring_home="$(mktemp -d)"
trap 'rm -rf "$keyring_home"' EXIT
export OPBOX_KEYRING_HOME="$keyring_home"
export QT_QPA_PLATFORM=offscreen

exec dbus-run-session -- bash -c '
  # The keyring lives in a throw-away home so that tests never touch a real user keyring.
  export XDG_DATA_HOME="$OPBOX_KEYRING_HOME/data" XDG_RUNTIME_DIR="$OPBOX_KEYRING_HOME/run"
  mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
  eval "$(printf "opbox-test-keyring" | gnome-keyring-daemon --unlock --components=secrets)"
  export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK
  export OPBOX_SECRET_SERVICE=1
  ctest --test-dir build --output-on-failure -j"${OPBOX_TEST_JOBS:-2}" "$@"
' opbox-tests "$@"
