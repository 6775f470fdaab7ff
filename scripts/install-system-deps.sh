#!/usr/bin/env bash
# Debian's Chromium for the end-to-end tests (Agents Playground driven by
# playwright-core) and the card screenshots. Playwright's own browser download
# is not used: it fetches a binary outside the package registries.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
/usr/bin/chromium --version
