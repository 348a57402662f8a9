#!/usr/bin/env bash
# Fails when a C++ file of ours differs from .clang-format's layout.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    mapfile -t files < <(git ls-files --cached --others --exclude-standard -- 'app/*.cpp' 'app/*.h' 'viewer/*.cpp' 'viewer/*.h' 'net/*.cpp' 'net/*.h' 'tests/*.cpp' 'tests/*.h')
else
    mapfile -t files < <(find app viewer net tests -name '*.cpp' -o -name '*.h')
fi
existing=()
for f in "${files[@]}"; do [ -f "$f" ] && existing+=("$f"); done
clang-format --dry-run -Werror "${existing[@]}"
echo "format: ${#existing[@]} files checked"
