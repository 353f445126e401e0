#!/usr/bin/env bash
# The province's .docx report is checked by converting it with LibreOffice headless (Debian's
# libreoffice-writer-nogui), with Liberation fonts (Times New Roman's metrics, so a table lays out as
# in Word) and poppler's pdftotext (the PDF's text page by page). Install them when missing and we
# are allowed to; otherwise say how.
set -euo pipefail
if command -v soffice >/dev/null && command -v pdftotext >/dev/null && fc-list | grep -q LiberationSerif; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Chưa có LibreOffice: đang cài gói libreoffice-writer-nogui của Debian cho kiểm thử văn bản…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui fonts-liberation poppler-utils >/dev/null
  exit 0
fi
echo "Thiếu LibreOffice (soffice). Cài bằng: sudo apt-get install -y libreoffice-writer-nogui fonts-liberation poppler-utils" >&2
exit 1
