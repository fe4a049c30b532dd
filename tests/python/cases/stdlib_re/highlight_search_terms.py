import re

def highlight(text, term):
    pattern = re.compile(re.escape(term), re.IGNORECASE)
    return pattern.sub(lambda m: f"[{m.group(0)}]", text)

print(highlight("Flask uses a signed cookie. FLASK!", "flask"))
print(highlight("1+1 is 2, not 1+1=3", "1+1"))
print(highlight("nothing here", "xyz"))
