counts = {}
print(counts.get("x"))
print(counts.get("x", 0))
counts.setdefault("x", 0)
counts["x"] += 1
print(counts.setdefault("x", 100))
print(counts.setdefault("items", []))
counts["items"].append("a")
print(counts)
