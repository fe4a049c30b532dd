def risky():
    raise ValueError("bad value")
try:
    try:
        risky()
    except ValueError:
        print("logging and re-raising")
        raise
except ValueError as e:
    print("caught again:", e)
