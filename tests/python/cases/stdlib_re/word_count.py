import re
from collections import Counter

text = "The session cookie, the session store; THE session!"
words = re.findall(r"[a-z']+", text.lower())
print(words)
print(Counter(words).most_common(2))
print(len(re.findall(r"\bsession\b", text, re.I)))
