import re

NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
print(NUMBER.findall("x=3, y=-4.5, z=.5e10, w=+7E-3, 1e"))
print([float(n) for n in NUMBER.findall("1.5 2 -3e2")])
print(re.sub(r"(\d)(?=(\d{3})+(?!\d))", r"\1,", "1234567 and 89 and 1000"))
