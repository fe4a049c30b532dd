# The playground's `textwrap`: wrap, fill, shorten, dedent, indent and TextWrapper, as Python 3.11
# documents and behaves (where lines break, how hyphenated words split, max_lines with its
# placeholder).
#
# Written for the playground in our own words. Text is cut into chunks (runs of whitespace and
# words; with break_on_hyphens a word also splits after a hyphen between letters, and around an
# em-dash `--`), then chunks are packed greedily into lines. The chunking is a hand-written
# scanner rather than a pattern, so it runs in one pass on the step budget.

__all__ = ["TextWrapper", "wrap", "fill", "dedent", "indent", "shorten"]

_WS = "\t\n\x0b\x0c\r "


def _is_word(c):
    return c.isalnum() or c == "_"


def _is_letter(c):
    # A word character that is not a digit (so `_` counts, as in Python's patterns).
    return _is_word(c) and not c.isdecimal()


def _is_punct_word(c):
    return _is_word(c) or c in "!\"'&.,?"


def _at(text, i):
    return text[i] if 0 <= i < len(text) else ""


def _letter_at(text, i):
    c = _at(text, i)
    return c != "" and _is_letter(c)


def _dashes_then_word(text, j):
    # At j: two or more hyphens, then a word character.
    k = j
    while k < len(text) and text[k] == "-":
        k += 1
    return k - j >= 2 and k < len(text) and _is_word(text[k])


def _hyphen_break(text, j):
    # text[j] is '-': break after it when it follows two letters (or letter-hyphen-letter) and
    # comes before two letters (possibly with one hyphen between them).
    before = (_letter_at(text, j - 1) and _letter_at(text, j - 2)) or (
        _letter_at(text, j - 1) and _at(text, j - 2) == "-" and _letter_at(text, j - 3))
    if not before or not _letter_at(text, j + 1):
        return False
    return _letter_at(text, j + 2) or (_at(text, j + 2) == "-" and _letter_at(text, j + 3))


def _split_words(text, hyphens):
    chunks = []
    i = 0
    n = len(text)
    while i < n:
        if text[i] in _WS:
            j = i
            while j < n and text[j] in _WS:
                j += 1
            chunks.append(text[i:j])
            i = j
            continue
        if hyphens and text[i] == "-" and i > 0 and _is_punct_word(text[i - 1]) \
                and _dashes_then_word(text, i):
            j = i
            while text[j] == "-":
                j += 1
            chunks.append(text[i:j])
            i = j
            continue
        j = i + 1
        while True:
            if j >= n or text[j] in _WS:
                end = j
                break
            if hyphens:
                if text[j] == "-" and _hyphen_break(text, j):
                    end = j + 1
                    break
                if _is_punct_word(text[j - 1]) and _dashes_then_word(text, j):
                    end = j
                    break
            j += 1
        chunks.append(text[i:end])
        i = end
    return chunks


def _sentence_end(chunk):
    # A lowercase letter, then . ! or ?, then maybe a quote, at the chunk's end.
    k = len(chunk)
    if k and chunk[k - 1] in "\"'":
        k -= 1
    return k >= 2 and chunk[k - 1] in ".!?" and chunk[k - 2].islower()


class TextWrapper:
    def __init__(self, width=70, initial_indent="", subsequent_indent="", expand_tabs=True,
                 replace_whitespace=True, fix_sentence_endings=False, break_long_words=True,
                 drop_whitespace=True, break_on_hyphens=True, tabsize=8, *, max_lines=None,
                 placeholder=" [...]"):
        for name, value in (
            ("width", width), ("initial_indent", initial_indent),
            ("subsequent_indent", subsequent_indent), ("expand_tabs", expand_tabs),
            ("replace_whitespace", replace_whitespace),
            ("fix_sentence_endings", fix_sentence_endings),
            ("break_long_words", break_long_words), ("drop_whitespace", drop_whitespace),
            ("break_on_hyphens", break_on_hyphens), ("tabsize", tabsize),
            ("max_lines", max_lines), ("placeholder", placeholder)):
            setattr(self, name, value)

    def _munge_whitespace(self, text):
        text = text.expandtabs(self.tabsize) if self.expand_tabs else text
        if not self.replace_whitespace:
            return text
        return "".join(" " if c in "\t\n\x0b\x0c\r" else c for c in text)

    def _split(self, text):
        return _split_words(text, self.break_on_hyphens)

    def _split_chunks(self, text):
        return self._split(self._munge_whitespace(text))

    def _fix_sentence_endings(self, chunks):
        # A single space after a sentence's end becomes two (a chunk is never rechecked).
        k = 0
        while k + 1 < len(chunks):
            ends = chunks[k + 1] == " " and _sentence_end(chunks[k])
            if ends:
                chunks[k + 1] = "  "
            k += 2 if ends else 1

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        # A chunk wider than a whole line: cut what fits (after its last hyphen when it has one
        # preceded by something else), or, without breaking, let it stand alone on its line.
        room = width - cur_len if width >= 1 else 1
        word = reversed_chunks[-1]
        if not self.break_long_words:
            if not cur_line:
                cur_line.append(reversed_chunks.pop())
            return
        cut = room
        if self.break_on_hyphens and len(word) > room:
            dash = word.rfind("-", 0, room)
            if dash > 0 and word[:dash].strip("-"):
                cut = dash + 1
        cur_line.append(word[:cut])
        reversed_chunks[-1] = word[cut:]

    def _placeholder_line(self, lines, line, used, indent, room):
        # The last allowed line: drop chunks from its end until the placeholder fits after a
        # word; failing that, append it to the previous line or give it a line of its own.
        while line:
            if line[-1].strip() and used + len(self.placeholder) <= room:
                lines.append(indent + "".join(line) + self.placeholder)
                return
            used -= len(line.pop())
        if lines and len(lines[-1].rstrip()) + len(self.placeholder) <= self.width:
            lines[-1] = lines[-1].rstrip() + self.placeholder
            return
        lines.append(indent + self.placeholder.lstrip())

    def _wrap_chunks(self, chunks):
        if self.width <= 0:
            raise ValueError("invalid width %r (must be > 0)" % self.width)
        if self.max_lines is not None:
            first = self.initial_indent if self.max_lines == 1 else self.subsequent_indent
            if len(first) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError("placeholder too large for max width")
        pending = chunks[::-1]
        lines = []
        while pending:
            indent = self.initial_indent if not lines else self.subsequent_indent
            room = self.width - len(indent)
            if lines and self.drop_whitespace and not pending[-1].strip():
                pending.pop()
            line = []
            used = 0
            while pending and used + len(pending[-1]) <= room:
                used += len(pending[-1])
                line.append(pending.pop())
            if pending and len(pending[-1]) > room:
                self._handle_long_word(pending, line, used, room)
                used = sum(map(len, line))
            if line and self.drop_whitespace and not line[-1].strip():
                used -= len(line.pop())
            if not line:
                continue
            rest_is_blank = not pending or (
                self.drop_whitespace and len(pending) == 1 and not pending[0].strip())
            if (self.max_lines is None or len(lines) + 1 < self.max_lines
                    or (rest_is_blank and used <= room)):
                lines.append(indent + "".join(line))
                continue
            self._placeholder_line(lines, line, used, indent, room)
            break
        return lines

    def wrap(self, text):
        pieces = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(pieces)
        return self._wrap_chunks(pieces)

    def fill(self, text):
        return "\n".join(self.wrap(text))


def wrap(text, width=70, **kwargs):
    return TextWrapper(width=width, **kwargs).wrap(text)


def fill(text, width=70, **kwargs):
    return TextWrapper(width=width, **kwargs).fill(text)


def shorten(text, width, **kwargs):
    wrapper = TextWrapper(width=width, max_lines=1, **kwargs)
    return wrapper.fill(" ".join(text.strip().split()))


def _leading(line):
    k = 0
    while k < len(line) and line[k] in " \t":
        k += 1
    return line[:k]


def dedent(text):
    # Lines of only spaces and tabs become empty; the margin is the longest leading whitespace
    # every other line shares (tabs and spaces compared as they are).
    lines = text.split("\n")
    lines = ["" if line and line.strip(" \t") == "" else line for line in lines]
    margin = None
    for line in lines:
        lead = _leading(line)
        if lead == line:
            continue
        if margin is None or lead.startswith(margin):
            margin = lead if margin is None else margin
        elif margin.startswith(lead):
            margin = lead
        else:
            k = 0
            while k < len(margin) and k < len(lead) and margin[k] == lead[k]:
                k += 1
            margin = margin[:k]
    if margin:
        lines = [line[len(margin):] if line.startswith(margin) else line for line in lines]
    return "\n".join(lines)


def indent(text, prefix, predicate=None):
    out = []
    for line in text.splitlines(True):
        keep = predicate(line) if predicate is not None else line.strip()
        out.append(prefix + line if keep else line)
    return "".join(out)
