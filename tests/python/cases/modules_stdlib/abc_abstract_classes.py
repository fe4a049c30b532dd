# abc: a class with abstract methods left cannot be made; a subclass that fills them in can,
# and one that fills in only some is still abstract.
from abc import ABC, ABCMeta, abstractmethod


class Store(ABC):
    @abstractmethod
    def load(self, key):
        ...

    @abstractmethod
    def save(self, key, value):
        ...

    def copy(self, source, target):
        self.save(target, self.load(source))
        return self


class ReadOnly(Store):
    def load(self, key):
        return key.upper()


class Memory(ReadOnly):
    def __init__(self):
        self.data = {}

    def load(self, key):
        return self.data.get(key, key)

    def save(self, key, value):
        self.data[key] = value


for cls in (Store, ReadOnly):
    try:
        cls()
    except TypeError as error:
        print("TypeError:", error)
m = Memory().copy("a", "b")
print(m.data, isinstance(m, Store), isinstance(m, ABC), type(Store) is ABCMeta)
print(sorted(Store.__abstractmethods__), sorted(ReadOnly.__abstractmethods__), Memory.__abstractmethods__)
print(Store.load.__isabstractmethod__, hasattr(Memory.load, "__isabstractmethod__"))


class Plugin(metaclass=ABCMeta):
    @abstractmethod
    def run(self):
        ...


class Echo(Plugin):
    def __init__(self, word):
        self.word = word

    def run(self):
        return self.word * 2


print(Echo("hi").run())
try:
    Plugin()
except TypeError as error:
    print("TypeError:", error)
