def read_lines():
    for line in ["a=1", "# comment", "b=2", ""]:
        yield line
def parse(lines):
    for line in lines:
        if line and not line.startswith("#"):
            key, value = line.split("=")
            yield key, int(value)
print(dict(parse(read_lines())))
