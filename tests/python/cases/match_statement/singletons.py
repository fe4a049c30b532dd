def kind(v):
    match v:
        case None:
            return "None"
        case True:
            return "True"
        case False:
            return "False"
        case 1:
            return "one"
        case 0:
            return "zero"
    return "no match"

for v in [None, True, False, 1, 0, 1.0, 0.0, [], ""]:
    print(repr(v), kind(v))
