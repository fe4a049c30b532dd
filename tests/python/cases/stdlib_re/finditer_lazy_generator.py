import re

it = re.finditer(r"\w+", "one two three")
print(type(it).__name__ in ("callable_iterator", "generator"))
first = next(it)
print(first.group(), [m.group() for m in it])
total = sum(int(m.group()) for m in re.finditer(r"\d+", "1+22+333"))
print(total)
