settings = {"debug": True}
for key in ["secret", 0, None]:
    try:
        settings[key]
    except KeyError as e:
        print("missing", repr(e), str(e))
