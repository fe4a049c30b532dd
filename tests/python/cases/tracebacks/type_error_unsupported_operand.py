data = {"a": 1}
result = data + {"b": 2}
