#!/usr/bin/env bash
# Sets up (packages, build) and starts Opbox Pipelines. Without a display and without arguments it
# starts the headless server instead of the desktop application.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$here/scripts/setup.sh"
bin="$here/build/bin/opbox-pipelines"
if [ $# -eq 0 ] && [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "run: no display found (DISPLAY/WAYLAND_DISPLAY unset); starting the headless server: opbox-pipelines --server"
  exec "$bin" --server
fi
exec "$bin" "$@"
