items = [1, 2, 3]
for action in (lambda: items[3], lambda: items.index(9), lambda: [].pop(), lambda: items.remove(7)):
    try:
        action()
    except (IndexError, ValueError) as e:
        print(type(e).__name__ + ":", e)
