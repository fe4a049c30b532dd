import re

text = "key1=value1; key2=value2;key3 = value3"
print(re.findall(r"\w+", text))
print(re.findall(r"(\w+)=(\w+)", text))
print(re.findall(r"(\w+)\s*=", text))
print(re.findall(r"(a)|(b)", "abc"))
print(re.findall(r"", "ab"))
print(re.findall(r"a*", "baaac"))
