import json
todos = [{"id": 1, "title": "write", "done": False}]
def create_todo(payload):
    if "title" not in payload:
        return json.dumps({"error": "title is required"}), 400
    todo = {"id": len(todos) + 1, "title": payload["title"], "done": False}
    todos.append(todo)
    return json.dumps(todo), 201
print(create_todo({}))
print(create_todo({"title": "test"}))
print(json.dumps(todos))
