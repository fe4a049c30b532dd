# A small `markupsafe` for the playground: `escape` and `Markup` with the behaviour lessons use.
# Markup is a plain class here (the interpreter cannot subclass str yet); str(), +, %,
# __html__ and equality with str work.
from _flask_native import _escape


class Markup:
    def __init__(self, base=""):
        if hasattr(base, "__html__"):
            base = base.__html__()
        self._s = str(base)

    def __html__(self):
        return self._s

    def __str__(self):
        return self._s

    def __repr__(self):
        return f"Markup({self._s!r})"

    def __add__(self, other):
        return Markup(self._s + str(escape(other)))

    def __radd__(self, other):
        return Markup(str(escape(other)) + self._s)

    def __eq__(self, other):
        return str(other) == self._s

    def __hash__(self):
        return hash(self._s)

    def __len__(self):
        return len(self._s)

    def __mod__(self, args):
        if isinstance(args, tuple):
            args = tuple(escape(a) for a in args)
        else:
            args = escape(args)
        return Markup(self._s % args)

    def format(self, *args, **kwargs):
        return Markup(self._s.format(*[escape(a) for a in args],
                                     **{k: escape(v) for k, v in kwargs.items()}))

    def striptags(self):
        out = []
        inside = False
        for ch in self._s:
            if ch == "<":
                inside = True
            elif ch == ">":
                inside = False
            elif not inside:
                out.append(ch)
        return " ".join("".join(out).split())

    def unescape(self):
        return (self._s.replace("&lt;", "<").replace("&gt;", ">").replace("&#34;", '"')
                .replace("&#39;", "'").replace("&amp;", "&"))


def escape(s):
    if hasattr(s, "__html__"):
        return Markup(s.__html__())
    return Markup(_escape(s))


def escape_silent(s):
    if s is None:
        return Markup()
    return escape(s)


def soft_str(s):
    if not isinstance(s, str):
        return str(s)
    return s
