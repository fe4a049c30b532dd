# Two shortest strings can read back as the same float; repr takes the nearer one,
# and on an exact tie the one ending in an even digit.
x = -0.75 + 1000 ** 5
print(x, repr(x), str(x))
print(999999999999999.25, 999999999999999.75, 1125899906842624.25)
print([1273880296232232.25, 919634718657668.25, 205151594903169.125])
print(f"{x}", format(x, ""), "%r" % x, "%s" % x)
print(2.9802322387695312e-08, 2 ** -25)
total = 0.0
for cents in (999999999999999, 0.25, 0.125, 0.125):
    total += cents
    print(total)
