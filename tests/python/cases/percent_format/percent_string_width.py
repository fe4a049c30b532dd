rows = [("id", "name"), (1, "Ann"), (22, "Bartholomew")]
for a, b in rows:
    print("%-4s|%8s|%-.5s" % (a, b, b))
