def grade(score):
    match score:
        case int(s) | float(s) if s >= 90:
            return "A"
        case int(s) | float(s) if s >= 80:
            return "B"
        case int(s) | float(s) if 0 <= s < 80:
            return "C"
        case _:
            return "invalid"

for s in [95, 85.5, 40, -1, "90"]:
    print(s, grade(s))

match [1, 2]:
    case [x, y] if x > y:
        print("descending")
    case [x, y]:
        print("not descending; guard saw", x, y)
print("names from a failed guard stay bound:", x, y)
