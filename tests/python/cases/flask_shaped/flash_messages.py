session = {}
def flash(message, category="message"):
    session.setdefault("_flashes", []).append((category, message))
def get_flashed_messages(with_categories=False):
    flashes = session.pop("_flashes", [])
    return flashes if with_categories else [m for _, m in flashes]
flash("Saved!")
flash("Low disk", "warning")
print(get_flashed_messages(with_categories=True))
print(get_flashed_messages())
