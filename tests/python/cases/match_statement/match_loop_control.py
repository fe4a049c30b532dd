for item in [1, "skip", 2, "stop", 3]:
    match item:
        case "skip":
            continue
        case "stop":
            break
        case n:
            print("got", n)
else:
    print("no break")
print("done")

def first_str(items):
    for it in items:
        match it:
            case str():
                return it
    return None

print(first_str([1, 2, "x", "y"]), first_str([]))
