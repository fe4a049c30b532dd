# Flattening with chain and pairing ragged rows with zip_longest.
from itertools import chain, zip_longest

menus = [["home", "about"], ["blog"], [], ["contact"]]
print(list(chain(*menus)), list(chain.from_iterable(menus)))
print(list(chain("ab", range(2), {"k": 1})))
headers = ["name", "email", "role"]
row = ["ada", "ada@example.com"]
print(dict(zip_longest(headers, row, fillvalue="-")))
print(list(zip_longest("abc", [1, 2], [True])))
print(list(zip_longest()))
