def tokens(items):
    for item in items:
        match item:
            case int(n) if n % 2 == 0:
                yield f"even {n}"
            case int(n):
                yield f"odd {n}"
            case str(s):
                yield from s
            case _:
                yield "?"

print(list(tokens([1, 2, "ab", None, 7])))
