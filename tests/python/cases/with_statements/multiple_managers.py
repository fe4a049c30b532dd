class Tag:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print(f"<{self.name}>")
    def __exit__(self, *args):
        print(f"</{self.name}>")
with Tag("html"), Tag("body"):
    print("content")
