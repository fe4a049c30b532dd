# complex() from numbers and from strings.
print(complex(), complex(2), complex(2.5, -1), complex(1j, 1j), complex(1, 2j))
for text in ["1+2j", " 3j ", "(4-5j)", "-j", "+1.5e3-2.5E-2j", "inf+nanj", "7", "  ( 1-1j )  "]:
    print(repr(text), complex(text))
for bad in ["1+", "j1", "1 + 2j", "", "(1+2j", "abc"]:
    try:
        complex(bad)
    except ValueError as e:
        print(repr(bad), "->", e)
for args in [("1", 2), (1, "2"), ([],)]:
    try:
        complex(*args)
    except TypeError as e:
        print(args, "->", e)
