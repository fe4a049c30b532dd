def handle(event):
    match event:
        case {"type": "click", "x": x, "y": y}:
            return f"click at {x},{y}"
        case {"type": "key", "key": k, **rest}:
            return f"key {k} extra={rest}"
        case {"type": t}:
            return f"unhandled {t}"
        case {}:
            return "empty or no type"

print(handle({"type": "click", "x": 1, "y": 2, "button": "left"}))
print(handle({"type": "key", "key": "a", "shift": True, "ctrl": False}))
print(handle({"type": "scroll"}))
print(handle({"other": 1}))
print(handle({}))
print(handle([("type", "click")]))
