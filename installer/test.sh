#!/usr/bin/env bash
# README command 2 (and .ci/run): set everything up, build, and run the whole test suite.
# Tests that drive real windows (label "gui") share one Xvfb display without a window manager,
# where parallel windows would steal each other's keyboard focus: they run one at a time, after
# the rest has run in parallel. The screen is large enough for windows at device pixel ratio 2.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/installer/build.sh"
cd "$root/build"
xvfb-run -a -s "-screen 0 2560x1700x24" bash -c '
status=0
ctest --output-on-failure -j"$(nproc)" -LE gui "$@" || status=1
ctest --output-on-failure -L gui "$@" || status=1
exit $status' ctest-runs "$@"
