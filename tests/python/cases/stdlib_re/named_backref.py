import re

print(re.search(r"(?P<word>\w+) (?P=word)", "it is is a test").group())
print(re.findall(r"(\w)\1", "aabbcdde"))
print(re.sub(r"\b(\w+)( \1\b)+", r"\1", "the the the cat sat sat down"))
print(re.match(r"(?P<q>['\"]).*?(?P=q)", "'quoted' rest").group())
