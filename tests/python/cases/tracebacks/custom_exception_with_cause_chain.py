class DatabaseError(Exception):
    pass
def query(sql):
    raise ConnectionError("connection refused")
def get_user(uid):
    try:
        return query(f"SELECT * FROM users WHERE id={uid}")
    except ConnectionError as e:
        raise DatabaseError(f"could not load user {uid}") from e
get_user(7)
