# A metaclass's __new__ makes the class (its super().__new__ is type.__new__), its __init__
# sees the result; class keywords reach both; __init_subclass__ and __set_name__ run as
# type.__new__ runs them.


class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        own = sorted(k for k in ns if not k.startswith('__'))
        print('Meta.__new__', mcs.__name__, name, [b.__name__ for b in bases], own, kw)
        cls = super().__new__(mcs, name, bases, ns)
        cls.tag = name.lower()
        return cls

    def __init__(cls, name, bases, ns, **kw):
        print('Meta.__init__', name, kw, cls.tag)
        super().__init__(name, bases, ns)


class A(metaclass=Meta):
    x = 1

    def f(self):
        return 1


print(A.tag, type(A).__name__, isinstance(A, Meta), A.__name__, A.__qualname__, A.__module__)
print(A().f(), A.x)


class B(A, flavour='sweet'):
    pass


print(B.tag, type(B) is Meta, B.__mro__[1] is A)


class Weird(type):
    def __new__(mcs, name, bases, ns):
        return 42

    def __init__(cls, *args):
        print('never called')


class W(metaclass=Weird):
    pass


print(W)


class Registry(type):
    classes = []

    def __new__(mcs, name, bases, ns):
        cls = type.__new__(mcs, name, bases, ns)
        mcs.classes.append(name)
        return cls


class Base(metaclass=Registry):
    pass


class Child(Base):
    pass


print(Registry.classes, type(Child).__name__)


class Plugin:
    registry = []

    def __init_subclass__(cls, /, key=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.key = key
        Plugin.registry.append((cls.__name__, key))


class P1(Plugin, key='one'):
    pass


class P2(P1):
    pass


print(Plugin.registry, P1.key, P2.key)
print(hasattr(Plugin, 'key'))


class Field:
    def __set_name__(self, owner, name):
        print('__set_name__', owner.__name__, name)
        self.name = name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return obj.__dict__.get(self.name, 'unset ' + self.name)


class Model:
    title = Field()
    body = Field()


m = Model()
print(Model.title.name, m.body)
Dynamic = type('Dynamic', (), {'size': Field()})
print(Dynamic().size)

try:
    class Bad(Plugin, unknown=1):
        pass
except TypeError as error:
    print('TypeError:', error)

try:
    class Plain(colour='red'):
        pass
except TypeError as error:
    print('TypeError:', error)


class Counted:
    made = 0

    def __init_subclass__(cls):
        Counted.made += 1


class C1(Counted):
    pass


class C2(C1):
    pass


print(Counted.made)
