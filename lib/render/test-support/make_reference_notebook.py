"""Writes the reference notebook that lib/render's tests execute with jupyter-nbconvert.

Usage: python3 make_reference_notebook.py OUT.ipynb
Each code cell makes one kind of output, with the real IPython display classes.
"""
import base64
import struct
import sys
import zlib

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook


def tiny_png(width=4, height=3, rgb=(220, 40, 40)):
    """A solid-colour PNG made with the standard library only."""
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)
    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


PNG_B64 = base64.b64encode(tiny_png(2, 2, (10, 120, 200))).decode()

cells = [
    new_markdown_cell(
        "# Reference notebook\n\nInline $e^{i\\pi} + 1 = 0$ and display:\n\n$$\\sum_{k=1}^{n} k = \\frac{n(n+1)}{2}$$\n\n"
        "Code stays code: `$not math$`.\n\n![dot](attachment:dot.png)",
        attachments={"dot.png": {"image/png": PNG_B64}},
    ),
    new_code_cell("print('hello from stdout')\nimport sys\nprint('careful: stderr', file=sys.stderr)"),
    new_code_cell("print('\\x1b[31mred\\x1b[0m and \\x1b[1;32mbold green\\x1b[0m')\n6 * 7"),
    new_code_cell(
        "from IPython.display import HTML, display\n"
        "rows = ''.join(f'<tr><td>{n}</td><td>{n * n}</td></tr>' for n in range(1, 4))\n"
        "display(HTML(f'<table class=\"dataframe\"><thead><tr><th>n</th><th>square</th></tr></thead><tbody>{rows}</tbody></table>'))"
    ),
    new_code_cell(
        "import base64, struct, zlib\nfrom IPython.display import Image, display\n"
        f"png = base64.b64decode({PNG_B64!r})\n"
        "display(Image(data=png, format='png'))\n"
        "Image(data=png, format='png', width=40)"
    ),
    new_code_cell("from IPython.display import Latex, Math, display\ndisplay(Latex(r'$\\alpha^2 + \\beta^2$'))\nMath(r'\\int_0^1 x\\,dx = \\frac{1}{2}')"),
    new_code_cell(
        "from IPython.display import SVG, JSON, Markdown, display\n"
        "display(SVG('<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><circle cx=\"5\" cy=\"5\" r=\"4\" fill=\"green\"/></svg>'))\n"
        "display(JSON({'answer': 42, 'items': [1, 2]}))\n"
        "display(Markdown('**bold** from a display'))"
    ),
    new_code_cell("def fail():\n    return 1 / 0\n\nfail()"),
]

notebook = new_notebook(cells=cells)
notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
nbformat.write(notebook, sys.argv[1])
