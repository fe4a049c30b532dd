import re

PHONE = re.compile(r"""
    ^\(?(\d{3})\)?   # area code
    [\s.-]?          # separator
    (\d{3})          # prefix
    [\s.-]?
    (\d{4})$         # line number
""", re.VERBOSE)

for number in ["(555) 123-4567", "555.123.4567", "5551234567", "555-12-34567"]:
    m = PHONE.match(number)
    print(number, m.groups() if m else None)
print(re.match(r"(?x) a b c # comment", "abc"))
print(re.match(r"(?x)a\ b[ ]c", "a b c"))
