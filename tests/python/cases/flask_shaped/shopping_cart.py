session = {}
CATALOG = {"apple": 0.5, "bread": 2.25}
def add_to_cart(item, qty=1):
    cart = session.setdefault("cart", {})
    cart[item] = cart.get(item, 0) + qty
    return cart
def total():
    return sum(CATALOG[i] * q for i, q in session.get("cart", {}).items())
add_to_cart("apple", 3)
add_to_cart("bread")
add_to_cart("apple")
print(session["cart"])
print(f"Total: ${total():.2f}")
