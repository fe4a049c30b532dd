name = "World"
print("Hello, %s!" % name)
print("%d items" % 3)
print("%s and %s" % ("this", "that"))
print("%r" % "quoted")
print("100%% sure" % ())
