#!/bin/sh
# Browser tests drive Debian's chromium (never a browser downloaded by Playwright).
# Install it when missing and we are allowed to; otherwise say how.
command -v chromium >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null && exit 0
fi
echo "chromium not found: install it (apt-get install chromium) to run the browser tests." >&2
exit 0
