import itertools
import operator

rows = [{"dept": "eng", "name": "ada", "salary": 120}, {"dept": "ops", "name": "bob", "salary": 90},
        {"dept": "eng", "name": "cy", "salary": 100}]
get = operator.itemgetter("dept", "name")
print([get(r) for r in rows])
rows.sort(key=operator.itemgetter("dept", "salary"))
for dept, group in itertools.groupby(rows, operator.itemgetter("dept")):
    group = list(group)
    print(dept, max(group, key=operator.itemgetter("salary"))["name"], sum(map(operator.itemgetter("salary"), group)))
