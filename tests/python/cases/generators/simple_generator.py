def count_up(limit):
    n = 1
    while n <= limit:
        yield n
        n += 1
print(list(count_up(4)))
gen = count_up(2)
print(next(gen), next(gen))
print(next(gen, "exhausted"))
