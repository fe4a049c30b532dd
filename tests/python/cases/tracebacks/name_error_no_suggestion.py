print("before")
print(zzzqqq)
