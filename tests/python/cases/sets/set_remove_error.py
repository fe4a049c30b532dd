s = {1, 2}
s.remove(1)
print(s)
try:
    s.remove(42)
except KeyError as e:
    print("KeyError:", e)
print(s.pop())
print(s)
