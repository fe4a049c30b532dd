import logging
import sys

root_handler = logging.StreamHandler(sys.stdout)
root_handler.setFormatter(logging.Formatter("%(name)s> %(message)s"))
app = logging.getLogger("myapp")
app.addHandler(root_handler)
app.setLevel(logging.INFO)
db = logging.getLogger("myapp.db")
views = app.getChild("views")
db.info("connected")
views.info("rendered %s", "index.html")
db.debug("hidden")
db.setLevel(logging.DEBUG)
db.debug("now visible")
print(views.name, views.parent is app, db.getEffectiveLevel(), views.getEffectiveLevel())
