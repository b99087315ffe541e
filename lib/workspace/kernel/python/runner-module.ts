// The kernel's Python module _benchtop_runner: runs cells: streams, the last expression, magics, the package-repository message.
// Kept as a string so that it is bundled into the worker; written into Pyodide's file system at start.
export const RUNNER_MODULE = String.raw`"""Runs notebook cells in Benchtop's browser kernel: outputs in nbformat's shapes, sent as they come."""
import ast
import asyncio
import importlib.abc
import inspect
import io
import json
import os
import re
import sys
import time

import _benchtop_display as rich
import _benchtop_traceback as tb

NO_REPOSITORY = (
    "The package {name} is not available because no Pyodide package repository is configured. "
    "An administrator can set a Pyodide package repository (the packages of Pyodide {version}) "
    "in Admin → Notebooks, or with BENCHTOP_PYODIDE_PACKAGES_URL, to make it importable."
)
PIP_NO_REPOSITORY = (
    "%pip install is not available because no Pyodide package repository is configured. "
    "An administrator can set a Pyodide package repository (the packages of Pyodide {version}) "
    "in Admin → Notebooks, or with BENCHTOP_PYODIDE_PACKAGES_URL."
)


class UsageError(Exception):
    """A magic the browser kernel does not have (IPython's name for the error)."""


class _Stream(io.TextIOBase):
    """sys.stdout or sys.stderr: text goes out as stream outputs, at most every 50 ms while a line streams."""

    def __init__(self, name, kernel):
        self.name, self._kernel, self._parts, self._size, self._sent, self._timer = name, kernel, [], 0, 0.0, None

    encoding = "utf-8"
    errors = "strict"

    def writable(self):
        return True

    def isatty(self):
        return False

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError("write() argument must be str, not %s" % type(text).__name__)
        if text:
            self._kernel.flush_other(self)
            self._parts.append(text)
            self._size += len(text)
            if self._size > 65536 or ("\n" in text and time.monotonic() - self._sent >= 0.05):
                self.flush()
            elif self._timer is None:
                # Sent when the cell next gives the event loop a turn (an await), or at its end.
                self._timer = asyncio.get_event_loop().call_later(0.05, self.flush)
        return len(text)

    def flush(self):
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if self._parts:
            text, self._parts, self._size = "".join(self._parts), [], 0
            self._sent = time.monotonic()
            self._kernel.emit({"output_type": "stream", "name": self.name, "text": text})


class _UnavailablePackages(importlib.abc.MetaPathFinder):
    """Last on sys.meta_path: an import of one of Pyodide's packages says why it cannot be had."""

    def __init__(self, names, version):
        self._names, self._version = names, version

    def find_spec(self, fullname, path=None, target=None):
        if path is None and fullname in self._names:
            raise ModuleNotFoundError(NO_REPOSITORY.format(name=fullname, version=self._version), name=fullname)
        return None


_MAGIC = re.compile(r"^(\s*)(%%?|!)(?!=)([A-Za-z_][\w.-]*)?(.*)$")


class Kernel:
    def __init__(self, emit, packages, version, cwd):
        self._emit_json, self.has_repository, self.version = emit, bool(packages["repository"]), version
        self.stdout, self.stderr = _Stream("stdout", self), _Stream("stderr", self)
        self.namespace = {"__name__": "__main__", "__builtins__": __builtins__, "__pip__": self.pip}
        sys.stdout, sys.stderr = self.stdout, self.stderr
        sys.dont_write_bytecode = True
        os.environ.setdefault("MPLBACKEND", "Agg")
        os.chdir(cwd)
        sys.path.insert(0, cwd)
        if not self.has_repository:
            sys.meta_path.append(_UnavailablePackages(frozenset(packages["imports"]), version))
        rich.install(self.emit, self.flush)

    def emit(self, output):
        self._emit_json(json.dumps(output, default=str))

    def flush(self):
        self.stdout.flush()
        self.stderr.flush()

    def flush_other(self, stream):
        (self.stderr if stream is self.stdout else self.stdout).flush()

    def prepare(self, source):
        """The cell as Python: IPython's line magics this kernel knows (%pip, !pip, %matplotlib) rewritten, one line for one."""
        try:
            ast.parse(source)
            return source
        except SyntaxError:
            pass
        lines = []
        for line in source.split("\n"):
            match = _MAGIC.match(line)
            lines.append(self._rewrite(*match.groups()) if match else line)
        return "\n".join(lines)

    def _rewrite(self, indent, kind, name, rest):
        words = rest.split()
        if name in ("pip", "pip3") and kind in ("%", "!") and words[:1] == ["install"]:
            return "%sawait __pip__(%r)" % (indent, [w for w in words[1:] if not w.startswith("-")])
        if name == "matplotlib" and kind == "%":
            return indent + "pass"
        if kind == "!":
            message = "Shell commands (!%s) are not available: this Python runs in your browser, with no shell." % (name or "")
        elif kind == "%%":
            message = "Cell magic \x60%%%%%s\x60 is not available in the browser's Python." % (name or "")
        else:
            message = "Line magic function \x60%%%s\x60 not found." % (name or "")
        return "%sraise __import__('_benchtop_runner').UsageError(%r)" % (indent, message)

    async def pip(self, packages):
        if not self.has_repository:
            raise RuntimeError(PIP_NO_REPOSITORY.format(version=self.version))
        import pyodide_js

        await pyodide_js.loadPackage("micropip")
        import micropip

        await micropip.install(packages)
        print("Installed " + ", ".join(packages))

    async def run_cell(self, source, prepared, count):
        """Runs one cell; returns "ok" or "error". Every failure, an interrupt included, is an error output."""
        try:
            filename = tb.remember_cell(count, source)
            value = await self._execute(prepared, filename)
            self._show_figures()
            if value is not None:
                self.namespace["_"] = value
                data, metadata = rich.format_bundle(value)
                self.flush()
                self.emit({"output_type": "execute_result", "execution_count": count, "data": data, "metadata": metadata})
            return "ok"
        except BaseException as error:  # KeyboardInterrupt and SystemExit are the cell's errors too
            self.flush()
            self.emit(tb.error_output(error))
            return "error"
        finally:
            self.flush()

    async def _execute(self, source, filename):
        tree = ast.parse(source, filename, "exec")
        flags = ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
        last = None
        if tree.body and isinstance(tree.body[-1], ast.Expr) and not _ends_with_semicolon(source, tree.body[-1]):
            last = ast.Expression(tree.body.pop().value)
        await _evaluate(compile(tree, filename, "exec", flags=flags, dont_inherit=True), self.namespace)
        if last is None:
            return None
        return await _evaluate(compile(last, filename, "eval", flags=flags, dont_inherit=True), self.namespace)

    def _show_figures(self):
        # A figure library's open figures show as images at the end of the cell, as with Jupyter's inline backend.
        pyplot = sys.modules.get("matplotlib.pyplot")
        if pyplot is None:
            return
        for number in pyplot.get_fignums():
            rich.display(pyplot.figure(number))
        pyplot.close("all")


async def _evaluate(code, namespace):
    # Top-level await (Jupyter's autoawait) makes the cell's code a coroutine to await.
    result = eval(code, namespace)
    return await result if code.co_flags & inspect.CO_COROUTINE else result


def _ends_with_semicolon(source, node):
    line = source.split("\n")[node.end_lineno - 1]
    return line[node.end_col_offset :].lstrip().startswith(";")


def start(emit, packages, version, cwd):
    return Kernel(emit, packages.to_py(), version, cwd)
`;
