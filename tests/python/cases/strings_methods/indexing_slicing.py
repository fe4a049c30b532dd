s = "Python"
print(s[0], s[-1])
print(s[1:4], s[:2], s[3:])
print(s[::-1])
print(s[::2])
print(s[10:20] == "")
print(len(s))
