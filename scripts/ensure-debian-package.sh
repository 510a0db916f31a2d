#!/bin/sh
# Usage: ensure-debian-package.sh COMMAND PACKAGE...
# Some targets need a program from Debian rather than from PyPI: chromium for the browser
# tests and Lighthouse (never a browser downloaded by Playwright), node and npm for
# Lighthouse. Install the packages when COMMAND is missing and we are allowed to (root with
# apt-get, as on CI); otherwise say what to install and let the target report what failed.
command=$1
shift
command -v "$command" >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's $* (for $command)..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null && exit 0
fi
echo "$command not found: install it (apt-get install $*) and run the command again." >&2
exit 0
