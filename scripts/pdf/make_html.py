#!/usr/bin/env python3
"""Turn a plain-text document into a simple HTML page for printing to PDF.

Usage: make_html.py TEXT.txt OUT.html

One <p> per line of the text, UTF-8, in a CJK font, so that headless
Chromium prints it over several A4 pages. The page title is the text's
first line (Chromium writes it as the PDF's /Title).
"""
import html
import sys


def main():
    src, out = sys.argv[1], sys.argv[2]
    lines = open(src, encoding="utf-8").read().splitlines()
    title = html.escape(lines[0] if lines else "")
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in lines if line.strip())
    page = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{title}</title>
<style>
@page {{ size: A4; margin: 20mm; }}
body {{ font-family: "Noto Sans CJK SC", sans-serif; font-size: 12pt; line-height: 1.6; }}
p {{ margin: 0 0 0.6em 0; }}
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
