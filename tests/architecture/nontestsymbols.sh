#!/usr/bin/env bash
# Fails when the given executable defines a symbol of the test-only namespaces (Opbox::Fakes of
# tests/fakes, Opbox::Test of the test helpers): the product must not link tests/.
set -euo pipefail
binary="$1"
[ -x "$binary" ] || { echo "no executable at $binary" >&2; exit 1; }
defined=$(nm -C --defined-only "$binary" | grep -cE 'Opbox::(Fakes|Test)::' || true)
if [ "$defined" -ne 0 ]; then
  echo "$binary defines $defined symbols of test code, for example:" >&2
  nm -C --defined-only "$binary" | grep -E 'Opbox::(Fakes|Test)::' | head -5 >&2
  exit 1
fi
# The check must see symbols at all, or it proves nothing.
nm -C --defined-only "$binary" | grep -q 'Opbox::Engine::' || { echo "no Opbox::Engine symbols in $binary: wrong file?" >&2; exit 1; }
echo "$binary: no test code linked"
