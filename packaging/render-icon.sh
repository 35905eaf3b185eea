#!/usr/bin/env bash
# Renders assets/icon.svg, the source of the icon, into what jpackage takes on each system:
#   assets/icon.png   256 x 256, Linux (launcher, menu entry, .deb)
#   assets/icon.ico   16, 32, 48 and 256 px, Windows (PNG-compressed entries, read by Windows Vista and later)
#   assets/icon.icns  128, 256 and 512 px, macOS (PNG entries ic07, ic08, ic09)
# Needs rsvg-convert (Debian: apt-get install librsvg2-bin) and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=(16 32 48 128 256 512)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for size in "${sizes[@]}"; do
  rsvg-convert --width "$size" --height "$size" assets/icon.svg --output "$tmp/$size.png"
done
cp "$tmp/256.png" assets/icon.png
python3 - "$tmp" <<'PY'
import struct, sys
folder = sys.argv[1]
png = {size: open(f"{folder}/{size}.png", "rb").read() for size in (16, 32, 48, 128, 256, 512)}

# ICO: header (reserved 0, type 1, count), one 16-byte entry per image, then the images. Width and height 256
# are written as 0, as the format requires.
ico_sizes = (16, 32, 48, 256)
offset = 6 + 16 * len(ico_sizes)
entries, images = b"", b""
for size in ico_sizes:
    data = png[size]
    entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(data), offset + len(images))
    images += data
open("assets/icon.ico", "wb").write(struct.pack("<HHH", 0, 1, len(ico_sizes)) + entries + images)

# ICNS: 'icns' and the total length, then (type, length including its 8-byte header, PNG data) per image.
icns_types = {128: b"ic07", 256: b"ic08", 512: b"ic09"}
body = b"".join(kind + struct.pack(">I", 8 + len(png[size])) + png[size] for size, kind in icns_types.items())
open("assets/icon.icns", "wb").write(b"icns" + struct.pack(">I", 8 + len(body)) + body)
PY
