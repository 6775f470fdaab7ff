#!/usr/bin/env bash
# Debian packages the tests need:
# - Chromium for the end-to-end tests (Agents Playground driven by
#   playwright-core) and the card screenshots. Playwright's own browser
#   download is not used: it fetches a binary outside the package registries.
# - poppler-utils (pdftotext, pdfinfo) to read back the invitation letters
#   the tests make (workflow/invitations/letters).
set -euo pipefail
NEEDED=()
if [ ! -x /usr/bin/chromium ]; then NEEDED+=(chromium fonts-dejavu-core); fi
if ! command -v pdftotext >/dev/null 2>&1; then NEEDED+=(poppler-utils); fi
if [ "${#NEEDED[@]}" -eq 0 ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${NEEDED[@]}" >/dev/null
if [ -x /usr/bin/chromium ]; then /usr/bin/chromium --version; fi
pdftotext -v 2>&1 | head -1
