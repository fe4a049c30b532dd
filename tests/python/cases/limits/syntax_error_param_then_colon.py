def total(a, :
    return a
