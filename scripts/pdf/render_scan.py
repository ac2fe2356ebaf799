#!/usr/bin/env python3
"""Render plain text as scanned A4 pages: 300-dpi black-and-white images and
a PDF of them with no text layer, as a scanner without OCR would make.

Usage: render_scan.py TEXT.txt OUTDIR [--family "Noto Sans CJK SC"] [--pdf NAME.pdf] [--png] [--truth]
                      [--size PX] [--ragged]

Black text on white, 12 pt (50 px at 300 dpi; --size sets it, the leading
1.6 times it), 20 mm margins, lines wrapped by width (with --ragged, each line
holds as many characters as the width holds full-width ones, as a typewriter
or a fixed-width layout sets them, so a line holding half-width digits and
commas ends short of the margin), a blank line between paragraphs; each page thresholded to one bit
per pixel, which the PDF stores as CCITT G4, as office scanners do (JPEG's
ringing around 50-px strokes costs OCR a few characters a page). Writes OUTDIR/page-001.png … with
--png, OUTDIR/NAME.pdf with --pdf, and with --truth each page's text as
OUTDIR/page-NNN.txt (what a perfect OCR would read there). The font is the .ttc face whose name
is --family, found with `fc-list :lang=zh file`. Nothing depends on the
clock: the PDF's dates are fixed and it has no title.
"""
import argparse
import os
import subprocess
import sys
import time

from PIL import Image, ImageDraw, ImageFont, features

DPI = 300
PAGE = (2480, 3508)          # A4 at 300 dpi
MARGIN = 236                 # 20 mm
SIZE = 50                    # 12 pt at 300 dpi (--size)
LEADING = 80                 # 1.6 times the size
# A line may not start with closing punctuation: it stays on the line before, in the margin.
NO_START = set("，。、；：！？）》」』”’,.;:!?)]")


def find_face(family):
    """The (file, index) of the CJK face named `family` among the fonts fontconfig lists."""
    out = subprocess.run(["fc-list", ":lang=zh", "file"], capture_output=True, text=True, check=True).stdout
    files = sorted({line.split(":")[0].strip() for line in out.splitlines() if line.strip()})
    # Regular weight first, sans before serif.
    files.sort(key=lambda f: ("Regular" not in f, "Serif" in f, f))
    for path in files:
        for index in range(16):
            try:
                font = ImageFont.truetype(path, SIZE, index=index)
            except OSError:
                break
            if font.getname()[0] == family:
                return font
    sys.exit(f"render_scan: no font named {family!r} in `fc-list :lang=zh file`; install fonts-noto-cjk")


def wrap(paragraph, font, width, ragged=False):
    if ragged:
        n = int(width // SIZE)
        return [paragraph[i:i + n] for i in range(0, len(paragraph), n)]
    lines, line, used = [], "", 0.0
    for ch in paragraph:
        w = font.getlength(ch)
        if line and used + w > width and ch not in NO_START:
            lines.append(line)
            line, used = "", 0.0
        line += ch
        used += w
    lines.append(line)
    return lines


def layout(text, font, ragged=False):
    width = PAGE[0] - 2 * MARGIN
    rows = []
    for paragraph in text.splitlines():
        if not paragraph.strip():
            continue
        if rows:
            rows.append("")
        rows.extend(wrap(paragraph.strip(), font, width, ragged))
    per_page = (PAGE[1] - 2 * MARGIN) // LEADING
    pages = [rows[i:i + per_page] for i in range(0, len(rows), per_page)]
    # No page starts with the blank line between two paragraphs.
    return [p[1:] if p and p[0] == "" else p for p in pages]


def render(rows, font):
    img = Image.new("L", PAGE, 255)
    draw = ImageDraw.Draw(img)
    for i, row in enumerate(rows):
        draw.text((MARGIN, MARGIN + i * LEADING), row, font=font, fill=0)
    return img.point(lambda v: 255 if v >= 128 else 0).convert("1", dither=Image.Dither.NONE)


def main():
    global SIZE, LEADING
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("text")
    ap.add_argument("outdir")
    ap.add_argument("--family", default="Noto Sans CJK SC")
    ap.add_argument("--pdf", help="file name of the PDF to write in OUTDIR")
    ap.add_argument("--png", action="store_true", help="write each page as OUTDIR/page-NNN.png")
    ap.add_argument("--truth", action="store_true", help="write each page's text as OUTDIR/page-NNN.txt")
    ap.add_argument("--size", type=int, default=SIZE, help="the font size in pixels at 300 dpi")
    ap.add_argument("--ragged", action="store_true", help="as many characters a line as the width holds full-width ones")
    a = ap.parse_args()
    SIZE, LEADING = a.size, round(a.size * 1.6)
    font = find_face(a.family)
    text = open(a.text, encoding="utf-8").read()
    os.makedirs(a.outdir, exist_ok=True)
    pages = layout(text, font, a.ragged)
    images = [render(rows, font) for rows in pages]
    if a.truth:
        for n, rows in enumerate(pages, 1):
            with open(os.path.join(a.outdir, f"page-{n:03}.txt"), "w", encoding="utf-8") as f:
                f.write("\n".join(rows) + "\n")
    if a.png:
        for n, img in enumerate(images, 1):
            img.save(os.path.join(a.outdir, f"page-{n:03}.png"), dpi=(DPI, DPI))
    if a.pdf:
        if not features.check("libtiff"):
            print("render_scan: Pillow has no libtiff; the PDF's pages are JPEG, not CCITT G4", file=sys.stderr)
        fixed = time.strptime("2025-01-11", "%Y-%m-%d")
        images[0].save(os.path.join(a.outdir, a.pdf), save_all=True, append_images=images[1:],
                       resolution=DPI, title="", creationDate=fixed, modDate=fixed)
    print(f"{len(images)} page(s)")


if __name__ == "__main__":
    main()
