def lookup(d, key):
    try:
        return d[key]
    except KeyError:
        raise LookupError(f"no {key}") from None
lookup({}, "x")
