def todo():
    pass
print(todo())
x = 5
assert x > 0, "x must be positive"
print("assert passed")
try:
    assert x < 0, f"x was {x}"
except AssertionError as e:
    print("AssertionError:", e)
