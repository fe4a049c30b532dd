greeting = "Grüße"
print(f"{greeting}!")
print(f"{'ÄÖü'} {len('x\ny')}")
