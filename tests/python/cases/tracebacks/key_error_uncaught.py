session = {"user": "ann"}
print(session["user"])
print(session["cart"])
