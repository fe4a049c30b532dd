# `re`: Python's regular expressions, in our own words. The pattern language and the matching
# run natively (`_re`: re_parse.rs, re_engine.rs, re_native.rs); this file is the public face:
# flags, Pattern and Match objects, replacement templates, split/sub/findall/finditer.

import _re

__all__ = [
    "match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer",
    "compile", "purge", "escape", "error", "Pattern", "Match", "A", "I", "L", "M", "S",
    "X", "U", "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "VERBOSE", "UNICODE",
    "NOFLAG", "RegexFlag",
]

# The order RegexFlag's repr lists its members in (their definition order).
_FLAG_NAMES = [
    (256, "ASCII"), (2, "IGNORECASE"), (4, "LOCALE"), (32, "UNICODE"), (8, "MULTILINE"),
    (16, "DOTALL"), (64, "VERBOSE"), (1, "TEMPLATE"), (128, "DEBUG"),
]
# The order `re.compile(...)`'s repr lists flags in.
_PATTERN_FLAG_ORDER = [
    (1, "TEMPLATE"), (2, "IGNORECASE"), (4, "LOCALE"), (8, "MULTILINE"), (16, "DOTALL"),
    (32, "UNICODE"), (64, "VERBOSE"), (128, "DEBUG"), (256, "ASCII"),
]


def _flag_text(value, order):
    names = []
    rest = value
    for bit, name in order:
        if value & bit:
            names.append("re." + name)
            rest &= ~bit
    if rest:
        names.append(hex(rest))
    if not names:
        return None
    return "|".join(names)


class RegexFlag(int):
    def __repr__(self):
        value = int(self)
        if value == 0:
            return "re.NOFLAG"
        return _flag_text(value, _FLAG_NAMES)

    __str__ = __repr__

    @property
    def value(self):
        return int(self)

    @property
    def name(self):
        text = repr(self)
        return text.replace("re.", "")

    def __or__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) | int(other))
        return NotImplemented

    __ror__ = __or__

    def __and__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) & int(other))
        return NotImplemented

    __rand__ = __and__

    def __xor__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) ^ int(other))
        return NotImplemented

    def __invert__(self):
        return RegexFlag(~int(self) & 511)


NOFLAG = RegexFlag(0)
T = TEMPLATE = RegexFlag(1)
I = IGNORECASE = RegexFlag(2)
L = LOCALE = RegexFlag(4)
M = MULTILINE = RegexFlag(8)
S = DOTALL = RegexFlag(16)
U = UNICODE = RegexFlag(32)
X = VERBOSE = RegexFlag(64)
DEBUG = RegexFlag(128)
A = ASCII = RegexFlag(256)


class error(Exception):
    # What went wrong, in which pattern, and where (a position, then line and column).
    def __init__(self, msg, pattern=None, pos=None):
        self.msg, self.pattern, self.pos = msg, pattern, pos
        if pattern is None or pos is None:
            self.lineno = None
            self.colno = None
        else:
            newline = "\n" if isinstance(pattern, str) else b"\n"
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            msg = "%s at position %d" % (msg, pos)
            if newline in pattern:
                msg = "%s (line %d, column %d)" % (msg, self.lineno, self.colno)
        super().__init__(msg)


error.__module__ = "re"


def _cut_repr(value, width):
    text = repr(value)
    return text[:width]


class Pattern:
    def __init__(self, pattern, flags, code, groups, groupindex):
        self.pattern = pattern
        self.flags = flags
        self._code = code
        self.groups = groups
        self.groupindex = groupindex

    def __repr__(self):
        flags = self.flags
        if isinstance(self.pattern, str) and flags & (4 | 32 | 256) == 32:
            flags &= ~32
        text = _flag_text(flags, _PATTERN_FLAG_ORDER)
        if text is None:
            return "re.compile(%s)" % _cut_repr(self.pattern, 200)
        return "re.compile(%s, %s)" % (_cut_repr(self.pattern, 200), text)

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def _found(self, string, pos, endpos, mode):
        found = self._code.find(string, pos, endpos, mode, False)
        if found is None:
            return None
        return Match(self, string, pos, endpos, found)

    def match(self, string, pos=0, endpos=None):
        return self._found(string, pos, endpos, 0)

    def fullmatch(self, string, pos=0, endpos=None):
        return self._found(string, pos, endpos, 1)

    def search(self, string, pos=0, endpos=None):
        return self._found(string, pos, endpos, 2)

    def findall(self, string, pos=0, endpos=None):
        return self._code.findall(string, pos, endpos)

    def finditer(self, string, pos=0, endpos=None):
        for found in self._code.scan(string, pos, endpos, 0)[0]:
            yield Match(self, string, pos, endpos, found)

    def split(self, string, maxsplit=0):
        out = []
        if maxsplit < 0:
            return [string[0:]]
        found, tail = self._code.scan(string, 0, None, maxsplit)
        for spans, lastindex, groups, gap in found:
            out.append(gap)
            out.extend(groups[1:])
        out.append(tail)
        return out

    def subn(self, repl, string, count=0):
        if callable(repl):
            make = repl
        else:
            make = _template_function(self, repl)
        pieces = []
        n = 0
        is_text = isinstance(self.pattern, str)
        if count < 0:
            return string[0:], 0
        found, tail = self._code.scan(string, 0, None, count)
        for item in found:
            pieces.append(item[3])
            piece = make(Match(self, string, 0, None, item))
            if piece is not None:
                if is_text and not isinstance(piece, str):
                    raise TypeError(
                        "sequence item %d: expected str instance, %s found"
                        % (len(pieces), type(piece).__name__))
                if not is_text and not isinstance(piece, (bytes, bytearray)):
                    raise TypeError(
                        "sequence item %d: expected a bytes-like object, %s found"
                        % (len(pieces), type(piece).__name__))
                pieces.append(piece)
            n += 1
        pieces.append(tail)
        empty = "" if is_text else b""
        return empty.join(pieces), n

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]


Pattern.__module__ = "re"


class Match:
    def __init__(self, pattern, string, pos, endpos, found):
        self.re = pattern
        self.string = string
        length = len(string)
        self.pos = min(max(pos, 0), length)
        self.endpos = length if endpos is None else min(max(endpos, 0), length)
        self._spans = found[0]
        self.lastindex = found[1]
        self._texts = found[2]

    @property
    def lastgroup(self):
        if self.lastindex is None:
            return None
        for name, index in self.re.groupindex.items():
            if index == self.lastindex:
                return name
        return None

    @property
    def regs(self):
        return tuple(self.span(g) for g in range(self.re.groups + 1))

    def _index(self, group):
        if isinstance(group, int):
            if 0 <= group <= self.re.groups:
                return int(group)
        elif isinstance(group, (str, bytes)):
            index = self.re.groupindex.get(group)
            if index is not None:
                return index
        raise IndexError("no such group")

    def _group(self, group, default=None):
        text = self._texts[self._index(group)]
        return default if text is None else text

    def group(self, *groups):
        if not groups:
            return self._group(0)
        if len(groups) == 1:
            return self._group(groups[0])
        return tuple(self._group(g) for g in groups)

    def __getitem__(self, group):
        return self._group(group)

    def groups(self, default=None):
        return tuple(self._group(g, default) for g in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        return {name: self._group(index, default) for name, index in self.re.groupindex.items()}

    def start(self, group=0):
        return self._spans[2 * self._index(group)]

    def end(self, group=0):
        return self._spans[2 * self._index(group) + 1]

    def span(self, group=0):
        index = self._index(group)
        return (self._spans[2 * index], self._spans[2 * index + 1])

    def expand(self, template):
        return _template_function(self.re, template)(self)

    def __repr__(self):
        return "<re.Match object; span=(%d, %d), match=%s>" % (
            self._spans[0], self._spans[1], _cut_repr(self._group(0), 50))


Match.__module__ = "re"

_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v",
            "\\": "\\"}
_OCTAL = "01234567"
_DIGITS = "0123456789"
_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _parse_template(pattern, template):
    # A replacement template as a list of literal pieces and group numbers.
    is_text = isinstance(template, str)
    if not is_text:
        template = str(template, "latin-1")
    items = []
    literal = []
    i = 0
    n = len(template)

    def fail(msg, pos):
        raise error(msg, template if is_text else template.encode("latin-1"), pos)

    while i < n:
        c = template[i]
        if c != "\\":
            literal.append(c)
            i += 1
            continue
        if i + 1 >= n:
            fail("bad escape (end of pattern)", i)
        c = template[i + 1]
        start = i
        i += 2
        if c == "g":
            if i >= n or template[i] != "<":
                fail("missing <", i)
            close = template.find(">", i + 1)
            if close < 0:
                name = template[i + 1:]
                if not name:
                    fail("missing group name", n)
                fail("missing >, unterminated name", i + 1)
            name = template[i + 1:close]
            if not name:
                fail("missing group name", i + 1)
            if name.isidentifier():
                if name not in pattern.groupindex:
                    raise IndexError("unknown group name %r" % name)
                index = pattern.groupindex[name]
            else:
                if not name.isdigit() or not name.isascii():
                    fail("bad character in group name %r" % name, i + 1)
                index = int(name)
                if index >= pattern.groups + 1:
                    fail("invalid group reference %d" % index, i + 1)
            i = close + 1
            items.append("".join(literal))
            literal = []
            items.append(index)
        elif c == "0":
            digits = c
            while i < n and len(digits) < 3 and template[i] in _OCTAL:
                digits += template[i]
                i += 1
            literal.append(chr(int(digits, 8)))
        elif c in _DIGITS:
            digits = c
            if i < n and template[i] in _DIGITS:
                digits += template[i]
                i += 1
                if (digits[0] in _OCTAL and digits[1] in _OCTAL and i < n
                        and template[i] in _OCTAL):
                    digits += template[i]
                    i += 1
                    value = int(digits, 8)
                    if value > 0o377:
                        fail("octal escape value \\%s outside of range 0-0o377" % digits, start)
                    literal.append(chr(value))
                    continue
            index = int(digits)
            if index >= pattern.groups + 1:
                fail("invalid group reference %d" % index, start + 1)
            items.append("".join(literal))
            literal = []
            items.append(index)
        elif c in _ESCAPES:
            literal.append(_ESCAPES[c])
        elif c in _LETTERS:
            fail("bad escape \\%s" % c, start)
        else:
            literal.append("\\" + c)
    items.append("".join(literal))
    if not is_text:
        items = [x.encode("latin-1") if isinstance(x, str) else x for x in items]
    return items


def _template_function(pattern, template):
    if isinstance(template, str) and "\\" not in template:
        return lambda match: template
    if not isinstance(template, (str, bytes)):
        raise TypeError("expected str or bytes-like object, got '%s'" % type(template).__name__)
    if isinstance(pattern.pattern, str) and not isinstance(template, str):
        raise TypeError("expected str instance, %s found" % type(template).__name__)
    items = _parse_template(pattern, template)
    empty = template[:0]

    def expand(match):
        out = []
        for item in items:
            if isinstance(item, int):
                piece = match.group(item)
                if piece is not None:
                    out.append(piece)
            else:
                out.append(item)
        return empty.join(out)

    return expand


_cache = {}
_MAX_CACHE = 512


def _compile(pattern, flags):
    if isinstance(flags, RegexFlag):
        flags = int(flags)
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    key = (type(pattern), pattern, flags)
    if isinstance(pattern, (str, bytes)):
        found = _cache.get(key)
        if found is not None:
            return found
    result = _re.compile(pattern, flags)
    if result[0] is None:
        raise error(result[1], pattern, result[2])
    code, groups, groupindex, final_flags = result
    compiled = Pattern(pattern, final_flags, code, groups, groupindex)
    if len(_cache) >= _MAX_CACHE:
        del _cache[next(iter(_cache))]
    _cache[key] = compiled
    return compiled


def compile(pattern, flags=0):
    return _compile(pattern, flags)


def match(pattern, string, flags=0):
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return _compile(pattern, flags).finditer(string)


def purge():
    _cache.clear()


_SPECIAL = "()[]{}?*+-|^$\\.&~# \t\n\r\v\f"


def escape(pattern):
    if isinstance(pattern, str):
        return "".join("\\" + c if c in _SPECIAL else c for c in pattern)
    out = []
    for b in pattern:
        c = chr(b)
        if c in _SPECIAL:
            out.append("\\" + c)
        else:
            out.append(c)
    return "".join(out).encode("latin-1")
