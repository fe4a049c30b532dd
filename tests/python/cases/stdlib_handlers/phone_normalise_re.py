import re

def normalise_phone(raw):
    digits = re.sub(r"\D", "", raw)
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    if len(digits) != 10:
        return None
    return re.sub(r"(\d{3})(\d{3})(\d{4})", r"(\1) \2-\3", digits)

for raw in ["555-123-4567", "+1 (555) 987 6543", "12345", "555.000.1111 ext"]:
    print(repr(raw), "->", normalise_phone(raw))
