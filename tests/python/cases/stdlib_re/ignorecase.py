import re

print(re.findall(r"flask", "Flask FLASK flask fLaSk", re.IGNORECASE))
print(re.match(r"(?i)hello", "HeLLo").group())
print(re.match(r"[a-c]+", "ABCabc", re.I).group())
print(re.sub(r"the", "a", "The cat and the hat", flags=re.I))
print(bool(re.match(r"straße", "STRASSE", re.I)), bool(re.match(r"é", "É", re.I)))
print(re.match(r"(?i:a)b", "Ab"), re.match(r"(?i:a)b", "AB"))
