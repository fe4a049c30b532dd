# Overriding __add__/__radd__/__mod__/format on a str subclass, in the style of markupsafe.
def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

class Safe(str):
    def __add__(self, other):
        return Safe(super().__add__(other if isinstance(other, Safe) else esc(str(other))))
    def __radd__(self, other):
        return Safe(esc(str(other))).__add__(self)
    def __mod__(self, args):
        if not isinstance(args, tuple):
            args = (args,)
        return Safe(super().__mod__(tuple(esc(str(a)) for a in args)))
    def format(self, *args):
        return Safe(super().format(*[esc(str(a)) for a in args]))
    def __html__(self):
        return self
    def __repr__(self):
        return f"Safe({super().__repr__()})"

b = Safe("<b>%s</b>")
print(repr(b % "<i>"), repr(Safe("<p>") + "<x>"), repr("<x>" + Safe("<p>")))
print(repr(Safe("<em>{}</em>").format("a & b")), repr(Safe("x") + Safe("<y>")))
print(isinstance(b % 1, Safe), (b % 1).__html__() is not None, repr(Safe("ab") * 2))
