width = 10
precision = 3
value = 3.14159265
print(f"{value:{width}.{precision}f}|")
print(f"{'hi':>{width}}|")
for w in (4, 6):
    print(f"{7:0{w}d}")
