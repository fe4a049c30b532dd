n = 1234567.891
print(f"{n:.2f}")
print(f"{n:,.2f}")
print(f"{n:_.1f}")
print(f"{n:e}")
print(f"{n:.3e}")
print(f"{n:g}")
print(f"{0.000012345:g}")
print(f"{42:08.3f}")
