session = {"cart": {"apple": 2, "pear": 1}}
def remove_from_cart(item):
    cart = session.get("cart", {})
    if item not in cart:
        return f"{item} not in cart", 404
    cart[item] -= 1
    if cart[item] == 0:
        del cart[item]
    session["cart"] = cart
    return "ok", 200
for item in ["pear", "pear", "apple"]:
    print(remove_from_cart(item), session["cart"])
