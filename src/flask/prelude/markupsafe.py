# The playground's `markupsafe`: MarkupSafe 3.0's `escape` and `Markup` (a `str` subclass that
# is already safe HTML), reproduced from what they do, in our own code. The rule Markup keeps:
# whatever text joins it (concatenation, %-formatting, str.format, join, replace, padding) is
# escaped first unless it is Markup itself (or has `__html__`), and the str methods that make
# new text from it return Markup again. Differences, all deliberate: no type annotations or
# positional-only markers; `escape` uses the playground's native escaper (the same five
# replacements as `_speedups`); `Markup.format` wraps each argument in a helper whose
# `__format__` does what MarkupSafe's EscapeFormatter does per field (the playground has no
# `string.Formatter`); and `unescape` knows the numeric character references and the common
# named entities, not all of `html.entities`.
from _flask_native import _escape as _escape_text


def escape(s):
    """Replace the characters ``&``, ``<``, ``>``, ``'``, and ``"`` in the string with HTML-safe
    sequences. If the object has an ``__html__`` method, it is called and the return value is
    assumed to already be safe for HTML."""
    # The native escaper already honours __html__ (and turns other objects into str first).
    return Markup(_escape_text(s))


def escape_silent(s):
    """Like :func:`escape` but treats ``None`` as the empty string."""
    return Markup() if s is None else escape(s)


def soft_str(s):
    """Convert an object to a string if it isn't already, preserving a :class:`Markup`."""
    return s if isinstance(s, str) else str(s)


def _joins_as_text(value):
    # What Markup accepts next to itself: text, or an object that can render as HTML.
    return isinstance(value, str) or hasattr(value, "__html__")


class Markup(str):
    """A string that is ready to be safely inserted into an HTML or XML document, either
    because it was escaped or because it was marked safe."""

    __slots__ = ()

    def __new__(cls, object="", encoding=None, errors="strict"):
        # An object with __html__ is taken at its word; bytes are decoded when an encoding
        # is given, as str() does.
        if hasattr(object, "__html__"):
            object = object.__html__()
        str_args = (object,) if encoding is None else (object, encoding, errors)
        return super().__new__(cls, *str_args)

    def __html__(self):
        return self

    def __html_format__(self, format_spec):
        if format_spec:
            raise ValueError("Unsupported format specification for Markup.")
        return self

    @classmethod
    def escape(cls, s):
        """Escape a string. Calls :func:`escape` and ensures that for subclasses the correct
        type is returned."""
        escaped = escape(s)
        return escaped if escaped.__class__ is cls else cls(escaped)

    def __repr__(self):
        return f"{type(self).__name__}({super().__repr__()})"

    # -- text joining the markup is escaped ------------------------------------------------

    def __add__(self, value):
        if not _joins_as_text(value):
            return NotImplemented
        return self.__class__(super().__add__(self.escape(value)))

    def __radd__(self, value):
        if not _joins_as_text(value):
            return NotImplemented
        return self.escape(value) + self

    def __mul__(self, value):
        return self.__class__(super().__mul__(value))

    __rmul__ = __mul__

    def __mod__(self, value):
        # Each %-argument is escaped when it is turned into text: the items of a tuple, the
        # values a mapping gives for %(name)s, or else the one value.
        def wrap(obj):
            return _PercentArgument(obj, self.escape)

        if isinstance(value, tuple):
            arguments = tuple([wrap(item) for item in value])
        elif isinstance(value, str) or not hasattr(type(value), "__getitem__"):
            arguments = (wrap(value),)
        else:
            arguments = wrap(value)
        return self.__class__(super().__mod__(arguments))

    def join(self, iterable):
        return self.__class__(super().join([self.escape(item) for item in iterable]))

    def format(self, *args, **kwargs):
        wrapped = [_FormatField(arg, self.escape) for arg in args]
        named = {key: _FormatField(arg, self.escape) for key, arg in kwargs.items()}
        return self.__class__(super().format(*wrapped, **named))

    def format_map(self, mapping):
        named = {key: _FormatField(mapping[key], self.escape) for key in mapping}
        return self.__class__(super().format(**named))

    def __getitem__(self, key):
        return self.__class__(super().__getitem__(key))

    # -- leaving HTML ------------------------------------------------------------------------

    def unescape(self):
        """Convert escaped markup back into a text string. This replaces HTML entities with the
        characters they represent."""
        return _html_unescape(str(self))

    def striptags(self):
        """:meth:`unescape` the markup, remove tags, and normalize whitespace to single
        spaces."""
        words = _without_tags(str(self)).split()
        return self.__class__(" ".join(words)).unescape()


def _without_tags(text):
    """The text with its `<...>` tags and `<!-- ... -->` comments cut out. Scanning stops at
    the first one that is not closed: from there on the text is kept as it is."""
    pieces = []
    kept_from = 0
    while True:
        opening = text.find("<", kept_from)
        if opening < 0:
            break
        if text.startswith("<!--", opening):
            closing, closer = text.find("-->", opening + 4), 3
        else:
            closing, closer = text.find(">", opening), 1
        if closing < 0:
            break
        pieces.append(text[kept_from:opening])
        kept_from = closing + closer
    pieces.append(text[kept_from:])
    return "".join(pieces)


# The str methods Markup overrides, generated: each returns Markup (or a list or triple of
# Markup) made from str's own result. For the ones listed in _INSERTED_AT, the argument at that
# position is text put into the markup, so it is escaped first.
_KEEPS_MARKUP = (
    "capitalize", "casefold", "center", "expandtabs", "ljust", "lower", "lstrip",
    "removeprefix", "removesuffix", "replace", "rjust", "rstrip", "strip", "swapcase", "title",
    "translate", "upper", "zfill",
)
_INSERTED_AT = {"center": 1, "ljust": 1, "replace": 1, "rjust": 1}
_GIVES_LIST = ("split", "rsplit", "splitlines")
_GIVES_TRIPLE = ("partition", "rpartition")


def _markup_method(name, shape):
    inserted = _INSERTED_AT.get(name)

    def method(self, *args, **kwargs):
        if inserted is not None and len(args) > inserted:
            args = args[:inserted] + (self.escape(args[inserted]),) + args[inserted + 1:]
        # str's own method, on the plain text of the markup.
        result = getattr(str(self), name)(*args, **kwargs)
        kind = self.__class__
        if shape == "list":
            return [kind(part) for part in result]
        if shape == "triple":
            return tuple([kind(part) for part in result])
        return kind(result)

    return method


for _name in _KEEPS_MARKUP:
    setattr(Markup, _name, _markup_method(_name, "text"))
for _name in _GIVES_LIST:
    setattr(Markup, _name, _markup_method(_name, "list"))
for _name in _GIVES_TRIPLE:
    setattr(Markup, _name, _markup_method(_name, "triple"))


def _field_text(obj, format_spec, escape):
    """One replacement field of Markup.format, as MarkupSafe's EscapeFormatter renders it: an
    object's own __html_format__ first, then its __html__ (which takes no format spec), else
    the ordinary format() of the value, escaped."""
    html_format = getattr(obj, "__html_format__", None)
    if html_format is not None:
        return str(escape(html_format(format_spec)))
    html = getattr(obj, "__html__", None)
    if html is None:
        return str(escape(format(obj, str(format_spec))))
    if format_spec:
        raise ValueError(
            f"Format specifier {format_spec} given, but {type(obj)} does not define"
            " __html_format__. A class that defines __html__ must define __html_format__ to"
            " work with format specifiers."
        )
    return str(escape(html()))


class _FormatField:
    """A replacement field's value in Markup.format; attribute and item lookups in the field
    name reach the wrapped object."""

    __slots__ = ("obj", "escape")

    def __init__(self, obj, escape):
        self.obj = obj
        self.escape = escape

    def __getattr__(self, name):
        return _FormatField(getattr(self.obj, name), self.escape)

    def __getitem__(self, key):
        return _FormatField(self.obj[key], self.escape)

    def __format__(self, format_spec):
        return _field_text(self.obj, format_spec, self.escape)


class _PercentArgument:
    """An argument of Markup's % operator: escaped when %s or %r turns it into text; %d and
    %f see the number; %(name)s looks the name up in the wrapped mapping."""

    __slots__ = ("obj", "escape")

    def __init__(self, obj, escape):
        self.obj = obj
        self.escape = escape

    def __getitem__(self, key):
        return _PercentArgument(self.obj[key], self.escape)

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
