import re

table = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
print("Grüße aus Köln".translate(table))
strip_punct = str.maketrans("", "", "!?.,")
print("Hi!! How are you? Fine.".translate(strip_punct))
swap = str.maketrans("abc", "xyz")
print("aabbcc".translate(swap), re.sub(r"[xyz]", "-", "aabbcc".translate(swap)))
