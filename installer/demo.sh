#!/usr/bin/env bash
# README command 1: set everything up, build, write the bundled demo studies (once) and open
# them in the viewer. Extra arguments are passed to the viewer.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/installer/build.sh"
/usr/bin/python3 "$root/resources/demo/generate_demo.py" --out "$root/demo-data" --profile demo
viewer=("$root/build/app/fenestra" "$root/demo-data/ct" "$root/demo-data/mr" "$root/demo-data/us" "$root/demo-data/cd" --layout 2x2 "$@")
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "demo: no display; running the viewer under Xvfb (add --screenshot FILE.png to see it)" >&2
    exec xvfb-run -a -s "-screen 0 1600x1000x24" "${viewer[@]}"
fi
exec "${viewer[@]}"
