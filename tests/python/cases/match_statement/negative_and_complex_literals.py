def sign(v):
    match v:
        case -1:
            return "minus one"
        case 0:
            return "zero"
        case 1.5:
            return "one and a half"
        case -2.5:
            return "minus two and a half"
    return "other"

for v in [-1, 0, 1.5, -2.5, 2]:
    print(v, sign(v))

match "a" "b":
    case "ab":
        print("implicit concatenation works in patterns too")
