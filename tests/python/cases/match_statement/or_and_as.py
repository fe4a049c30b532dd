def parse(cmd):
    match cmd.split():
        case ["go", ("north" | "south" | "east" | "west") as direction]:
            return f"going {direction}"
        case ["quit" | "exit" | "q"]:
            return "bye"
        case [("get" | "take") as verb, *objects] if objects:
            return f"{verb}: {', '.join(objects)}"
        case [verb, *_] as words:
            return f"unknown verb {verb!r} in {words}"
        case []:
            return "say something"

for c in ["go north", "go up", "quit", "q", "take key lamp", "get", "dance now", ""]:
    print(repr(c), "->", parse(c))
