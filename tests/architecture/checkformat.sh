#!/usr/bin/env bash
# Fails when a C++ file of the tree is not formatted as .clang-format says, naming the files.
# Format one with `clang-format -i FILE`.
set -euo pipefail
src="$1"
cd "$src"
command -v clang-format >/dev/null || { echo "clang-format is not installed (scripts/setup.sh installs it)" >&2; exit 1; }
mapfile -t files < <(find base connectors engine models ui app tests -name '*.cpp' -o -name '*.h' | sort)
[ "${#files[@]}" -gt 100 ] || { echo "found only ${#files[@]} files: wrong folder?" >&2; exit 1; }
unformatted=()
for f in "${files[@]}"; do
  clang-format --dry-run --Werror "$f" >/dev/null 2>&1 || unformatted+=("$f")
done
if [ "${#unformatted[@]}" -gt 0 ]; then
  printf 'not formatted as .clang-format says (clang-format -i FILE):\n' >&2
  printf '  %s\n' "${unformatted[@]}" >&2
  exit 1
fi
echo "${#files[@]} files follow .clang-format"
