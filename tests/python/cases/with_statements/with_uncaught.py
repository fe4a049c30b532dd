class Resource:
    def __enter__(self):
        print("open")
        return self
    def __exit__(self, exc_type, exc, tb):
        print("close")
with Resource():
    print("using")
    raise RuntimeError("resource failed")
