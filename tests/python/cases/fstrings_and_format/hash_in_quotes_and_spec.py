count = 3
print(f"{'#'} and {count!r:#>5}")
print(f"{'# not a comment'!r:>20}", f"{count:#x}", f"{'a#b'.split('#')}")
