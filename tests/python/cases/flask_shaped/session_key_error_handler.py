session = {"user_id": 7}
def profile():
    try:
        return f"Profile of {session['username']}"
    except KeyError as e:
        return f"Bad Request: missing session key {e}", 400
print(profile())
