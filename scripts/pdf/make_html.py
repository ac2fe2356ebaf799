#!/usr/bin/env python3
"""Turn a plain-text document into a simple HTML page for printing to PDF.

Usage: make_html.py TEXT.txt OUT.html [--break N]

One <p> per line of the text, UTF-8, in a CJK font, so that headless
Chromium prints it over several A4 pages. The page title is the text's
first line (Chromium writes it as the PDF's /Title). With --break N each
paragraph is broken after every N characters (<br>) in a column N
full-width characters wide, 10 pt: a ragged right edge, since a line
holding half-width digits and commas ends short of the margin.
"""
import argparse
import html


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("src")
    ap.add_argument("out")
    ap.add_argument("--break", dest="every", type=int, help="break each paragraph after every N characters")
    a = ap.parse_args()
    src, out = a.src, a.out
    lines = open(src, encoding="utf-8").read().splitlines()
    title = html.escape(lines[0] if lines else "")

    def paragraph(line):
        line = line.strip()
        if not a.every:
            return html.escape(line)
        return "<br>".join(html.escape(line[i:i + a.every]) for i in range(0, len(line), a.every))

    body = "\n".join(f"<p>{paragraph(line)}</p>" for line in lines if line.strip())
    column = f"p {{ width: {a.every}em; }}\nbody {{ font-size: 10pt; }}" if a.every else ""
    page = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{title}</title>
<style>
@page {{ size: A4; margin: 20mm; }}
body {{ font-family: "Noto Sans CJK SC", sans-serif; font-size: 12pt; line-height: 1.6; }}
p {{ margin: 0 0 0.6em 0; }}
{column}
</style>
</head>
<body>
{body}
</body>
</html>
"""
    with open(out, "w", encoding="utf-8") as f:
        f.write(page)


if __name__ == "__main__":
    main()
