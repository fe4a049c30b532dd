# A str subclass with __new__: super().__new__(cls, ...) builds the string, attributes stick.
class Slug(str):
    def __new__(cls, title, sep="-"):
        obj = super().__new__(cls, sep.join(title.lower().split()))
        obj.title_text = title
        return obj

    def __repr__(self):
        return f"Slug({super().__repr__()})"

s = Slug("Hello Flask World")
print(s, repr(s), s.title_text)
print(isinstance(s, str), isinstance(s, Slug), type(s).__name__, issubclass(Slug, str))
print(len(s), s[0], s[-5:], s == "hello-flask-world", "flask" in s)
print(Slug("A  B", sep="_"))
