items = ["a" "b", 1 2]
