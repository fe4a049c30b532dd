name = "flask"
print(name())
