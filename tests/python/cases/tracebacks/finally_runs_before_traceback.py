def handler():
    try:
        print("handling request")
        return {}["user"]
    finally:
        print("cleanup done")
handler()
