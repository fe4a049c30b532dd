# The playground's `markupsafe`: MarkupSafe 3.0's `escape` and `Markup` (a `str` subclass),
# following its source (src/markupsafe/__init__.py) method for method. Differences, all
# deliberate: type annotations and positional-only markers are left out; `escape` uses the
# playground's native escaper (the same five replacements as `_speedups`); `Markup.format`
# wraps each argument in a helper whose `__format__` does what MarkupSafe's EscapeFormatter
# does in `format_field` (the playground has no `string.Formatter`); and `unescape` knows the
# numeric character references and the common named entities, not all of `html.entities`.
from _flask_native import _escape as _escape_inner


def escape(s):
    """Replace the characters ``&``, ``<``, ``>``, ``'``, and ``"`` in the string with HTML-safe
    sequences. If the object has an ``__html__`` method, it is called and the return value is
    assumed to already be safe for HTML."""
    if type(s) is str:
        return Markup(_escape_inner(s))
    if hasattr(s, "__html__"):
        return Markup(s.__html__())
    return Markup(_escape_inner(str(s)))


def escape_silent(s):
    """Like :func:`escape` but treats ``None`` as the empty string."""
    if s is None:
        return Markup()
    return escape(s)


def soft_str(s):
    """Convert an object to a string if it isn't already, preserving a :class:`Markup`."""
    if not isinstance(s, str):
        return str(s)
    return s


class Markup(str):
    """A string that is ready to be safely inserted into an HTML or XML document, either
    because it was escaped or because it was marked safe."""

    __slots__ = ()

    def __new__(cls, object="", encoding=None, errors="strict"):
        if hasattr(object, "__html__"):
            object = object.__html__()
        if encoding is None:
            return super().__new__(cls, object)
        return super().__new__(cls, object, encoding, errors)

    def __html__(self):
        return self

    def __add__(self, value):
        if isinstance(value, str) or hasattr(value, "__html__"):
            return self.__class__(super().__add__(self.escape(value)))
        return NotImplemented

    def __radd__(self, value):
        if isinstance(value, str) or hasattr(value, "__html__"):
            return self.escape(value).__add__(self)
        return NotImplemented

    def __mul__(self, value):
        return self.__class__(super().__mul__(value))

    def __rmul__(self, value):
        return self.__class__(super().__mul__(value))

    def __mod__(self, value):
        if isinstance(value, tuple):
            # a tuple of arguments, each wrapped
            value = tuple(_MarkupEscapeHelper(x, self.escape) for x in value)
        elif hasattr(type(value), "__getitem__") and not isinstance(value, str):
            # a mapping of arguments, wrapped
            value = _MarkupEscapeHelper(value, self.escape)
        else:
            # a single argument, wrapped with the helper and a tuple
            value = (_MarkupEscapeHelper(value, self.escape),)
        return self.__class__(super().__mod__(value))

    def __repr__(self):
        return f"{self.__class__.__name__}({super().__repr__()})"

    def join(self, iterable):
        return self.__class__(super().join(map(self.escape, iterable)))

    def split(self, sep=None, maxsplit=-1):
        return [self.__class__(v) for v in super().split(sep, maxsplit)]

    def rsplit(self, sep=None, maxsplit=-1):
        return [self.__class__(v) for v in super().rsplit(sep, maxsplit)]

    def splitlines(self, keepends=False):
        return [self.__class__(v) for v in super().splitlines(keepends)]

    def unescape(self):
        """Convert escaped markup back into a text string. This replaces HTML entities with the
        characters they represent."""
        return _html_unescape(str(self))

    def striptags(self):
        """:meth:`unescape` the markup, remove tags, and normalize whitespace to single
        spaces."""
        value = str(self)
        parts = []
        pos = 0
        while (start := value.find("<", pos)) != -1:
            if value.startswith("<!--", start):
                # comment
                if (end := value.find("-->", start + 4)) == -1:
                    # unclosed
                    break
                end += 3
            else:
                # tag
                if (end := value.find(">", start)) == -1:
                    # unclosed
                    break
                end += 1
            parts.append(value[pos:start])
            pos = end
        # found at least one tag, combine parts
        if pos > 0:
            # any trailing data after the last closed tag
            parts.append(value[pos:])
            value = "".join(parts)
        # collapse spaces
        value = " ".join(value.split())
        # unescape the processed value using the current class
        return self.__class__(value).unescape()

    @classmethod
    def escape(cls, s):
        """Escape a string. Calls :func:`escape` and ensures that for subclasses the correct
        type is returned."""
        rv = escape(s)
        if rv.__class__ is not cls:
            return cls(rv)
        return rv

    def __getitem__(self, key):
        return self.__class__(super().__getitem__(key))

    def capitalize(self):
        return self.__class__(super().capitalize())

    def title(self):
        return self.__class__(super().title())

    def lower(self):
        return self.__class__(super().lower())

    def upper(self):
        return self.__class__(super().upper())

    def replace(self, old, new, count=-1):
        return self.__class__(super().replace(old, self.escape(new), count))

    def ljust(self, width, fillchar=" "):
        return self.__class__(super().ljust(width, self.escape(fillchar)))

    def rjust(self, width, fillchar=" "):
        return self.__class__(super().rjust(width, self.escape(fillchar)))

    def lstrip(self, chars=None):
        return self.__class__(super().lstrip(chars))

    def rstrip(self, chars=None):
        return self.__class__(super().rstrip(chars))

    def center(self, width, fillchar=" "):
        return self.__class__(super().center(width, self.escape(fillchar)))

    def strip(self, chars=None):
        return self.__class__(super().strip(chars))

    def translate(self, table):
        return self.__class__(super().translate(table))

    def expandtabs(self, tabsize=8):
        return self.__class__(super().expandtabs(tabsize))

    def swapcase(self):
        return self.__class__(super().swapcase())

    def zfill(self, width):
        return self.__class__(super().zfill(width))

    def casefold(self):
        return self.__class__(super().casefold())

    def removeprefix(self, prefix):
        return self.__class__(super().removeprefix(prefix))

    def removesuffix(self, suffix):
        return self.__class__(super().removesuffix(suffix))

    def partition(self, sep):
        left, sep, right = super().partition(sep)
        cls = self.__class__
        return cls(left), cls(sep), cls(right)

    def rpartition(self, sep):
        left, sep, right = super().rpartition(sep)
        cls = self.__class__
        return cls(left), cls(sep), cls(right)

    def format(self, *args, **kwargs):
        args = [_EscapeFormatField(a, self.escape) for a in args]
        kwargs = {k: _EscapeFormatField(v, self.escape) for k, v in kwargs.items()}
        return self.__class__(super().format(*args, **kwargs))

    def format_map(self, mapping):
        fields = {k: _EscapeFormatField(mapping[k], self.escape) for k in mapping}
        return self.__class__(super().format(**fields))

    def __html_format__(self, format_spec):
        if format_spec:
            raise ValueError("Unsupported format specification for Markup.")
        return self


class _EscapeFormatField:
    """A replacement field's value: MarkupSafe's ``EscapeFormatter.format_field`` as
    ``__format__``; attribute and item lookups in the field name reach the wrapped object."""

    __slots__ = ("obj", "escape")

    def __init__(self, obj, escape):
        self.obj = obj
        self.escape = escape

    def __getattr__(self, name):
        return _EscapeFormatField(getattr(self.obj, name), self.escape)

    def __getitem__(self, key):
        return _EscapeFormatField(self.obj[key], self.escape)

    def __format__(self, format_spec):
        value = self.obj
        if hasattr(value, "__html_format__"):
            rv = value.__html_format__(format_spec)
        elif hasattr(value, "__html__"):
            if format_spec:
                raise ValueError(
                    f"Format specifier {format_spec} given, but {type(value)} does not"
                    " define __html_format__. A class that defines __html__ must define"
                    " __html_format__ to work with format specifiers."
                )
            rv = value.__html__()
        else:
            rv = format(value, str(format_spec))
        return str(self.escape(rv))


class _MarkupEscapeHelper:
    """Helper for :meth:`Markup.__mod__`."""

    __slots__ = ("obj", "escape")

    def __init__(self, obj, escape):
        self.obj = obj
        self.escape = escape

    def __getitem__(self, key):
        return self.__class__(self.obj[key], self.escape)

    def __str__(self):
        return str(self.escape(self.obj))

    def __repr__(self):
        return str(self.escape(repr(self.obj)))

    def __int__(self):
        return int(self.obj)

    def __float__(self):
        return float(self.obj)


# The named references `html.unescape` knows that pages commonly use.
_ENTITIES = {
    "amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'", "nbsp": "\xa0",
    "raquo": "\xbb", "laquo": "\xab", "copy": "\xa9", "reg": "\xae", "trade": "\u2122",
    "hellip": "\u2026", "mdash": "\u2014", "ndash": "\u2013", "middot": "\xb7", "euro": "\u20ac",
    "lsquo": "\u2018", "rsquo": "\u2019", "ldquo": "\u201c", "rdquo": "\u201d", "times": "\xd7",
}


def _html_unescape(s):
    if "&" not in s:
        return s
    out = []
    i = 0
    n = len(s)
    while i < n:
        ch = s[i]
        if ch != "&":
            out.append(ch)
            i += 1
            continue
        end = s.find(";", i + 1)
        name = s[i + 1:end] if end != -1 else ""
        if name.startswith("#") and len(name) > 1:
            digits = name[1:]
            try:
                if digits[0] in "xX":
                    code = int(digits[1:], 16)
                else:
                    code = int(digits)
                out.append(chr(code))
                i = end + 1
                continue
            except ValueError:
                pass
        elif name in _ENTITIES:
            out.append(_ENTITIES[name])
            i = end + 1
            continue
        out.append(ch)
        i += 1
    return "".join(out)
