# contextlib.suppress: ignore one kind of error on purpose.
from contextlib import suppress, nullcontext

cache = {"a": 1}
with suppress(KeyError):
    del cache["missing"]
print("after suppress", cache)
with suppress(KeyError, ValueError):
    int("x")
print("ValueError suppressed too")
with nullcontext("value") as v:
    print(v)
try:
    with suppress(KeyError):
        [][1]
except IndexError as e:
    print("IndexError passes through:", e)
