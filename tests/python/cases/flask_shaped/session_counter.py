session = {}
def index():
    session["visits"] = session.get("visits", 0) + 1
    return f"You have visited {session['visits']} times"
for _ in range(3):
    print(index())
print(session)
