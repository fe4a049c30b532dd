print(b"%s=%d" % (b"count", 3))
print(b"%05.1f" % 2.25)
print("%s" % b"raw")
