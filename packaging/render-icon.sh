#!/usr/bin/env bash
# Renders assets/icon.svg (the source of the icon) to assets/icon.png, the 256 x 256 icon of the Linux launcher,
# the menu entry and the .deb. Needs rsvg-convert (Debian: apt-get install librsvg2-bin).
set -euo pipefail
cd "$(dirname "$0")/.."
rsvg-convert --width 256 --height 256 assets/icon.svg --output assets/icon.png
