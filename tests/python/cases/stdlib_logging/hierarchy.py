# Loggers form a tree by dotted names; records propagate to the parents' handlers.
import logging
import sys

parent = logging.getLogger("app")
handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(logging.Formatter("%(name)s/%(levelname)s: %(message)s"))
parent.addHandler(handler)
parent.setLevel(logging.INFO)
child = logging.getLogger("app.views.cart")
print(child.parent is parent, child.getEffectiveLevel())
child.info("from the child")
middle = logging.getLogger("app.views")
print(child.parent is middle, middle.parent is parent)
child.propagate = False
child.warning("no handler of its own: the last resort on stderr")
print(parent.getChild("models").name, parent.hasHandlers(), logging.getLogger("other").hasHandlers())
