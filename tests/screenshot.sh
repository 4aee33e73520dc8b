#!/usr/bin/env bash
# Renders the report of the bundled seeds and takes a PNG screenshot of it
# in headless Chromium, so anyone can look at what a reader sees.
#
#   tests/screenshot.sh [OUT.png] [WIDTH,HEIGHT]   (default: target/report.png, 1280,3000)
#
# Needs chromium (Debian: apt-get install chromium); CHROMIUM=path overrides.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=${1:-target/report.png}
size=${2:-1280,3000}
browser=${CHROMIUM:-chromium}
command -v "$browser" >/dev/null || { echo "screenshot.sh: $browser not found" >&2; exit 1; }
case $out in /*) ;; *) out=$root/$out ;; esac
mkdir -p "$root/target" "$(dirname "$out")"
html=$root/target/report.html
cargo run -q --example compare -- --html "$html" >/dev/null
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
"$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
  --disable-component-update --disable-sync --no-first-run --user-data-dir="$profile" \
  --hide-scrollbars --window-size="$size" --screenshot="$out" "file://$html" 2>/dev/null
echo "report: $html"
echo "screenshot: $out"
