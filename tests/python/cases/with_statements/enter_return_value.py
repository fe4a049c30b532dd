class Opener:
    def __enter__(self):
        return {"status": "open"}
    def __exit__(self, *a):
        return None
with Opener() as state:
    print(state)
print(state)
