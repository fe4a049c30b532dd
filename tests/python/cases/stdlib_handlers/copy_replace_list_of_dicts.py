import copy
import operator

rows = [{"id": 1, "tags": ["a"]}, {"id": 2, "tags": []}]
snapshot = copy.deepcopy(rows)
rows[0]["tags"].append("b")
rows.append({"id": 3, "tags": []})
print(rows)
print(snapshot)
clone = copy.copy(rows)
clone.sort(key=operator.itemgetter("id"), reverse=True)
print([r["id"] for r in clone], [r["id"] for r in rows], clone[2] is rows[0])
