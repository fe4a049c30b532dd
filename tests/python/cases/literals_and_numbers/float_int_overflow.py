huge = 2 ** 40 ** 3
cases = [
    lambda: 2.5 % huge,
    lambda: huge + 1.0,
    lambda: 1.5 * huge,
    lambda: huge / 2.0,
    lambda: 0.0 - huge,
    lambda: 2.0 ** huge,
    lambda: float(huge),
    lambda: 10 ** 400 * 0.0,
]
for case in cases:
    try:
        print(case())
    except OverflowError as e:
        print("OverflowError:", e)
print(1e308 < huge, 2.5 + 10 ** 300 > 1e299)
