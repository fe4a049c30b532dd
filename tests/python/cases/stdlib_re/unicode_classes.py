import re

text = "Ångström 42 日本語 ٤٢ x_y\tz"
print(re.findall(r"\w+", text))
print(re.findall(r"\d+", text))
print(re.findall(r"\S+", text))
print(re.findall(r"[^\W\d_]+", text))
print(re.sub(r"\W", "#", "a-b c!d"))
