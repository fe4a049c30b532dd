class DefaultDict(dict):
    def __missing__(self, key):
        return f"<{key}?>"
d = DefaultDict(a=1)
print(d["a"], d["zzz"])
print(d, len(d))
class Stack(list):
    def push(self, x):
        self.append(x)
s = Stack()
s.push(1)
s.push(2)
print(s, s.pop())
