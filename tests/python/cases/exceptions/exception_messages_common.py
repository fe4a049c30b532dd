tests = [
    lambda: [1, 2][5],
    lambda: {"a": 1}["b"],
    lambda: "x" + 1,
    lambda: 1 + "x",
    lambda: int("ten"),
    lambda: 1 / 0,
    lambda: 5 % 0,
    lambda: None.upper(),
    lambda: len(5),
    lambda: undefined_name,
]
for t in tests:
    try:
        t()
    except Exception as e:
        print(f"{type(e).__name__}: {e}")
