#!/usr/bin/env bash
# Fails when the given executable defines a symbol of the test-only namespaces (Opbox::Fakes of
# tests/fakes, Opbox::Test of the test helpers): the product must not link tests/.
set -euo pipefail
binary="$1"
[ -x "$binary" ] || { echo "no executable at $binary" >&2; exit 1; }
symbols=$(nm -C --defined-only "$binary")
test_code=$(grep -E 'Opbox::(Fakes|Test)::' <<<"$symbols" || true)
if [ -n "$test_code" ]; then
  echo "$binary defines $(wc -l <<<"$test_code") symbols of test code, for example:" >&2
  head -5 <<<"$test_code" >&2
  exit 1
fi
# The check must see the product's symbols at all, or it proves nothing.
grep -q 'Opbox::Engine::' <<<"$symbols" || { echo "no Opbox::Engine symbols in $binary: wrong file?" >&2; exit 1; }
echo "$binary: no test code linked"
