class Base:
    def describe(self):
        return ["base"]
class Middle(Base):
    def describe(self):
        return super().describe() + ["middle"]
class Leaf(Middle):
    def describe(self):
        return super().describe() + ["leaf"]
print(Leaf().describe())
