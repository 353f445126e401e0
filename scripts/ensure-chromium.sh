#!/usr/bin/env bash
# Browser tests drive Debian's Chromium (Playwright's own browser download cannot work on this
# network). Install it when missing and we are allowed to; otherwise say exactly what to do.
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$browser" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Chưa có Chromium: đang cài gói chromium của Debian cho kiểm thử trình duyệt…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "Thiếu Chromium tại $browser. Cài bằng: sudo apt-get install -y chromium (hoặc đặt CHROMIUM_PATH)." >&2
exit 1
