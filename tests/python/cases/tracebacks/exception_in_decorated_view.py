from functools import wraps
def log_calls(f):
    @wraps(f)
    def wrapper(*args):
        print("calling", f.__name__)
        return f(*args)
    return wrapper
@log_calls
def show(post_id):
    posts = {1: "hello"}
    return posts[post_id]
print(show(1))
show(2)
