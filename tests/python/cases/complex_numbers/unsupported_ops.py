# Operations complex numbers do not have.
a = 1 + 2j
for label, fn in [
    ("<", lambda: a < 2),
    (">=", lambda: 1j >= 1j),
    ("%", lambda: a % 2),
    ("//", lambda: a // 2),
    ("divmod", lambda: divmod(a, 1)),
    ("int", lambda: int(a)),
    ("float", lambda: float(a)),
    ("round", lambda: round(a)),
    ("zero", lambda: a / 0),
    ("zero power", lambda: 0j ** -1),
    ("bitand", lambda: a & 1),
]:
    try:
        print(label, fn())
    except (TypeError, ZeroDivisionError) as e:
        print(label, type(e).__name__, e)
print(sorted([1j, 2j]))
