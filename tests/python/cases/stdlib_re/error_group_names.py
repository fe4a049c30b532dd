import re

for pattern in ["(?P<a>x)(?P=b)", "(?P<1x>a)", "(?P<n>a)(?P<n>b)", "(?P<>a)", "(?P<name", "(?P=x", "(?Px)", "(?P<a>(?P=a))", "(?P<a-b>c)"]:
    try:
        re.compile(pattern)
        print(pattern, "compiles")
    except re.error as e:
        print(f"{pattern!r}: {e}")
