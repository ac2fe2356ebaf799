#!/usr/bin/env python3
"""Write two small, valid PDFs that cost a careless reader far more than their size.

Usage: make_bombs.py OUTDIR

  OUTDIR/bomb-pages.pdf  100,000 pages, every one drawing the same tiny shared
                         content stream; the page objects are packed in
                         compressed object streams with a cross-reference
                         stream (PDF 1.5), so the file stays small.
  OUTDIR/bomb-image.pdf  one page, no text, drawing an image XObject that
                         declares 200,000 x 200,000 8-bit grey pixels (40 GB
                         decoded) whose Flate stream holds a few zero bytes.

Both are written byte for byte the same on every run.
"""
import os
import sys
import zlib

PAGES = 100_000
PER_STREAM = 5_000           # page objects per object stream
SIDE = 200_000               # the image's declared width and height


def stream(dictionary, data):
    return b"<< " + dictionary + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def classic(objects):
    """A PDF with a classic xref table; objects[i] is the body of object i + 1."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def image_bomb():
    pixels = zlib.compress(b"\0" * 64, 9)
    return classic([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /XObject << /Im0 5 0 R >> >> >>",
        stream(b"", b"q 595 0 0 842 0 0 cm /Im0 Do Q"),
        stream(b"/Type /XObject /Subtype /Image /Width %d /Height %d /BitsPerComponent 8"
               b" /ColorSpace /DeviceGray /Filter /FlateDecode" % (SIDE, SIDE), pixels),
    ])


def pages_bomb():
    # Object 1 is the shared content stream, written directly (a stream cannot sit in an
    # object stream). Every other object - the catalog, the page tree's root with its
    # 100,000 kids, the pages - is packed into compressed object streams numbered after
    # them; the cross-reference stream is the last object.
    first_page = 4
    packed = {
        2: b"<< /Type /Catalog /Pages 3 0 R >>",
        3: b"<< /Type /Pages /Count %d /Kids [" % PAGES
           + b" ".join(b"%d 0 R" % (first_page + i) for i in range(PAGES)) + b"] >>",
    }
    page = b"<< /Type /Page /Parent 3 0 R /MediaBox [0 0 595 842] /Contents 1 0 R /Resources << >> >>"
    for i in range(PAGES):
        packed[first_page + i] = page
    numbers = sorted(packed)
    first_stream = numbers[-1] + 1
    streams = []                      # (object number, body)
    where = {}                        # packed object -> (stream object, index in it)
    for s, start in enumerate(range(0, len(numbers), PER_STREAM)):
        chunk = numbers[start:start + PER_STREAM]
        header, bodies = [], bytearray()
        for i, n in enumerate(chunk):
            header.append(b"%d %d" % (n, len(bodies)))
            bodies += packed[n] + b"\n"
            where[n] = (first_stream + s, i)
        head = b" ".join(header) + b"\n"
        data = zlib.compress(head + bytes(bodies), 9)
        streams.append((first_stream + s, stream(b"/Type /ObjStm /N %d /First %d /Filter /FlateDecode"
                                                 % (len(chunk), len(head)), data)))
    xref_number = first_stream + len(streams)
    out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for n, body in [(1, stream(b"", b"q Q"))] + streams:
        offsets[n] = len(out)
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    offsets[xref_number] = len(out)
    rows = bytearray(b"\x00\x00\x00\x00\x00\xff\xff")          # object 0: free
    for n in range(1, xref_number + 1):
        if n in where:
            s, i = where[n]
            rows += b"\x02" + s.to_bytes(4, "big") + i.to_bytes(2, "big")
        else:
            rows += b"\x01" + offsets[n].to_bytes(4, "big") + b"\x00\x00"
    xref = stream(b"/Type /XRef /Size %d /W [1 4 2] /Root 2 0 R /Filter /FlateDecode" % (xref_number + 1),
                  zlib.compress(bytes(rows), 9))
    out += b"%d 0 obj\n" % xref_number + xref + b"\nendobj\n"
    out += b"startxref\n%d\n%%%%EOF\n" % offsets[xref_number]
    return bytes(out)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__.split("\n\n")[1])
    outdir = sys.argv[1]
    os.makedirs(outdir, exist_ok=True)
    for name, data in (("bomb-pages.pdf", pages_bomb()), ("bomb-image.pdf", image_bomb())):
        with open(os.path.join(outdir, name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
