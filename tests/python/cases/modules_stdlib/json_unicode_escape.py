import json
print(json.dumps({"city": "Zürich", "emoji": "☕"}))
print(json.dumps({"city": "Zürich"}, ensure_ascii=False))
print(json.dumps("line\nbreak\t\"quoted\""))
print(json.dumps([1, (2, 3)]))
print(json.dumps({1: "int key", "k": [] }))
