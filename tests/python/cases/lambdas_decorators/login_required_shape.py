from functools import wraps
session = {}
def login_required(view):
    @wraps(view)
    def wrapped(*args, **kwargs):
        if "user" not in session:
            return "redirect to /login"
        return view(*args, **kwargs)
    return wrapped
@login_required
def dashboard():
    return f"Welcome {session['user']}"
print(dashboard())
session["user"] = "ann"
print(dashboard())
print(dashboard.__name__)
