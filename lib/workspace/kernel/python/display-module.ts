// The kernel's Python module _benchtop_display: display(), the _repr_*_ protocol and a stand-in for IPython.display.
// Kept as a string so that it is bundled into the worker; written into Pyodide's file system at start.
export const DISPLAY_MODULE = String.raw`"""Jupyter's rich display in Benchtop's browser kernel: display(), the _repr_*_ protocol and IPython.display."""
import base64
import builtins
import pprint
import sys
import types

_emit = None
_flush = None

# The _repr_*_ methods Jupyter asks an object for, in its order.
_REPR_METHODS = (
    ("_repr_html_", "text/html"),
    ("_repr_markdown_", "text/markdown"),
    ("_repr_svg_", "image/svg+xml"),
    ("_repr_png_", "image/png"),
    ("_repr_jpeg_", "image/jpeg"),
    ("_repr_latex_", "text/latex"),
    ("_repr_json_", "application/json"),
)
_BINARY = ("image/png", "image/jpeg")


def _encode(mime, value):
    if mime in _BINARY and isinstance(value, (bytes, bytearray, memoryview)):
        return base64.b64encode(bytes(value)).decode("ascii")
    return value


def _plain(obj):
    if isinstance(obj, (list, tuple, dict, set, frozenset)):
        return pprint.pformat(obj, sort_dicts=False)
    return repr(obj)


def _figure_png(obj):
    # A figure library's figure (matplotlib) shows as the PNG it saves, as Jupyter's inline backend does.
    savefig = getattr(obj, "savefig", None)
    if not callable(savefig) or not type(obj).__module__.startswith("matplotlib"):
        return None
    import io

    out = io.BytesIO()
    savefig(out, format="png", bbox_inches="tight")
    return out.getvalue()


def format_bundle(obj):
    """The MIME bundle (data, metadata) of an object, as IPython's display formatter makes it."""
    data, metadata = {}, {}
    if not isinstance(obj, type):
        bundle = getattr(obj, "_repr_mimebundle_", None)
        if callable(bundle):
            try:
                result = bundle(include=None, exclude=None)
            except Exception:
                result = None
            if isinstance(result, tuple):
                result, extra = result
                metadata.update(extra or {})
            for mime, value in (result or {}).items():
                data[mime] = _encode(mime, value)
        for method, mime in _REPR_METHODS:
            repr_method = getattr(obj, method, None)
            if mime in data or not callable(repr_method):
                continue
            try:
                value = repr_method()
            except Exception:
                continue
            if isinstance(value, tuple) and len(value) == 2:
                value, extra = value
                if extra:
                    metadata[mime] = extra
            if value is not None:
                data[mime] = _encode(mime, value)
        if "image/png" not in data:
            png = _figure_png(obj)
            if png is not None:
                data["image/png"] = _encode("image/png", png)
    data.setdefault("text/plain", _plain(obj))
    return data, metadata


def display(*objs, raw=False, include=None, exclude=None, metadata=None, **kwargs):
    """Shows each object as a display_data output (Jupyter's display())."""
    if _flush:
        _flush()
    for obj in objs:
        if raw:
            data, extra = dict(obj), {}
        else:
            data, extra = format_bundle(obj)
        if include:
            data = {k: v for k, v in data.items() if k in include}
        if exclude:
            data = {k: v for k, v in data.items() if k not in exclude}
        extra.update(metadata or {})
        _emit({"output_type": "display_data", "data": data, "metadata": extra})


class _Text:
    _mime = None

    def __init__(self, data=None, url=None, filename=None, metadata=None):
        if filename is not None:
            with open(filename, "r", encoding="utf-8") as file:
                data = file.read()
        self.data, self.url, self.metadata = data, url, metadata

    def __repr__(self):
        return "<%s object>" % type(self).__name__

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {self._mime: self.data}, ({self._mime: self.metadata} if self.metadata else {})


class HTML(_Text):
    _mime = "text/html"


class Markdown(_Text):
    _mime = "text/markdown"


class SVG(_Text):
    _mime = "image/svg+xml"


class Latex(_Text):
    _mime = "text/latex"


class JSON(_Text):
    _mime = "application/json"


class Image:
    """An image from bytes or a file: PNG or JPEG (IPython.display.Image)."""

    def __init__(self, data=None, url=None, filename=None, format=None, embed=None, width=None, height=None, **kwargs):
        if filename is not None:
            with open(filename, "rb") as file:
                data = file.read()
        elif isinstance(data, str) and url is None and not data.startswith(("http:", "https:", "data:")):
            with open(data, "rb") as file:
                data = file.read()
        elif isinstance(data, str):
            url, data = data, None
        self.data, self.url, self.width, self.height = data, url, width, height
        if format is None and data is not None:
            format = "jpeg" if bytes(data[:2]) == b"\xff\xd8" else "png"
        self.format = {"jpg": "jpeg"}.get(format, format)

    def __repr__(self):
        return "<IPython.core.display.Image object>"

    def _size(self):
        return {k: v for k, v in (("width", self.width), ("height", self.height)) if v is not None}

    def _repr_png_(self):
        if self.data is not None and self.format == "png":
            return self.data, self._size()

    def _repr_jpeg_(self):
        if self.data is not None and self.format == "jpeg":
            return self.data, self._size()


def _install_ipython_stub():
    # Notebooks often import display helpers from IPython; the browser kernel has no IPython, so
    # these few names stand in for it.
    if "IPython" in sys.modules:
        return
    ipython = types.ModuleType("IPython")
    ipython_display = types.ModuleType("IPython.display")
    for name, value in (("display", display), ("HTML", HTML), ("Markdown", Markdown), ("SVG", SVG), ("Latex", Latex), ("JSON", JSON), ("Image", Image)):
        setattr(ipython_display, name, value)
    ipython.display = ipython_display
    ipython.get_ipython = lambda: None
    sys.modules["IPython"] = ipython
    sys.modules["IPython.display"] = ipython_display


def install(emit, flush):
    global _emit, _flush
    _emit, _flush = emit, flush
    builtins.display = display
    _install_ipython_stub()
`;
