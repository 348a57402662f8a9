#!/usr/bin/env bash
# README command 1: set everything up, build, and run the main job: the test federation of
# issue 6 on this machine (identity provider, consent registry, three hospital archives with
# their consent policy) and the viewer searching it, a demo doctor signed in, the demo
# patient's studies listed per hospital and the first one opened (build/tests/demo/fenestra_demo).
#   installer/demo.sh [--screenshot FILE.png]   the federation demo
#   installer/demo.sh --local [VIEWER ARGS...]  the bundled demo studies (demo-data/) opened in
#                                               the viewer, as before
# Without a display, both run under Xvfb.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/installer/build.sh"
if [ "${1:-}" = "--local" ]; then
    shift
    /usr/bin/python3 "$root/resources/demo/generate_demo.py" --out "$root/demo-data" --profile demo
    run=("$root/build/app/fenestra" "$root/demo-data/ct" "$root/demo-data/mr" "$root/demo-data/us" "$root/demo-data/cd" --layout 2x2 "$@")
else
    # The studies the federation's hospitals are filled from (the test suite's, written once).
    /usr/bin/python3 "$root/resources/demo/generate_demo.py" --out "$root/build/test-data" --profile test
    run=("$root/build/tests/demo/fenestra_demo" "$@")
fi
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "demo: no display; running under Xvfb (add --screenshot FILE.png to see it)" >&2
    exec xvfb-run -a -s "-screen 0 1600x1000x24" "${run[@]}"
fi
exec "${run[@]}"
