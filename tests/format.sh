#!/usr/bin/env bash
# The C sources as .clang-format lays them out: fails, naming each file
# and line, when one is not. Mend with:
#   clang-format -i $(find app tests -name '*.[ch]')
set -euo pipefail
cd "$(dirname "$0")/.."
command -v clang-format >/dev/null || { echo "format: clang-format is not installed (bash board/deps.sh test)" >&2; exit 1; }
mapfile -t files < <(find app tests -name '*.[ch]' -not -path '*/corpus/*' | sort)
clang-format --dry-run --Werror "${files[@]}"
echo "format: ${#files[@]} files as .clang-format lays them out"
