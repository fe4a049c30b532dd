# `string`: the constants and `capwords` come from the native `_string`; `Template` (the
# `$name` substitution) is written here in Python, in our own words.

from _string import *


def _is_name_start(c):
    return c == "_" or ("a" <= c <= "z") or ("A" <= c <= "Z")


def _is_name_char(c):
    return _is_name_start(c) or ("0" <= c <= "9")


class Template:
    delimiter = "$"

    def __init__(self, template):
        self.template = template

    def _pieces(self):
        # Yields (kind, text, name, position): kind is "text", "escaped", "named" or "invalid";
        # position is where the placeholder's name would start (just after the `$`).
        s = self.template
        i = 0
        start = 0
        while True:
            i = s.find("$", start)
            if i < 0:
                yield ("text", s[start:], None, len(s))
                return
            yield ("text", s[start:i], None, i)
            j = i + 1
            if s[j:j + 1] == "$":
                yield ("escaped", "$", None, j)
                start = j + 1
            elif j < len(s) and _is_name_start(s[j]):
                k = j
                while k < len(s) and _is_name_char(s[k]):
                    k += 1
                yield ("named", s[i:k], s[j:k], j)
                start = k
            elif s[j:j + 1] == "{" and j + 1 < len(s) and _is_name_start(s[j + 1]):
                k = j + 1
                while k < len(s) and _is_name_char(s[k]):
                    k += 1
                if s[k:k + 1] == "}":
                    yield ("named", s[i:k + 1], s[j + 1:k], j)
                    start = k + 1
                else:
                    yield ("invalid", "$", None, j)
                    start = j
            else:
                yield ("invalid", "$", None, j)
                start = j

    def _invalid(self, position):
        lines = self.template[:position].splitlines(keepends=True)
        if not lines:
            column, line = 1, 1
        else:
            column = position - len("".join(lines[:-1]))
            line = len(lines)
        raise ValueError("Invalid placeholder in string: line %d, col %d" % (line, column))

    @staticmethod
    def _values(mapping, kws):
        if mapping is None:
            return kws
        if kws:
            merged = dict(mapping)
            merged.update(kws)
            return merged
        return mapping

    def substitute(self, mapping=None, /, **kws):
        values = self._values(mapping, kws)
        out = []
        for kind, text, name, position in self._pieces():
            if kind == "named":
                out.append("%s" % (values[name],))
            elif kind == "invalid":
                self._invalid(position)
            else:
                out.append(text)
        return "".join(out)

    def safe_substitute(self, mapping=None, /, **kws):
        values = self._values(mapping, kws)
        out = []
        for kind, text, name, position in self._pieces():
            if kind == "named":
                try:
                    out.append("%s" % (values[name],))
                except KeyError:
                    out.append(text)
            else:
                out.append(text)
        return "".join(out)

    def is_valid(self):
        return all(kind != "invalid" for kind, _, _, _ in self._pieces())

    def get_identifiers(self):
        names = []
        for kind, _, name, _ in self._pieces():
            if kind == "named" and name not in names:
                names.append(name)
        return names
