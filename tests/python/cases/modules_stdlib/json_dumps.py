import json
data = {"name": "Ann", "age": 30, "tags": ["a", "b"], "active": True, "score": None, "ratio": 0.5}
print(json.dumps(data))
print(json.dumps(data, indent=2))
print(json.dumps(data, sort_keys=True, separators=(",", ":")))
