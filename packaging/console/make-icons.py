#!/usr/bin/env python3
"""Draws the console's icon (a chart line with an anomaly spike on a rounded tile) as icon.png (256 px),
icon.ico (Windows, PNG inside) and icon.icns (macOS, PNG inside). Standard library only; rerun after
changing the drawing: python3 packaging/console/make-icons.py"""
import math
import os
import struct
import zlib

SIZE = 256
HERE = os.path.dirname(os.path.abspath(__file__))


def draw():
    px = [[(0, 0, 0, 0)] * SIZE for _ in range(SIZE)]
    radius = 48

    def inside_rounded(x, y):
        cx = min(max(x, radius), SIZE - 1 - radius)
        cy = min(max(y, radius), SIZE - 1 - radius)
        return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2

    for y in range(SIZE):
        for x in range(SIZE):
            if inside_rounded(x, y):
                t = y / SIZE
                px[y][x] = (int(26 + 10 * t), int(36 + 14 * t), int(64 + 30 * t), 255)

    def blend(x, y, colour, alpha):
        if 0 <= x < SIZE and 0 <= y < SIZE and px[y][x][3]:
            r, g, b, a = px[y][x]
            px[y][x] = (int(r + (colour[0] - r) * alpha), int(g + (colour[1] - g) * alpha),
                        int(b + (colour[2] - b) * alpha), a)

    def disc(cx, cy, rad, colour):
        for y in range(int(cy - rad - 1), int(cy + rad + 2)):
            for x in range(int(cx - rad - 1), int(cx + rad + 2)):
                d = math.hypot(x - cx, y - cy)
                if d <= rad + 0.5:
                    blend(x, y, colour, min(1.0, rad + 0.5 - d))

    for gy in (80, 128, 176):
        for x in range(36, 220):
            blend(x, gy, (120, 140, 180), 0.25)
    points = [(36, 170), (64, 160), (88, 166), (112, 150), (136, 156), (152, 70), (168, 150), (192, 140), (220, 146)]
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        steps = int(math.hypot(x1 - x0, y1 - y0))
        for i in range(steps + 1):
            disc(x0 + (x1 - x0) * i / steps, y0 + (y1 - y0) * i / steps, 5, (79, 195, 247))
    disc(152, 70, 14, (239, 83, 80))
    disc(152, 70, 6, (255, 235, 235))
    return px


def png(px):
    raw = b"".join(b"\x00" + bytes(c for p in row for c in p) for row in px)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def main():
    data = png(draw())
    with open(os.path.join(HERE, "icon.png"), "wb") as f:
        f.write(data)
    # ICO with one 256x256 PNG image (width/height 0 mean 256).
    ico = struct.pack("<HHH", 0, 1, 1) + struct.pack("<BBBBHHII", 0, 0, 0, 0, 1, 32, len(data), 6 + 16) + data
    with open(os.path.join(HERE, "icon.ico"), "wb") as f:
        f.write(ico)
    # ICNS with one 256x256 PNG ('ic08').
    entry = b"ic08" + struct.pack(">I", len(data) + 8) + data
    with open(os.path.join(HERE, "icon.icns"), "wb") as f:
        f.write(b"icns" + struct.pack(">I", len(entry) + 8) + entry)


if __name__ == "__main__":
    main()
