#!/usr/bin/env bash
# Installs exactly the Debian packages Fenestra needs (installer/packages-debian.txt),
# only those missing. Idempotent; run as root on Debian bookworm (sudo is used otherwise).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

mapfile -t wanted < <(grep -vE '^\s*(#|$)' "$here/packages-debian.txt")
# Installed packages and the names they provide count as present (NodeSource's nodejs
# provides npm and conflicts with Debian's npm package).
declare -A present=()
while read -r name; do
    present[$name]=1
done < <(dpkg-query -W -f='${db:Status-Status} ${Package}, ${Provides}\n' 2>/dev/null |
    awk '$1 == "installed" { $1 = ""; print }' | tr ',' '\n' |
    sed -E 's/\(.*\)//; s/^ +//; s/ +$//' | grep -v '^$')
missing=()
for pkg in "${wanted[@]}"; do
    [ -n "${present[$pkg]:-}" ] || missing+=("$pkg")
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

# The OpenID Connect provider of the integration tests (npm oidc-provider, versions pinned by
# tests/integration/oidc/package-lock.json): npm ci again only when the lock file changed.
oidc="$here/../tests/integration/oidc"
if ! cmp -s "$oidc/package-lock.json" "$oidc/node_modules/.fenestra-lock.json"; then
    echo "setup: installing the test OpenID Connect provider (npm ci in tests/integration/oidc)"
    (cd "$oidc" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$oidc/package-lock.json" "$oidc/node_modules/.fenestra-lock.json"
fi
