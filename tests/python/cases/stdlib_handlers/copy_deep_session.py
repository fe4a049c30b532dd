import copy

session = {"user": "ada", "cart": [{"id": 1, "qty": 2}], "prefs": {"theme": "dark"}}
shallow = copy.copy(session)
deep = copy.deepcopy(session)
session["cart"][0]["qty"] = 5
session["prefs"]["theme"] = "light"
session["user"] = "bob"
print(shallow)
print(deep)
print(shallow["cart"] is session["cart"], deep["cart"] is session["cart"])
