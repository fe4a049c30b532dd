def handler(session):
    if 'visits' in session:
        session['visits'] += 1
    else:
        session['visits'] = 1
    return f"Visit number: {session['visits']}"


def loop(session, n):
    for _ in range(n):
        handler(session)
