def describe(**info):
    for key, value in info.items():
        print(f"{key}: {value}")
    return len(info)
print(describe(name="Ann", role="admin"))
opts = {"color": "red", "size": 3}
print(describe(**opts, extra=True))
