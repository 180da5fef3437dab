#!/usr/bin/env bash
# The layer rule of ARCHITECTURE.md, checked on every build: which folder may include which.
#   app → ui → models → engine (services, sync, store, security) → connectors → base
#   app → engine/api → engine
# Every include of a product header names its layer from the project root ("engine/store/runstore.h"),
# so the rule is a matter of prefixes. A violation fails the build and names the file and line.
# Usage: checklayers.sh SOURCE_DIR [STAMP_FILE]
set -euo pipefail
src="$1"
cd "$src"

status=0
# forbid FOLDER PATTERN WHY: no file under FOLDER includes a header matching PATTERN (an ERE).
forbid() {
  local folder="$1" pattern="$2" why="$3" hits
  hits=$(grep -rnE --include='*.h' --include='*.cpp' "^[[:space:]]*#[[:space:]]*include[[:space:]]+\"($pattern)" "$folder" || true)
  if [ -n "$hits" ]; then
    printf 'layer rule broken: %s\n%s\n' "$why" "$hits" >&2
    status=1
  fi
}

forbid base 'connectors/|engine/|models/|ui/|app/|tests/' "base/ is the bottom layer"
forbid connectors 'engine/|models/|ui/|app/|tests/' "connectors/ depend on base/ only, never on the engine"
for layer in engine/store engine/security engine/services engine/sync; do
  forbid "$layer" 'engine/api/|models/|ui/|app/|tests/' "$layer is below the API and the GUI"
done
forbid engine/api 'models/|ui/|app/|tests/' "engine/api/ serves the engine; it knows no GUI"
forbid models 'engine/api/|ui/|app/|tests/' "models/ adapt the engine for the GUI; the API is app/'s"
forbid ui 'engine/|connectors/|app/|tests/' "ui/ reaches the engine through models/ only"
forbid app 'tests/' "the product carries no test code"

# Product headers are named from the project root; a bare name would hide which layer it is from.
bare=$(grep -rnE --include='*.h' --include='*.cpp' '^[[:space:]]*#[[:space:]]*include[[:space:]]+"[^"/]+\.h"' \
         base connectors engine models ui app || true)
if [ -n "$bare" ]; then
  printf 'include without its layer folder (write "engine/store/runstore.h", not "runstore.h"):\n%s\n' "$bare" >&2
  status=1
fi

[ "$status" -eq 0 ] && [ -n "${2:-}" ] && touch "$2"
exit "$status"
