items = [3, 1, 2]
pritn(sorted(items))
