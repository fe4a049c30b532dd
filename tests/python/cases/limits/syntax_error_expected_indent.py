if True:
print("oops")
