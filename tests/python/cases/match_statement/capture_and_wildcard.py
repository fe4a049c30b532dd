def first(command):
    match command.split():
        case [action]:
            return f"single {action}"
        case [action, obj]:
            return f"{action} -> {obj}"
        case _:
            return "too many words"

print(first("look"))
print(first("take lamp"))
print(first("drop the lamp now"))

match 42:
    case n:
        print("captured", n)
print("n after match:", n)

match 99:
    case _:
        print("wildcard binds nothing")
print("_" in globals())
