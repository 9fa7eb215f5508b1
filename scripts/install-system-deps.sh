#!/usr/bin/env bash
# Installs the Debian packages hashwire's browser tests and web benchmark use:
# chromium for Playwright, fonts-dejavu-core for Arabic glyphs, wrk for load tests. Without root or apt it says so and
# the tests that need them skip with a clear reason.
set -u
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
# fonts with Arabic glyphs, so screenshots of the right-to-left pages are legible
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
command -v wrk >/dev/null 2>&1 || need+=(wrk)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-system-deps: cannot install ${need[*]} (needs root and apt-get); dependent tests will skip." >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null 2>&1 || true
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null 2>&1 \
  || echo "install-system-deps: apt-get could not install ${need[*]}; dependent tests will skip." >&2
exit 0
