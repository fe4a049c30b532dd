import re

def strong(password):
    return bool(re.match(r"^(?=.*[A-Z])(?=.*\d)(?=.*[^\w\s]).{8,}$", password))

for pw in ["weak", "Passw0rd!", "password1!", "PASSWORD!!1", "Sh0rt!"]:
    print(pw, strong(pw))
print(re.findall(r"\d+(?= dollars)", "10 dollars, 20 euros, 30 dollars"))
print(re.findall(r"\b\w+\b(?!\()", "print(x) + len(y) + z"))
