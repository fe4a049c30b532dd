# deepcopy keeps shared references shared and copes with cycles.
import copy

shared = [0]
data = {"a": shared, "b": shared}
clone = copy.deepcopy(data)
print(clone["a"] is clone["b"], clone["a"] is shared)
loop = [1, 2]
loop.append(loop)
twin = copy.deepcopy(loop)
print(twin[2] is twin, twin[:2], twin is loop)
node = {"name": "root", "children": []}
node["children"].append({"name": "leaf", "parent": node})
tree = copy.deepcopy(node)
print(tree["children"][0]["parent"] is tree, tree["children"][0]["name"])
