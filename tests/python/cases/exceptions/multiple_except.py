def parse(value):
    try:
        return int(value)
    except (TypeError, ValueError) as e:
        return f"{type(e).__name__}: {e}"
print(parse("12"))
print(parse("abc"))
print(parse(None))
print(parse([1]))
print(parse("1.5"))
