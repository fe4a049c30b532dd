config = {"debug": True}
match config:
    case {"debug": True, "debug": False}:
        print("impossible")
