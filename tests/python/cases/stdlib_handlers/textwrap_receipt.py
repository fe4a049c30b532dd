import textwrap

items = [("Espresso", 2.5), ("Blueberry muffin with extra crumble topping", 3.75), ("Water", 0)]
width = 28
print("=" * width)
for name, price in items:
    lines = textwrap.wrap(name, width - 8)
    print(f"{lines[0]:<{width - 8}}{price:>8.2f}")
    for more in lines[1:]:
        print("  " + more)
print("=" * width)
print(textwrap.fill("Thank you for shopping with us. Come back soon!", width))
