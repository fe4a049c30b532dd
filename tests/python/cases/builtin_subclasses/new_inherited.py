# __new__ is inherited along the MRO; object.__new__(cls) makes the subclass's instance.
class Bracketed(str):
    def __new__(cls, value):
        return super().__new__(cls, "[" + value + "]")

class Shouting(Bracketed):
    def upper(self):
        return Shouting(super().upper())

s = Shouting("hey")
print(s, type(s).__name__, isinstance(s, Bracketed), s.upper(), type(s.upper()).__name__)

class Registry:
    _instance = None
    def __new__(cls, *args):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance
    def __init__(self, name):
        self.name = name

a = Registry("first")
b = Registry("second")
print(a is b, a.name, type(a).__name__)

class Tagged(str):
    def __init__(self, value, tag=""):
        self.tag = tag
try:
    Tagged("x", "y")
except TypeError as e:
    print("TypeError:", e)
print(Tagged("plain").tag == "")
