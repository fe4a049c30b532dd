class TodoList:
    def __init__(self):
        self.items = []
    def add(self, title):
        self.items.append({"title": title, "done": False})
    def complete(self, index):
        self.items[index]["done"] = True
    def pending(self):
        return [i["title"] for i in self.items if not i["done"]]
todos = TodoList()
for t in ["write", "test", "ship"]:
    todos.add(t)
todos.complete(1)
print(todos.pending())
print(len(todos.items))
