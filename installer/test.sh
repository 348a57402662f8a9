#!/usr/bin/env bash
# README command 2 (and .ci/run): set everything up, build, and run the whole test suite.
# GUI tests need a display: the suite runs under Xvfb.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/installer/build.sh"
cd "$root/build"
xvfb-run -a -s "-screen 0 1920x1080x24" ctest --output-on-failure -j"$(nproc)" "$@"
