x = 10
user = "bob"
print(f"{x=}")
print(f"{user=}")
print(f"{x * 2 = }")
print(f"{user=!s}")
print(f"{x=:5d}")
