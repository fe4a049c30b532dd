distances = {}
distances[("paris", "rome")] = 1105
distances[("rome", "paris")] = 1105
print(distances[("paris", "rome")])
print(distances)
print(hash((1, 2)) == hash((1, 2)))
