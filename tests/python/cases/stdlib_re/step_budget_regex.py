import re

# Patterns that backtrack a lot but still finish quickly on short inputs.
print(re.match(r"(a|aa)+$", "a" * 12 + "b"))
print(re.match(r"(\w+\d+)+C", "12345678901234567890z"))
print(re.match(r"(a+)+b", "a" * 15))
