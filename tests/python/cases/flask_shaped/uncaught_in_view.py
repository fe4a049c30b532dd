session = {}
def cart_view():
    items = session["cart"]
    return f"{len(items)} items"
print(cart_view())
