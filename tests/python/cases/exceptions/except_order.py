try:
    {}["missing"]
except LookupError as e:
    print("LookupError caught:", type(e).__name__, e)
try:
    [][0]
except (KeyError, IndexError) as e:
    print("caught", repr(e))
