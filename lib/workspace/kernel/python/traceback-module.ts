// The kernel's Python module _benchtop_traceback: errors as Jupyter's error outputs (IPython's traceback layout, ANSI colours).
// Kept as a string so that it is bundled into the worker; written into Pyodide's file system at start.
export const TRACEBACK_MODULE = String.raw`"""Errors as Jupyter's error outputs: ename, evalue and a traceback in IPython's layout, with ANSI colours."""
import linecache
import traceback

RED, GREEN, CYAN, RESET = "\x1b[0;31m", "\x1b[0;32m", "\x1b[0;36m", "\x1b[0m"
_HEADER = "Traceback (most recent call last)"
_CELL_PREFIX = "<cell-"
# The kernel's modules and the import machinery, which Python's own tracebacks leave out too.
_HIDDEN = ("/lib/benchtop/", "<frozen importlib")


def cell_filename(count):
    return "%s%d>" % (_CELL_PREFIX, count)


def remember_cell(count, source):
    """Keeps a cell's source for tracebacks through functions it defined, even cells later."""
    name = cell_filename(count)
    linecache.cache[name] = (len(source), None, source.splitlines(True), name)
    return name


def _location(filename, lineno, name):
    if filename.startswith(_CELL_PREFIX):
        return "Cell %sIn[%s], line %d%s" % (GREEN, filename[len(_CELL_PREFIX) : -1], lineno, RESET)
    return "File %s%s:%d%s, in %s%s%s" % (GREEN, filename, lineno, RESET, CYAN, name, RESET)


def _context(filename, lineno):
    lines = []
    for number in range(max(1, lineno - 2), lineno + 3):
        text = linecache.getline(filename, number).rstrip("\n")
        if number > lineno and not text:
            break
        if number == lineno:
            lines.append("%s----> %d%s %s" % (GREEN, number, RESET, text))
        else:
            lines.append("      %d %s" % (number, text))
    return lines


def _frames(error):
    frames = traceback.extract_tb(error.__traceback__)
    # The kernel's own frames (running the cell) come first; the user's start at their first cell.
    first = next((index for index, frame in enumerate(frames) if frame.filename.startswith(_CELL_PREFIX)), 0)
    return [frame for frame in frames[first:] if not frame.filename.startswith(_HIDDEN)]


def _syntax_error(error):
    entry = "  %s%s" % (CYAN, _location(error.filename or "", error.lineno or 1, "<module>"))
    if error.text:
        text = error.text.rstrip("\n")
        stripped = text.lstrip()
        caret = max(0, (error.offset or 1) - 1 - (len(text) - len(stripped)))
        entry += "\n    %s\n    %s^" % (stripped, " " * caret)
    return [entry + "\n", "%s%s%s: %s" % (RED, type(error).__name__, RESET, error.msg)]


def _traceback(error):
    ename = type(error).__name__
    if isinstance(error, SyntaxError) and str(error.filename or "").startswith(_CELL_PREFIX):
        return _syntax_error(error)
    lines = [RED + "-" * 75 + RESET, "%s%s%s%s%s" % (RED, ename, RESET, " " * max(1, 75 - len(ename) - len(_HEADER)), _HEADER)]
    for frame in _frames(error):
        entry = [_location(frame.filename, frame.lineno, frame.name)] + _context(frame.filename, frame.lineno)
        lines.append("\n".join(entry) + "\n")
    message = str(error)
    lines.append("%s%s%s: %s" % (RED, ename, RESET, message) if message else "%s%s%s" % (RED, ename, RESET))
    return lines


def error_output(error):
    """The nbformat error output of an exception, with its causes as IPython shows them."""
    chain, seen, current = [], set(), error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append(current)
        cause = current.__cause__
        current = cause if cause is not None else (None if current.__suppress_context__ else current.__context__)
    lines = []
    for index, item in enumerate(reversed(chain)):
        if index:
            older = list(reversed(chain))[index - 1]
            direct = item.__cause__ is older
            lines.append(
                "\n"
                + ("The above exception was the direct cause of the following exception:" if direct else "During handling of the above exception, another exception occurred:")
                + "\n"
            )
        lines.extend(_traceback(item))
    return {"output_type": "error", "ename": type(error).__name__, "evalue": str(error), "traceback": lines}
`;
