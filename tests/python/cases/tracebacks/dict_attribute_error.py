data = {"name": "Ann"}
if data.has_key("name"):
    print("found")
