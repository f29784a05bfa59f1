#!/bin/sh
# Install what the browser and HTML-validity tests need outside Python, on Debian:
#   - chromium             the browser Playwright drives (/usr/bin/chromium)
#   - default-jre-headless Java for the W3C Nu validator; installed before vnu-jar, whose npm
#                          installer otherwise tries to download a JRE of its own
#   - npm                  only when missing, to install the following
#   - vnu-jar (npm)        the Nu validator, pinned in package.json/package-lock.json, into node_modules/
#                          (with iframe-worker, whose shim the offline bundle carries a copy of)
# Idempotent: does nothing, and prints nothing, when everything is already there.
# apt-get needs root (or password-less sudo); without it, missing packages are named and the script fails.
set -eu

cd "$(dirname "$0")/.."

PACKAGES="chromium default-jre-headless"
# Node.js and npm install the validator; a fresh Debian machine has neither.
command -v npm >/dev/null 2>&1 || PACKAGES="$PACKAGES npm"

missing=""
for pkg in $PACKAGES; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    [ "$status" = "install ok installed" ] || missing="$missing $pkg"
done

if [ -n "$missing" ]; then
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "install-system-deps: no apt-get; install these by hand:$missing" >&2
        exit 1
    fi
    as_root=""
    if [ "$(id -u)" -ne 0 ]; then
        # A CI runner is often a user with password-less sudo; anyone else is asked to do it.
        if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
            as_root="sudo -n"
        else
            echo "install-system-deps: run as root to install:$missing" >&2
            exit 1
        fi
    fi
    echo "install-system-deps: installing$missing"
    # Wait for another apt/dpkg run to finish instead of failing at once on its lock.
    lock="-o DPkg::Lock::Timeout=600"
    # shellcheck disable=SC2086  # the lists are meant to split into words
    $as_root env DEBIAN_FRONTEND=noninteractive apt-get $lock update -qq
    # shellcheck disable=SC2086
    $as_root env DEBIAN_FRONTEND=noninteractive apt-get $lock install -y -qq --no-install-recommends \
        $missing >/dev/null
fi

# npm ci installs exactly what package-lock.json pins; `npm ls` fails when anything is missing or
# differs, so that is when it runs.
if ! command -v npm >/dev/null 2>&1; then
    echo "install-system-deps: npm is missing (apt-get install npm, or Node.js 18 or newer)" >&2
    exit 1
fi
if ! npm ls --depth=0 >/dev/null 2>&1; then
    echo "install-system-deps: installing the npm packages of package-lock.json into node_modules/"
    npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi
