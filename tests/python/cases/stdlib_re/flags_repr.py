import re

print(re.I, re.M, re.IGNORECASE | re.MULTILINE)
print(repr(re.S | re.X), repr(re.A | re.I))
print(int(re.I | re.S), re.I == 2, re.VERBOSE.value)
print(re.NOFLAG, int(re.NOFLAG))
print(re.DOTALL & re.DOTALL, re.I & re.M)
