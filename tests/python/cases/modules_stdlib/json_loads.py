import json
text = '{"user": {"id": 7, "roles": ["admin"]}, "ok": true, "n": null, "f": 1.5e2}'
obj = json.loads(text)
print(obj)
print(obj["user"]["roles"][0], type(obj["f"]).__name__)
print(json.loads("[1, 2.0, \"x\"]"))
