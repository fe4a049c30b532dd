for value in [0.125, 0.375, 2.675, 1.005, 1e-7, 123456789.5]:
    print("%.2f | %g | %s | %r" % (value, value, value, value))
