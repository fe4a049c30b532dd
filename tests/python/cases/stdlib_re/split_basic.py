import re

print(re.split(r"\s*,\s*", "a , b,c ,  d"))
print(re.split(r"(,)", "a,b,c"))
print(re.split(r"[;,]", "a;b,c", maxsplit=1))
print(re.split(r"(-)|(\+)", "1-2+3"))
print(re.split(r"\b", "hello world"))
print(re.split(r"x*", "axbc"))
print(re.split(r"\W+", "Words, words, words."))
