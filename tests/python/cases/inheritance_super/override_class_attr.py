class Base:
    kind = "base"
    def get_kind(self):
        return self.kind
class Child(Base):
    kind = "child"
print(Base().get_kind(), Child().get_kind())
print(Child.__bases__[0].__name__)
