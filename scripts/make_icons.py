"""Draw the app icons in docs/assets/icons/ (run once after changing the design; the PNGs are committed).

The icon is a white ball above a white line, on the guide's teal: something that lands
and comes back up. The whole square is filled, so one image serves as a normal icon and
as a maskable one (what matters sits inside the central circle a mask may cut to).
Only the standard library: a PNG is a zlib stream of rows, and each pixel is the share of
its 4x4 sub-samples that fall inside the white shapes, so the edges are smooth.
"""
from __future__ import annotations

import struct
import sys
import zlib
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "docs" / "assets" / "icons"
SIZES = {"icon-192.png": 192, "icon-512.png": 512, "apple-touch-icon.png": 180, "favicon-48.png": 48}
TEAL = (0x00, 0x7A, 0x6C)  # Material's dark teal: white on it is 5.3:1
WHITE = (0xFF, 0xFF, 0xFF)
SUB = 4


def inside(x: float, y: float) -> bool:
    """Whether the point (in units of the icon's side) is on the ball or on the line."""
    ball = (x - 0.5) ** 2 + (y - 0.40) ** 2 <= 0.17 ** 2
    # The line: a bar with round ends from (0.27, 0.72) to (0.73, 0.72), 0.06 thick.
    px = min(max(x, 0.27), 0.73)
    line = (x - px) ** 2 + (y - 0.72) ** 2 <= 0.03 ** 2
    return ball or line


def pixels(size: int) -> bytes:
    rows = bytearray()
    step = 1 / (size * SUB)
    for row in range(size):
        rows.append(0)  # filter type: none
        for col in range(size):
            hits = sum(inside((col * SUB + i + 0.5) * step, (row * SUB + j + 0.5) * step)
                       for i in range(SUB) for j in range(SUB))
            share = hits / (SUB * SUB)
            rows.extend(round(t + (w - t) * share) for t, w in zip(TEAL, WHITE))
    return bytes(rows)


def png(size: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)  # 8-bit RGB
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(pixels(size), 9)) + chunk(b"IEND", b"")


def main() -> int:
    ICONS.mkdir(parents=True, exist_ok=True)
    for name, size in SIZES.items():
        (ICONS / name).write_bytes(png(size))
        print(f"{name}: {size}x{size}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
