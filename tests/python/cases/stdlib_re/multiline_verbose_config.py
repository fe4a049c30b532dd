import re

config = """
# comment
host = localhost
port=5000
debug = true
"""
ENTRY = re.compile(r"""
    ^\s*(?P<key>[a-z_]+)   # the key
    \s*=\s*
    (?P<value>.*?)\s*$    # the value
""", re.M | re.X)
print({m["key"]: m["value"] for m in ENTRY.finditer(config)})
