import itertools

sales = [3, 5, 2, 8, 1]
print(list(itertools.accumulate(sales)))
print(list(itertools.accumulate(sales, max)))
print(list(itertools.pairwise(sales)))
print(list(itertools.combinations(["ada", "bob", "cy"], 2)))
print(list(itertools.product("AB", [1, 2])))
print(list(itertools.chain.from_iterable([[1, 2], [3], []])))
print(list(itertools.zip_longest("abc", [1], fillvalue="-")))
print(list(itertools.compress("flask", [1, 0, 1, 0, 1])))
print(list(itertools.takewhile(lambda x: x < 5, sales)), list(itertools.dropwhile(lambda x: x < 5, sales)))
print(list(itertools.starmap(pow, [(2, 3), (3, 2)])))
