#!/usr/bin/env bash
# Installs exactly the Debian packages Fenestra needs (installer/packages-debian.txt),
# only those missing. Idempotent; run as root on Debian bookworm (sudo is used otherwise).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

mapfile -t wanted < <(grep -vE '^\s*(#|$)' "$here/packages-debian.txt")
missing=()
for pkg in "${wanted[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
    [ "$status" = "installed" ] || missing+=("$pkg")
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "setup: all ${#wanted[@]} Debian packages present"
else
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "setup: installing ${#missing[@]} missing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Orthanc's Debian package starts a system service; the tests run their own instances.
if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet orthanc 2>/dev/null; then
    systemctl stop orthanc || true
fi
if [ -x /etc/init.d/orthanc ] && pgrep -x Orthanc >/dev/null 2>&1; then
    /etc/init.d/orthanc stop >/dev/null 2>&1 || true
fi
