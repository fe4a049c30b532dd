d = {}
for key in ["name", 42, ("a", 1), ""]:
    try:
        d[key]
    except KeyError as e:
        print(e, "|", repr(e), "|", e.args)
