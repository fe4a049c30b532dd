#!/usr/bin/env python3
"""Writes the multi-file project scenarios (tests/flask_layer/scenarios/project_*.json) of issue
18: flaskr-shaped apps, blueprints, class-based views, JSON APIs, config from files.

Only inputs live here (an app, its project files, the learner's steps); the expected
transcripts come from REAL Flask 3.1.3 + Jinja2 3.1.6 through the oracle
(tests/flask_layer/regenerate.sh), never from this file. One input is made by real Werkzeug: a
stored password hash (with a fixed salt, so the file does not change), which is why this runs
with the oracle's interpreter:

    tests/oracle/.venv/bin/python tests/flask_layer/make_project_scenarios.py && tests/flask_layer/regenerate.sh
"""

import json
import os

from werkzeug.security import _hash_internal

HERE = os.path.dirname(os.path.abspath(__file__))
SCENARIOS = {}


def scenario(name, code, steps, files=None, clock=None):
    data = {"version": 1, "code": code.lstrip("\n")}
    if files:
        data["files"] = {path: text.lstrip("\n") for path, text in files.items()}
    if clock:
        data["clock"] = clock
    data["steps"] = steps
    SCENARIOS["project_" + name] = data


def get(path, **extra):
    return dict({"request": "GET " + path}, **extra)


def post(path, form=None, json_body=None, headers=None, method="POST", **extra):
    request = {"method": method, "path": path}
    if form is not None:
        request["form"] = form
    if json_body is not None:
        request["json"] = json_body
    if headers:
        request["headers"] = headers
    return dict({"request": request}, **extra)


# ---------------------------------------------------------------------------------------------
# The flaskr tutorial's shape: an app factory, instance config, an auth and a blog blueprint,
# login_required, g.user, flash, templates with url_for.
# ---------------------------------------------------------------------------------------------

FLASKR = '''
import functools
import hashlib

from flask import (Blueprint, Flask, flash, g, redirect, render_template, request, session,
                   url_for, abort)

USERS = {}
POSTS = []


def hashed(password):
    return hashlib.sha256(password.encode()).hexdigest()


auth = Blueprint("auth", __name__, url_prefix="/auth")


@auth.route("/register", methods=("GET", "POST"))
def register():
    if request.method == "POST":
        username = request.form["username"]
        password = request.form["password"]
        error = None
        if not username:
            error = "Username is required."
        elif not password:
            error = "Password is required."
        elif username in USERS:
            error = f"User {username} is already registered."
        if error is None:
            USERS[username] = {"id": len(USERS) + 1, "username": username,
                               "password": hashed(password)}
            return redirect(url_for("auth.login"))
        flash(error)
    return render_template("auth/register.html")


@auth.route("/login", methods=("GET", "POST"))
def login():
    if request.method == "POST":
        user = USERS.get(request.form["username"])
        error = None
        if user is None:
            error = "Incorrect username."
        elif user["password"] != hashed(request.form["password"]):
            error = "Incorrect password."
        if error is None:
            session.clear()
            session["user_id"] = user["id"]
            return redirect(url_for("index"))
        flash(error)
    return render_template("auth/login.html")


@auth.before_app_request
def load_logged_in_user():
    user_id = session.get("user_id")
    g.user = None
    for user in USERS.values():
        if user["id"] == user_id:
            g.user = user


@auth.route("/logout")
def logout():
    session.clear()
    return redirect(url_for("index"))


def login_required(view):
    @functools.wraps(view)
    def wrapped_view(**kwargs):
        if g.user is None:
            return redirect(url_for("auth.login"))
        return view(**kwargs)

    return wrapped_view


blog = Blueprint("blog", __name__)


@blog.route("/")
def index():
    return render_template("blog/index.html", posts=POSTS[::-1])


@blog.route("/create", methods=("GET", "POST"))
@login_required
def create():
    if request.method == "POST":
        title = request.form["title"]
        if not title:
            flash("Title is required.")
        else:
            POSTS.append({"id": len(POSTS) + 1, "title": title, "body": request.form["body"],
                          "author": g.user["username"], "author_id": g.user["id"]})
            return redirect(url_for("blog.index"))
    return render_template("blog/create.html")


def get_post(id, check_author=True):
    for post in POSTS:
        if post["id"] == id:
            if check_author and post["author_id"] != g.user["id"]:
                abort(403)
            return post
    abort(404, f"Post id {id} doesn't exist.")


@blog.route("/<int:id>/update", methods=("GET", "POST"))
@login_required
def update(id):
    post = get_post(id)
    if request.method == "POST":
        post["title"] = request.form["title"]
        post["body"] = request.form["body"]
        return redirect(url_for("blog.index"))
    return render_template("blog/update.html", post=post)


def create_app(test_config=None):
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_mapping(SECRET_KEY="dev", DATABASE="flaskr.sqlite")
    if test_config is None:
        app.config.from_pyfile("config.py", silent=True)
    else:
        app.config.from_mapping(test_config)

    @app.route("/hello")
    def hello():
        return f"Hello, World! {app.config['SECRET_KEY']} {app.config['DATABASE']}"

    app.register_blueprint(auth)
    app.register_blueprint(blog)
    app.add_url_rule("/", endpoint="index")
    return app
'''

FLASKR_FILES = {
    "instance/config.py": '''
SECRET_KEY = "from-the-instance-folder"
lower_case_is_ignored = True
''',
    "templates/base.html": '''
<!doctype html>
<title>{% block title %}{% endblock %} - Flaskr</title>
<nav>
  <h1><a href="{{ url_for('index') }}">Flaskr</a></h1>
  <ul>
    {% if g.user %}
      <li><span>{{ g.user['username'] }}</span>
      <li><a href="{{ url_for('auth.logout') }}">Log Out</a>
    {% else %}
      <li><a href="{{ url_for('auth.register') }}">Register</a>
      <li><a href="{{ url_for('auth.login') }}">Log In</a>
    {% endif %}
  </ul>
</nav>
<section class="content">
  <header>{% block header %}{% endblock %}</header>
  {% for message in get_flashed_messages() %}
    <div class="flash">{{ message }}</div>
  {% endfor %}
  {% block content %}{% endblock %}
</section>
''',
    "templates/auth/register.html": '''
{% extends 'base.html' %}
{% block header %}<h1>{% block title %}Register{% endblock %}</h1>{% endblock %}
{% block content %}
  <form method="post">
    <input name="username" id="username" required>
    <input type="password" name="password" id="password" required>
    <input type="submit" value="Register">
  </form>
{% endblock %}
''',
    "templates/auth/login.html": '''
{% extends 'base.html' %}
{% block header %}<h1>{% block title %}Log In{% endblock %}</h1>{% endblock %}
{% block content %}
  <form method="post" action="{{ url_for('.login') }}">
    <input name="username" id="username" required>
    <input type="password" name="password" id="password" required>
    <input type="submit" value="Log In">
  </form>
{% endblock %}
''',
    "templates/blog/index.html": '''
{% extends 'base.html' %}
{% block header %}
  <h1>{% block title %}Posts{% endblock %}</h1>
  {% if g.user %}<a class="action" href="{{ url_for('blog.create') }}">New</a>{% endif %}
{% endblock %}
{% block content %}
  {% for post in posts %}
    <article class="post">
      <h1>{{ post['title'] }}</h1>
      <div class="about">by {{ post['author'] }}</div>
      {% if g.user['id'] == post['author_id'] %}
        <a class="action" href="{{ url_for('blog.update', id=post['id']) }}">Edit</a>
      {% endif %}
      <p class="body">{{ post['body'] }}</p>
    </article>
    {% if not loop.last %}<hr>{% endif %}
  {% else %}
    <p>No posts yet.</p>
  {% endfor %}
{% endblock %}
''',
    "templates/blog/create.html": '''
{% extends 'base.html' %}
{% block header %}<h1>{% block title %}New Post{% endblock %}</h1>{% endblock %}
{% block content %}
  <form method="post">
    <input name="title" id="title" value="{{ request.form['title'] }}" required>
    <textarea name="body" id="body">{{ request.form['body'] }}</textarea>
    <input type="submit" value="Save">
  </form>
{% endblock %}
''',
    "templates/blog/update.html": '''
{% extends 'base.html' %}
{% block header %}<h1>{% block title %}Edit "{{ post['title'] }}"{% endblock %}</h1>{% endblock %}
{% block content %}
  <form method="post">
    <input name="title" id="title" value="{{ request.form['title'] or post['title'] }}" required>
    <textarea name="body" id="body">{{ request.form['body'] or post['body'] }}</textarea>
    <input type="submit" value="Save">
  </form>
{% endblock %}
''',
}

scenario("flaskr_factory_instance_config_auth_and_blog_blueprints", FLASKR, [
    get("/hello"),
    get("/"),
    get("/create"),
    get("/auth/register"),
    post("/auth/register", form={"username": "", "password": "x"}),
    post("/auth/register", form={"username": "alice", "password": "wonderland"}),
    post("/auth/register", form={"username": "alice", "password": "again"}),
    post("/auth/login", form={"username": "bob", "password": "x"}),
    post("/auth/login", form={"username": "alice", "password": "nope"}),
    post("/auth/login", form={"username": "alice", "password": "wonderland"}),
    get("/create"),
    post("/create", form={"title": "", "body": "no title"}),
    post("/create", form={"title": "Hello <world>", "body": "First & best"}),
    post("/create", form={"title": "Second", "body": "more"}),
    get("/1/update"),
    post("/1/update", form={"title": "Hello again", "body": "edited"}),
    get("/7/update"),
    post("/auth/register", form={"username": "mallory", "password": "m"}, browser="mallory"),
    post("/auth/login", form={"username": "mallory", "password": "m"}, browser="mallory"),
    get("/1/update", browser="mallory"),
    get("/", browser="mallory"),
    get("/auth/logout"),
    get("/"),
], files=FLASKR_FILES)


# ---------------------------------------------------------------------------------------------
# Blueprints: prefixes, names, relative url_for, nesting, the errors Flask raises.
# ---------------------------------------------------------------------------------------------

scenario("blueprint_prefixes_names_nesting_and_collisions", '''
from flask import Flask, Blueprint, url_for, request, jsonify

app = Flask(__name__)
api = Blueprint("api", __name__, url_prefix="/api/v1/")


@api.route("/")
def root():
    return jsonify(here=url_for(".root"), items=url_for(".items"), bp=request.blueprint,
                   bps=request.blueprints, endpoint=request.endpoint,
                   external=url_for("api.item", n=3, _external=True), app=url_for("index"))


@api.route("/relative")
def relative():
    # ".index" inside the blueprint means "api.index", which does not exist.
    return url_for(".index")


@api.get("/items")
def items():
    return jsonify([url_for(".item", n=n, page=n * 2) for n in range(3)])


@api.route("/items/<int:n>")
def item(n):
    return f"item {n} at {request.path} ({request.endpoint})"


admin = Blueprint("admin", __name__)


@admin.route("dash")
def dash():
    return f"{request.blueprint}: {url_for('.dash')} {url_for('admin.dash')} {request.path}"


@admin.route("")
def home():
    return f"{request.blueprint} home: {url_for('.home')}"


parent = Blueprint("parent", __name__, url_prefix="/parent")
child = Blueprint("child", __name__, url_prefix="/child")


@child.route("/leaf")
def leaf():
    return jsonify(bp=request.blueprint, bps=request.blueprints, endpoint=request.endpoint,
                   me=url_for(".leaf"), full=url_for("parent.child.leaf"))


parent.register_blueprint(child)


@app.route("/")
def index():
    return jsonify(bp=request.blueprint, bps=request.blueprints, relative=url_for(".index"),
                   names=sorted(app.blueprints), rules=sorted(app.view_functions))


errors = []
app.register_blueprint(api)
app.register_blueprint(admin, url_prefix="/admin")
app.register_blueprint(admin, name="staff", url_prefix="/staff/")
app.register_blueprint(parent)
app.register_blueprint(parent, name="again", url_prefix="/again")
for attempt in (
    lambda: app.register_blueprint(admin, url_prefix="/x"),
    lambda: app.register_blueprint(Blueprint("api", __name__)),
    lambda: Blueprint("", __name__),
    lambda: Blueprint("a.b", __name__),
    lambda: Blueprint("fresh", __name__).add_url_rule("/x", "a.b", lambda: "x"),
    lambda: parent.register_blueprint(parent),
    lambda: Blueprint("selfish", __name__).register_blueprint(admin) or admin.route("/late"),
    lambda: api.errorhandler(500),
):
    try:
        attempt()
        errors.append(None)
    except (ValueError, AssertionError) as e:
        errors.append(f"{type(e).__name__}: {e}")

selfish = Blueprint("selfish", __name__)
try:
    selfish.register_blueprint(selfish)
except ValueError as e:
    errors.append(str(e))

outer = Blueprint("outer", __name__, url_prefix="/outer")
inner = Blueprint("inner", __name__)
outer.register_blueprint(inner)
outer.register_blueprint(inner)
try:
    app.register_blueprint(outer)
except ValueError as e:
    errors.append(str(e))


@app.route("/errors")
def show_errors():
    return jsonify(errors)
''', [
    get("/"),
    get("/api/v1/"),
    get("/api/v1"),
    get("/api/v1/items"),
    get("/api/v1/items/2?x=1"),
    get("/api/v1/relative"),
    get("/admin/dash"),
    get("/admin"),
    get("/staff/dash"),
    get("/staff"),
    get("/parent/child/leaf"),
    get("/again/child/leaf"),
    get("/errors"),
])


# ---------------------------------------------------------------------------------------------
# Blueprint hooks, error handlers and context processors, and where each one applies.
# ---------------------------------------------------------------------------------------------

scenario("blueprint_hooks_error_handlers_and_context_processors", '''
from flask import Flask, Blueprint, g, request, abort, render_template, render_template_string

app = Flask(__name__)
shop = Blueprint("shop", __name__, url_prefix="/shop", template_folder="shop_templates")
blog = Blueprint("blog", __name__, url_prefix="/blog")


def trail(what):
    g.setdefault("trail", []).append(what)


@app.before_request
def app_before():
    trail("app.before")


@shop.before_request
def shop_before():
    trail("shop.before")
    if request.args.get("stop"):
        return "stopped by the shop's before_request", 409


@shop.before_app_request
def shop_before_app():
    trail("shop.before_app")


@blog.before_request
def blog_before():
    trail("blog.before")


@app.after_request
def app_after(response):
    response.headers["X-App-After"] = "/".join(g.get("trail", []))
    return response


@shop.after_request
def shop_after(response):
    response.headers["X-Shop-After"] = "1"
    trail("shop.after")
    return response


@shop.after_app_request
def shop_after_app(response):
    response.headers["X-Shop-After-App"] = str(len(g.get("trail", [])))
    return response


@app.context_processor
def app_values():
    return {"site": "app", "section": "none"}


@shop.context_processor
def shop_values():
    return {"section": "shop"}


@shop.app_context_processor
def everywhere():
    return {"motto": "buy things"}


@shop.app_template_filter("money")
def money(cents):
    return f"${cents / 100:.2f}"


@shop.errorhandler(404)
def shop_missing(e):
    return render_template("shop/missing.html", what=e.description), 404


@shop.errorhandler(ZeroDivisionError)
def shop_division(e):
    return f"shop could not divide: {e}", 400


@shop.app_errorhandler(410)
def gone(e):
    return f"gone ({request.blueprint}): {e.description}", 410


@app.errorhandler(404)
def app_missing(e):
    return f"app 404 for {request.path} (blueprint {request.blueprint})", 404


@shop.route("/item/<int:n>")
def item(n):
    if n == 0:
        abort(404, "no item zero")
    if n == 1:
        return str(1 / 0)
    if n == 2:
        abort(410, "sold out")
    return render_template("shop/item.html", n=n, price=n * 250)


@shop.route("/page")
def shop_page():
    return render_template("page.html")


@blog.route("/post/<int:n>")
def post(n):
    if n == 0:
        abort(404)
    if n == 1:
        return str(1 / 0)
    if n == 2:
        abort(410, "deleted")
    return render_template_string("{{ site }} {{ section }} {{ motto }} {{ 1999|money }}")


@app.route("/page")
def page():
    return render_template("page.html")


app.register_blueprint(shop)
app.register_blueprint(blog)
''', [
    get("/shop/item/5"),
    get("/shop/item/5?stop=1"),
    get("/shop/item/0"),
    get("/shop/item/1"),
    get("/shop/item/2"),
    get("/shop/nothing-here"),
    get("/shop/page"),
    get("/blog/post/5"),
    get("/blog/post/0"),
    get("/blog/post/1"),
    get("/blog/post/2"),
    get("/page"),
], files={
    "shop_templates/shop/item.html": '''
{{ site }}/{{ section }}/{{ motto }}: item {{ n }} costs {{ price|money }}
''',
    "shop_templates/shop/missing.html": '''
<p>Not in the shop ({{ section }}): {{ what }}</p>
''',
    "shop_templates/page.html": '''
the shop's page.html
''',
    "templates/page.html": '''
the app's page.html ({{ section }}) wins over the blueprint's
''',
})


# ---------------------------------------------------------------------------------------------
# Two blueprints with template folders: Flask searches the app's folder first, then each
# blueprint's in registration order, so an unprefixed name is shadowed (the docs' advice:
# put a blueprint's templates in a subfolder named after it).
# ---------------------------------------------------------------------------------------------

scenario("blueprint_template_folders_search_order", '''
from flask import Flask, Blueprint, render_template
from jinja2 import TemplateNotFound

app = Flask(__name__)
admin = Blueprint("admin", __name__, url_prefix="/admin", template_folder="admin/templates")
shop = Blueprint("shop", __name__, url_prefix="/shop", template_folder="shop/templates")


@admin.route("/")
def admin_index():
    return render_template("index.html", who="admin")


@admin.route("/own")
def admin_own():
    return render_template("admin/index.html", who="admin")


@shop.route("/")
def shop_index():
    return render_template("index.html", who="shop")


@shop.route("/own")
def shop_own():
    return render_template("shop/index.html", who="shop")


@shop.route("/layout")
def shop_layout():
    return render_template("shop/page.html", who="shop")


@app.route("/missing")
def missing():
    try:
        return render_template("nowhere.html")
    except TemplateNotFound as e:
        return f"{type(e).__name__}: {e}"


app.register_blueprint(admin)
app.register_blueprint(shop)
''', [
    get("/admin/"),
    get("/admin/own"),
    get("/shop/"),
    get("/shop/own"),
    get("/shop/layout"),
    get("/missing"),
], files={
    "admin/templates/index.html": "admin's index.html rendered for {{ who }}\n",
    "admin/templates/admin/index.html": "admin/index.html rendered for {{ who }}\n",
    "shop/templates/index.html": "shop's index.html rendered for {{ who }}\n",
    "shop/templates/shop/index.html": "shop/index.html rendered for {{ who }}\n",
    "shop/templates/shop/page.html": "{% extends 'layout.html' %}{% block body %}shop page for {{ who }}{% endblock %}\n",
    "templates/layout.html": "<main>{% block body %}{% endblock %}</main>\n",
})


# ---------------------------------------------------------------------------------------------
# Class-based views: View, MethodView, as_view, methods, decorators, init_every_request.
# ---------------------------------------------------------------------------------------------

scenario("class_based_views_view_and_methodview", '''
from flask import Flask, request, jsonify, url_for
from flask.views import View, MethodView

app = Flask(__name__)


class Greeting(View):
    methods = ["GET", "POST"]

    def __init__(self, word):
        self.word = word
        self.calls = 0

    def dispatch_request(self, name="world"):
        self.calls += 1
        return f"{self.word}, {name}! ({request.method}, call {self.calls})"


app.add_url_rule("/hello/", view_func=Greeting.as_view("hello", "Hello"))
app.add_url_rule("/hello/<name>", view_func=Greeting.as_view("hello_name", "Hi"))


class Counter(View):
    init_every_request = False

    def __init__(self):
        self.count = 0

    def dispatch_request(self):
        self.count += 1
        return f"count {self.count}"


app.add_url_rule("/count", view_func=Counter.as_view("count"))


def shout(view):
    def wrapper(**kwargs):
        return view(**kwargs).upper()

    return wrapper


def bracket(view):
    def wrapper(**kwargs):
        return "[" + view(**kwargs) + "]"

    return wrapper


class Loud(View):
    decorators = [shout, bracket]

    def dispatch_request(self):
        return "quiet words"


app.add_url_rule("/loud", view_func=Loud.as_view("loud"))


class Base(MethodView):
    def get(self):
        return f"get from {type(self).__name__}"


class Child(Base):
    def post(self):
        return f"post to {type(self).__name__}"

    def delete(self):
        return "", 204


class Partial(MethodView):
    methods = ["GET", "PUT"]

    def get(self):
        return "only get is written"


app.add_url_rule("/base", view_func=Base.as_view("base"))
app.add_url_rule("/child", view_func=Child.as_view("child"))
app.add_url_rule("/partial", view_func=Partial.as_view("partial"))


@app.route("/info")
def info():
    view = app.view_functions["child"]
    return jsonify(
        base=sorted(Base.methods), child=sorted(Child.methods), view_methods=sorted(view.methods),
        view_class=view.view_class.__name__, name=view.__name__, method_view=MethodView.methods,
        greeting=Greeting.methods, urls=[url_for("hello"), url_for("hello_name", name="x y"),
                                         url_for("child")],
    )
''', [
    get("/hello/"),
    post("/hello/", form={"a": "1"}),
    get("/hello/Ada"),
    post("/hello/Ada", method="PUT"),
    get("/count"),
    get("/count"),
    get("/loud"),
    get("/base"),
    post("/base"),
    get("/child"),
    post("/child"),
    post("/child", method="DELETE"),
    {"request": {"method": "HEAD", "path": "/child"}},
    {"request": {"method": "OPTIONS", "path": "/child"}},
    post("/child", method="PATCH"),
    get("/partial"),
    post("/partial", method="PUT"),
    get("/info"),
])


# ---------------------------------------------------------------------------------------------
# A JSON API as Flask's docs write it: one MethodView class per shape of URL, registered by a
# helper; get_json, 400/415, 201 with Location, 204, JSON error handlers.
# ---------------------------------------------------------------------------------------------

scenario("json_api_methodview_items_crud", '''
from flask import Flask, request, jsonify, abort, url_for
from flask.views import MethodView

app = Flask(__name__)
ITEMS = {1: {"id": 1, "name": "apple", "price": 3}}


def validated(data):
    if not isinstance(data, dict):
        abort(400, "expected a JSON object")
    missing = [key for key in ("name", "price") if key not in data]
    if missing:
        abort(400, "missing: " + ", ".join(missing))
    if not isinstance(data["price"], int) or data["price"] < 0:
        abort(422, "price must be a non-negative integer")
    return {"name": data["name"], "price": data["price"]}


class ItemAPI(MethodView):
    init_every_request = False

    def _get_item(self, id):
        if id not in ITEMS:
            abort(404, f"no item {id}")
        return ITEMS[id]

    def get(self, id):
        return jsonify(self._get_item(id))

    def patch(self, id):
        item = self._get_item(id)
        item.update(validated(dict(item, **request.get_json())))
        return jsonify(item)

    def delete(self, id):
        self._get_item(id)
        del ITEMS[id]
        return "", 204


class GroupAPI(MethodView):
    init_every_request = False

    def get(self):
        return jsonify([ITEMS[key] for key in sorted(ITEMS)])

    def post(self):
        data = validated(request.get_json())
        new_id = max(ITEMS, default=0) + 1
        ITEMS[new_id] = dict(data, id=new_id)
        return jsonify(ITEMS[new_id]), 201, {"Location": url_for("item", id=new_id)}


def register_api(app, name):
    app.add_url_rule(f"/{name}/", view_func=GroupAPI.as_view(f"{name}-group"))
    app.add_url_rule(f"/{name}/<int:id>", view_func=ItemAPI.as_view(name))


register_api(app, "item")


@app.errorhandler(400)
@app.errorhandler(404)
@app.errorhandler(422)
def json_error(e):
    return jsonify(error=e.name, code=e.code, description=e.description), e.code


@app.route("/silent", methods=["GET", "POST"])
def silent():
    return jsonify(json=request.get_json(silent=True), is_json=request.is_json,
                   forced=request.get_json(force=True, silent=True),
                   text=request.get_data(as_text=True))
''', [
    get("/item/"),
    get("/item/1"),
    get("/item/9"),
    post("/item/", json_body={"name": "pear", "price": 4}),
    post("/item/", json_body={"name": "plum"}),
    post("/item/", json_body=["not", "an", "object"]),
    post("/item/", json_body={"name": "fig", "price": -1}),
    post("/item/", form={"name": "kiwi", "price": "2"}),
    post("/item/2", method="PATCH", json_body={"price": 5}),
    post("/item/2", method="PUT", json_body={"price": 5}),
    post("/item/1", method="DELETE"),
    post("/item/1", method="DELETE"),
    get("/item/"),
    get("/silent"),
    post("/silent", json_body={"x": [1, 2.5, None, True]}),
    post("/silent", form={"x": "1"}),
    {"request": {"method": "OPTIONS", "path": "/item/2"}},
])


# ---------------------------------------------------------------------------------------------
# app.config: Config's methods, a JSON file, a Python file, an object, a namespace; and the
# session settings they set, seen in the cookie.
# ---------------------------------------------------------------------------------------------

scenario("config_object_mapping_file_namespace_and_session", '''
import json
from datetime import timedelta
from flask import Flask, session, jsonify
from flask.config import Config


class BaseSettings:
    SECRET_KEY = "from-an-object"
    MYAPP_GREETING = "hello"
    lower_case = "ignored"


class ProdSettings(BaseSettings):
    MYAPP_MODE = "production"


app = Flask(__name__)
results = {}
results["defaults"] = repr(app.config)
results["type"] = [type(app.config).__name__, isinstance(app.config, dict), Config.__name__]
results["from_object"] = app.config.from_object(ProdSettings)
results["from_string"] = app.config.from_object("app.BaseSettings")
results["from_mapping"] = app.config.from_mapping({"MYAPP_LIMIT": 3, "lower": 1}, MYAPP_EXTRA=True)
results["from_file"] = app.config.from_file("settings.json", load=json.load)
results["missing_file"] = app.config.from_file("missing.json", load=json.load, silent=True)
results["from_pyfile"] = app.config.from_pyfile("settings.cfg")
results["missing_pyfile"] = app.config.from_pyfile("nope.cfg", silent=True)
results["prefixed_env"] = app.config.from_prefixed_env()
results["prefixed_env_myapp"] = app.config.from_prefixed_env("MYAPP")
results["envvar_silent"] = app.config.from_envvar("MYAPP_SETTINGS", silent=True)
try:
    app.config.from_envvar("MYAPP_SETTINGS")
except RuntimeError as e:
    results["envvar"] = str(e)
try:
    app.config.from_object("no_such_settings_module")
except ImportError as e:
    results["import_error"] = [type(e).__name__, str(e)]
results["namespace"] = app.config.get_namespace("MYAPP_")
results["namespace_raw"] = app.config.get_namespace("MYAPP_", lowercase=False, trim_namespace=False)
results["cookie_namespace"] = app.config.get_namespace("SESSION_COOKIE_")
results["keys"] = [key for key in app.config if key.startswith("MYAPP") or key == "FROM_CFG"]
results["lifetime"] = str(app.permanent_session_lifetime)
results["secret"] = app.secret_key
try:
    Flask(__name__, instance_path="relative/folder")
except ValueError as e:
    results["instance_path"] = str(e)


@app.route("/config")
def show():
    return jsonify(results)


@app.route("/login")
def login():
    session.permanent = True
    session["user"] = app.config["MYAPP_GREETING"]
    return f"logged in for {app.permanent_session_lifetime}"


@app.route("/me")
def me():
    return session.get("user", "nobody")
''', [
    get("/config"),
    get("/login"),
    get("/me"),
    {"advance_clock": 1000},
    get("/me"),
    {"advance_clock": 2000},
    get("/me"),
], files={
    "settings.json": '''
{"SESSION_COOKIE_NAME": "sid", "PERMANENT_SESSION_LIFETIME": 1800, "MYAPP_GREETING": "hi from json", "ignored": 1}
''',
    "settings.cfg": '''
# a Python file: its upper-case names become config
FROM_CFG = 6 * 7
SESSION_COOKIE_SAMESITE = "Lax"
helper = "not taken"
''',
})


# ---------------------------------------------------------------------------------------------
# Error handlers that render templates (the docs' custom error pages).
# ---------------------------------------------------------------------------------------------

scenario("error_pages_rendered_from_templates", '''
from flask import Flask, abort, render_template, request
from werkzeug.exceptions import HTTPException

app = Flask(__name__)


@app.errorhandler(404)
def page_not_found(e):
    return render_template("errors/404.html", path=request.path), 404


@app.errorhandler(500)
def internal_error(e):
    original = e.original_exception
    return render_template("errors/500.html", kind=type(original).__name__,
                           text=str(original)), 500


@app.errorhandler(HTTPException)
def any_http_error(e):
    return render_template("errors/generic.html", e=e), e.code


@app.route("/")
def index():
    return render_template("index.html")


@app.route("/secret")
def secret():
    abort(403, "Members <only>.")


@app.route("/teapot")
def teapot():
    abort(418)


@app.route("/crash")
def crash():
    return {"a": 1}["b"]


@app.route("/gone")
def gone():
    abort(404)


@app.route("/post", methods=["POST"])
def post_only():
    return "posted"
''', [
    get("/"),
    get("/nowhere/<b>"),
    get("/gone"),
    get("/secret"),
    get("/teapot"),
    get("/crash"),
    get("/post"),
], files={
    "templates/layout.html": '''
<!doctype html>
<title>{% block title %}Site{% endblock %}</title>
<main>{% block main %}{% endblock %}</main>
''',
    "templates/index.html": '''
{% extends "layout.html" %}
{% block main %}<a href="{{ url_for('secret') }}">secret</a>{% endblock %}
''',
    "templates/errors/404.html": '''
{% extends "layout.html" %}
{% block title %}Not found - {{ super() }}{% endblock %}
{% block main %}<p>Nothing at {{ path }}.</p>{% endblock %}
''',
    "templates/errors/500.html": '''
{% extends "layout.html" %}
{% block title %}Oops{% endblock %}
{% block main %}<p>{{ kind }}: {{ text }}</p>{% endblock %}
''',
    "templates/errors/generic.html": '''
{% extends "layout.html" %}
{% block title %}{{ e.code }} {{ e.name }}{% endblock %}
{% block main %}<h1>{{ e.name }}</h1><p>{{ e.description }}</p>{% endblock %}
''',
})


# ---------------------------------------------------------------------------------------------
# Cookies beside the session: remember-me, preferences, deleting; redirects with url_for.
# ---------------------------------------------------------------------------------------------

scenario("cookies_remember_me_and_redirects_with_url_for", '''
from flask import Flask, request, redirect, url_for, make_response, render_template, abort

app = Flask(__name__)


@app.route("/")
def index():
    return render_template("index.html", name=request.cookies.get("name"),
                           theme=request.cookies.get("theme", "light"))


@app.route("/remember", methods=["POST"])
def remember():
    name = request.form.get("name", "").strip()
    if not name:
        abort(400)
    target = request.args.get("next") or url_for("index")
    response = redirect(target)
    response.set_cookie("name", name, max_age=60 * 60 * 24 * 30, httponly=True, samesite="Lax")
    return response


@app.route("/theme/<choice>")
def theme(choice):
    if choice not in ("light", "dark"):
        return redirect(url_for("theme", choice="light"), code=303)
    response = make_response(redirect(url_for("index", _anchor="top")))
    response.set_cookie("theme", choice)
    return response


@app.route("/forget", methods=["POST"])
def forget():
    response = redirect(url_for("index"), 303)
    response.delete_cookie("name")
    return response


@app.route("/profile")
def profile():
    if "name" not in request.cookies:
        return redirect(url_for("login_form", next=request.path, reason="no cookie"))
    return f"profile of {request.cookies['name']}"


@app.route("/login")
def login_form():
    return f"login form (next={request.args.get('next')}, reason={request.args['reason']})"


@app.route("/keep", methods=["POST"])
def keep():
    return redirect(url_for("index"), code=307)
''', [
    get("/"),
    get("/profile"),
    post("/remember", form={"name": ""}),
    post("/remember?next=/profile", form={"name": "Ada <3"}),
    get("/"),
    get("/theme/dark"),
    get("/theme/purple"),
    {"advance_clock": 60 * 60 * 24 * 29},
    get("/profile"),
    {"close_browser": True},
    get("/"),
    post("/forget"),
    get("/profile"),
    post("/keep", form={"x": "1"}),
], files={
    "templates/index.html": '''
<body class="{{ theme }}">{% if name %}Welcome back, {{ name }}!{% else %}Who are you?{% endif %}
{{ request.cookies|length }} cookie(s)</body>
''',
})


# ---------------------------------------------------------------------------------------------
# Permanent sessions with the lifetime and refresh setting from config.
# ---------------------------------------------------------------------------------------------

scenario("permanent_sessions_configured_lifetime_and_refresh", '''
from flask import Flask, session, redirect, url_for, render_template_string

app = Flask(__name__)
app.config.from_mapping(
    SECRET_KEY="change me",
    PERMANENT_SESSION_LIFETIME=600,
    SESSION_REFRESH_EACH_REQUEST=False,
    SESSION_COOKIE_NAME="app_session",
    SESSION_COOKIE_SAMESITE="Strict",
)


@app.route("/login/<name>")
def login(name):
    session.permanent = name != "guest"
    session["user"] = name
    return redirect(url_for("home"))


@app.route("/")
def home():
    return render_template_string(
        "{{ session.get('user', 'anonymous') }} (permanent: {{ session.permanent }}) "
        "lifetime {{ config.PERMANENT_SESSION_LIFETIME }}")


@app.route("/touch")
def touch():
    session["touched"] = session.get("touched", 0) + 1
    return str(session["touched"])
''', [
    get("/login/ada"),
    {"advance_clock": 300},
    get("/"),
    {"advance_clock": 200},
    get("/touch"),
    {"advance_clock": 500},
    get("/"),
    {"advance_clock": 200},
    get("/"),
    get("/login/guest", browser="other"),
    {"close_browser": True, "browser": "other"},
    get("/", browser="other"),
])


# ---------------------------------------------------------------------------------------------
# A shopping cart in the session: flash categories, and the in-place change Flask cannot see.
# ---------------------------------------------------------------------------------------------

scenario("shopping_cart_flash_and_in_place_changes", '''
from flask import Flask, session, request, redirect, url_for, flash, render_template, abort

app = Flask(__name__)
app.secret_key = "cart"
PRODUCTS = {"apple": 120, "bread": 250, "cheese": 575}


@app.route("/")
def cart():
    items = session.get("cart", [])
    total = sum(PRODUCTS[name] for name in items)
    return render_template("cart.html", items=items, total=total, products=PRODUCTS)


@app.route("/add/<name>", methods=["POST"])
def add(name):
    if name not in PRODUCTS:
        flash(f"No such product: {name}", "error")
        return redirect(url_for("cart"))
    session.setdefault("cart", []).append(name)
    if request.form.get("tell") == "yes":
        session.modified = True
    flash(f"Added {name}.", "info")
    return redirect(url_for("cart"))


@app.route("/remove/<name>", methods=["POST"])
def remove(name):
    items = session.get("cart", [])
    if name not in items:
        abort(404)
    items.remove(name)
    session["cart"] = items
    flash(f"Removed {name}.", "info")
    return redirect(url_for("cart"))


@app.route("/clear", methods=["POST"])
def clear():
    session.pop("cart", None)
    return redirect(url_for("cart"))
''', [
    get("/"),
    post("/add/apple"),
    post("/add/bread"),
    post("/add/bread", form={"tell": "yes"}),
    post("/add/cheese", form={"tell": "yes"}),
    post("/add/caviar"),
    post("/remove/bread"),
    post("/remove/caviar"),
    post("/clear"),
], files={
    "templates/cart.html": '''
{% with messages = get_flashed_messages(with_categories=true) %}
{% for category, message in messages %}<p class="{{ category }}">{{ message }}</p>
{% endfor %}{% endwith %}
<ul>
{% for name in items %}  <li>{{ loop.index }}. {{ name|title }} {{ "%.2f"|format(products[name] / 100) }}</li>
{% else %}  <li>empty</li>
{% endfor %}</ul>
Total: {{ "%.2f"|format(total / 100) }} ({{ items|length }} item{{ "s" if items|length != 1 }})
''',
})


# ---------------------------------------------------------------------------------------------
# A to-do list with a MethodView, forms, flash and templates.
# ---------------------------------------------------------------------------------------------

scenario("todo_list_methodview_forms_and_templates", '''
from flask import Flask, request, redirect, url_for, flash, render_template, abort
from flask.views import MethodView

app = Flask(__name__)
app.secret_key = "todo"
TODOS = []


class TodoList(MethodView):
    def get(self):
        return render_template("todos.html", todos=TODOS)

    def post(self):
        text = request.form.get("text", "").strip()
        if not text:
            flash("Write something first.")
        else:
            TODOS.append({"text": text, "done": False})
            flash(f"Added {text!r}.")
        return redirect(url_for("todos"))


class TodoItem(MethodView):
    def post(self, index):
        if not 0 <= index < len(TODOS):
            abort(404)
        if request.form.get("action") == "delete":
            removed = TODOS.pop(index)
            flash(f"Deleted {removed['text']!r}.")
        else:
            TODOS[index]["done"] = not TODOS[index]["done"]
        return redirect(url_for("todos"))


app.add_url_rule("/todos/", view_func=TodoList.as_view("todos"))
app.add_url_rule("/todos/<int:index>", view_func=TodoItem.as_view("todo"))
''', [
    get("/todos/"),
    post("/todos/", form={"text": "  "}),
    post("/todos/", form={"text": "buy milk"}),
    post("/todos/", form={"text": "write <tests>"}),
    post("/todos/0"),
    post("/todos/1", form={"action": "delete"}),
    post("/todos/5"),
    get("/todos/0"),
    get("/todos"),
], files={
    "templates/todos.html": '''
{%- for message in get_flashed_messages() %}
<p class="flash">{{ message }}</p>
{%- endfor %}
<ol>
{%- for todo in todos %}
  <li class="{{ 'done' if todo.done else 'open' }}">{{ todo.text }}
    <form method="post" action="{{ url_for('todo', index=loop.index0) }}"><button>toggle</button></form>
  </li>
{%- else %}
  <li>nothing to do</li>
{%- endfor %}
</ol>
<form method="post" action="{{ url_for('todos') }}"><input name="text"></form>
''',
})


# ---------------------------------------------------------------------------------------------
# A token-protected JSON API blueprint: a blueprint's before_request, JSON error handlers for
# its own aborts, and the routing errors that only the app's handlers see.
# ---------------------------------------------------------------------------------------------

scenario("json_api_blueprint_token_and_routing_errors", '''
from flask import Flask, Blueprint, jsonify, request, abort, g

app = Flask(__name__)
api = Blueprint("api", __name__, url_prefix="/api")
TOKENS = {"s3cret": "ada"}
NOTES = {"ada": ["first note"]}


@api.before_request
def check_token():
    token = request.headers.get("X-Token")
    if token is None:
        return jsonify(error="missing token"), 401
    g.user = TOKENS.get(token)
    if g.user is None:
        abort(403)


@api.errorhandler(403)
@api.errorhandler(404)
@api.errorhandler(405)
def api_error(e):
    return jsonify(error=e.name, where="api blueprint"), e.code


@app.errorhandler(404)
def html_404(e):
    return f"<h1>app 404</h1><p>{request.path}</p>", 404


@app.errorhandler(405)
def html_405(e):
    return f"<h1>app 405</h1><p>{request.method} {request.path}</p>", 405


@api.get("/notes")
def list_notes():
    return jsonify(user=g.user, notes=NOTES.get(g.user, []))


@api.post("/notes")
def add_note():
    data = request.get_json()
    NOTES.setdefault(g.user, []).append(data["text"])
    return jsonify(count=len(NOTES[g.user])), 201


@api.get("/notes/<int:n>")
def one_note(n):
    notes = NOTES.get(g.user, [])
    if n >= len(notes):
        abort(404)
    return jsonify(note=notes[n])


app.register_blueprint(api)
''', [
    get("/api/notes"),
    {"request": {"method": "GET", "path": "/api/notes", "headers": {"X-Token": "wrong"}}},
    {"request": {"method": "GET", "path": "/api/notes", "headers": {"X-Token": "s3cret"}}},
    post("/api/notes", json_body={"text": "second"}, headers={"X-Token": "s3cret"}),
    post("/api/notes", form={"text": "third"}, headers={"X-Token": "s3cret"}),
    {"request": {"method": "GET", "path": "/api/notes/1", "headers": {"X-Token": "s3cret"}}},
    {"request": {"method": "GET", "path": "/api/notes/9", "headers": {"X-Token": "s3cret"}}},
    {"request": {"method": "GET", "path": "/api/nothing", "headers": {"X-Token": "s3cret"}}},
    post("/api/notes/1", method="DELETE", headers={"X-Token": "s3cret"}),
])


# ---------------------------------------------------------------------------------------------
# app.add_url_rule, endpoints, @app.endpoint, strict slashes and the errors of a clash.
# ---------------------------------------------------------------------------------------------

scenario("add_url_rule_endpoints_and_clashes", '''
from flask import Flask, url_for, request

app = Flask(__name__)


def show_user(username):
    return f"user {username} ({request.endpoint}) -> {url_for('user', username=username)}"


app.add_url_rule("/user/<username>", "user", show_user)
app.add_url_rule("/people/<username>", endpoint="user", view_func=show_user)
app.add_url_rule("/about/", view_func=lambda: f"about ({request.endpoint})", endpoint="about")
app.add_url_rule("/ping", "ping", lambda: "pong", methods=["GET", "POST"])
app.add_url_rule("/later", "later")


@app.endpoint("later")
def later_view():
    return f"bound later: {url_for('later')}"


problems = []
try:
    app.add_url_rule("/clash", "user", lambda: "other")
except AssertionError as e:
    problems.append(str(e))
try:
    app.add_url_rule("/bad", "bad", lambda: "x", methods="POST")
except TypeError as e:
    problems.append(str(e))


@app.route("/problems")
def show_problems():
    return "\\n".join(problems) + "\\n" + url_for("about", _external=True, q="a b")
''', [
    get("/user/ada"),
    get("/people/bob"),
    get("/about"),
    get("/about/"),
    post("/ping"),
    post("/ping", method="PUT"),
    get("/later"),
    get("/clash"),
    get("/problems"),
])


# ---------------------------------------------------------------------------------------------
# JSON error responses built the way Flask's docs show (e.get_response() with a JSON body),
# dict and list returns, status tuples.
# ---------------------------------------------------------------------------------------------

scenario("json_api_http_exception_handler_and_return_shapes", '''
import json
from flask import Flask, request, jsonify, abort
from werkzeug.exceptions import HTTPException

app = Flask(__name__)


@app.errorhandler(HTTPException)
def handle_exception(e):
    response = e.get_response()
    response.data = json.dumps({"code": e.code, "name": e.name, "description": e.description})
    response.content_type = "application/json"
    return response


@app.route("/dict")
def a_dict():
    return {"b": 2, "a": [1, {"z": None}], "ok": True}


@app.route("/list")
def a_list():
    return [1, "two", 3.5]


@app.route("/created", methods=["POST"])
def created():
    data = request.get_json()
    return {"you_sent": data, "type": type(data).__name__}, 201


@app.route("/tuple-headers")
def with_headers():
    return jsonify(ok=1), {"X-Extra": "yes"}


@app.route("/strict", methods=["POST"])
def strict():
    if not request.is_json:
        abort(415)
    return jsonify(request.json)


@app.route("/bad")
def bad():
    abort(400, description="the 'q' parameter must be a number")
''', [
    get("/dict"),
    get("/list"),
    post("/created", json_body="just a string"),
    post("/created", json_body=[1, 2, {"three": 3}]),
    post("/created", json_body=None),
    post("/created", form={"a": "b"}),
    get("/tuple-headers"),
    post("/strict", form={"a": "b"}),
    post("/strict", json_body={"nested": {"ü": "é", "n": 1.5e10}}),
    get("/bad"),
    get("/missing"),
    post("/dict"),
])


# ---------------------------------------------------------------------------------------------
# A comment wall: autoescaping in templates, Markup, |safe (the XSS half of session security).
# ---------------------------------------------------------------------------------------------

scenario("comment_wall_autoescape_markup_and_safe", '''
from flask import Flask, request, redirect, url_for, render_template, session
from markupsafe import Markup, escape

app = Flask(__name__)
app.secret_key = "wall"
COMMENTS = []


@app.route("/", methods=["GET", "POST"])
def wall():
    if request.method == "POST":
        COMMENTS.append({"author": session.get("name", "anon"), "text": request.form["text"]})
        return redirect(url_for("wall"))
    return render_template("wall.html", comments=COMMENTS,
                           banner=Markup("<b>Welcome</b> ") + request.args.get("who", "guest"))


@app.route("/unsafe")
def unsafe():
    return render_template("unsafe.html", comments=COMMENTS)


@app.route("/name/<name>")
def set_name(name):
    session["name"] = name
    return f"hello {escape(name)}"
''', [
    get("/name/<em>Ada"),
    post("/", form={"text": "<script>alert(document.cookie)</script>"}),
    post("/", form={"text": 'Tom & Jerry\'s "show"'}),
    get("/?who=<b>me</b>"),
    get("/unsafe"),
], files={
    "templates/wall.html": '''
<p>{{ banner }}</p>
{% for c in comments %}<div><b>{{ c.author }}</b>: {{ c.text }} ({{ c.text|length }})</div>
{% endfor %}
''',
    "templates/unsafe.html": '''
{% for c in comments %}<div>{{ c.text|safe }}</div>{% autoescape false %}<i>{{ c.author }}</i>{% endautoescape %}
{% endfor %}
''',
})


# ---------------------------------------------------------------------------------------------
# A start-up error: two different blueprints under one name.
# ---------------------------------------------------------------------------------------------

scenario("startup_error_two_blueprints_one_name", '''
from flask import Flask, Blueprint

app = Flask(__name__)
first = Blueprint("pages", __name__)
second = Blueprint("pages", __name__, url_prefix="/more")


@first.route("/")
def index():
    return "first"


app.register_blueprint(first)
app.register_blueprint(second)
''', [
    get("/"),
])


# ---------------------------------------------------------------------------------------------
# MethodViews on a blueprint, with relative url_for, and config from the app's own module
# (the older tutorial's `app.config.from_object(__name__)`).
# ---------------------------------------------------------------------------------------------

scenario("methodview_on_blueprint_and_config_from_own_module", '''
from flask import Flask, Blueprint, url_for, request, session, jsonify
from flask.views import MethodView

SECRET_KEY = "module-level secret"
SESSION_COOKIE_NAME = "bp_session"
DEBUG_TOOLBAR = False
not_config = "lower case"

app = Flask(__name__)
app.config.from_object(__name__)
accounts = Blueprint("accounts", __name__, url_prefix="/accounts")


class AccountView(MethodView):
    def get(self, name=None):
        if name is None:
            return jsonify(all=url_for(".account"), ada=url_for(".account", name="ada"),
                           mine=session.get("me"), endpoint=request.endpoint)
        return f"{name} ({request.blueprint}, {url_for('.account', name=name)})"

    def post(self, name=None):
        session["me"] = name or request.form["name"]
        return jsonify(me=session["me"]), 201


view = AccountView.as_view("account")
accounts.add_url_rule("/", view_func=view)
accounts.add_url_rule("/<name>", view_func=view)
app.register_blueprint(accounts)


@app.route("/config")
def config():
    return jsonify(secret=app.secret_key, cookie=app.config["SESSION_COOKIE_NAME"],
                   toolbar=app.config["DEBUG_TOOLBAR"], lower="not_config" in app.config)
''', [
    get("/config"),
    get("/accounts/"),
    get("/accounts/ada"),
    post("/accounts/", form={"name": "grace"}),
    post("/accounts/linus"),
    get("/accounts/"),
    post("/accounts/ada", method="DELETE"),
])


# ---------------------------------------------------------------------------------------------
# URL processors: the docs' language-code blueprint (url_value_preprocessor pops the prefix's
# value into g, url_defaults puts it back), the app's own, a blueprint's app-wide ones, the
# order they run in, a 404 (endpoint and values None) and url_for outside a request.
# ---------------------------------------------------------------------------------------------

scenario("url_defaults_and_value_preprocessors", '''
from flask import Blueprint, Flask, g, url_for

app = Flask(__name__)
calls = []
bp = Blueprint("frontend", __name__, url_prefix="/<lang_code>")
inner = Blueprint("inner", __name__, url_prefix="/inner")


@app.url_value_preprocessor
def app_pull(endpoint, values):
    calls.append(f"app pull {endpoint} {values}")


@app.url_defaults
def app_defaults(endpoint, values):
    calls.append(f"app defaults {endpoint} {sorted(values)}")
    if values.get("page") == 1:
        del values["page"]


@bp.url_value_preprocessor
def pull_lang_code(endpoint, values):
    calls.append(f"bp pull {endpoint} {values}")
    g.lang_code = values.pop("lang_code")


@bp.url_defaults
def add_language_code(endpoint, values):
    calls.append(f"bp defaults {endpoint} {sorted(values)}")
    if "lang_code" in values or not hasattr(g, "lang_code"):
        return
    values["lang_code"] = g.lang_code


@bp.app_url_defaults
def everywhere(endpoint, values):
    calls.append(f"app-wide defaults {endpoint}")


@inner.url_value_preprocessor
def inner_pull(endpoint, values):
    calls.append(f"inner pull {endpoint} {values}")


@bp.route("/")
def index():
    return g.lang_code + " " + url_for(".about") + " " + url_for("frontend.about", lang_code="fr")


@bp.route("/about")
def about():
    return "about " + g.lang_code


@inner.route("/<int:page>")
def deep(page):
    return f"{g.lang_code} {page} {url_for('.deep', page=1)} {url_for('.deep', page=2)}"


@app.route("/list")
def listing():
    return url_for("listing", page=1) + " " + url_for("listing", page=3)


@app.route("/calls")
def show_calls():
    text = "\\n".join(calls)
    calls.clear()
    return text


@app.route("/outside")
def outside():
    with app.app_context():
        pass
    return url_for("frontend.about", lang_code="de")


bp.register_blueprint(inner)
app.register_blueprint(bp)
''', [
    get("/en/"),
    get("/calls"),
    get("/en/about"),
    get("/fr/inner/5"),
    get("/calls"),
    get("/list"),
    get("/nowhere"),
    get("/calls"),
    get("/outside"),
    get("/calls"),
])


# ---------------------------------------------------------------------------------------------
# Rule defaults: a route's `defaults=`, a blueprint's `url_defaults` (and a second registration
# with its own), which rule url_for builds for which values, and the redirect to the rule whose
# defaults give the values asked for.
# ---------------------------------------------------------------------------------------------

scenario("rule_defaults_and_blueprint_url_defaults", '''
from flask import Blueprint, Flask, request, url_for

app = Flask(__name__)
shop = Blueprint("shop", __name__, url_prefix="/shop", url_defaults={"currency": "eur"})


@shop.route("/")
@shop.route("/in/<currency>/")
def prices(currency):
    def build(**values):
        try:
            return url_for(".prices", **values)
        except Exception as e:
            return type(e).__name__

    return " ".join([request.blueprint, repr(currency), build(), build(currency="usd"),
                     build(currency="eur"), build(currency="eur", sort="asc")])


@app.route("/page/", defaults={"page": 1})
@app.route("/page/<int:page>")
def page(page):
    return " ".join([repr(page), url_for("page", page=1), url_for("page", page=2), url_for("page"),
                     url_for("page", page=1, q="x")])


@app.route("/lang/", defaults={"lang": "en", "n": 3})
def lang(lang, n):
    return f"{lang!r} {n!r} {url_for('lang')} {url_for('lang', lang='en')}"


app.register_blueprint(shop)
app.register_blueprint(shop, name="usd_shop", url_prefix="/usd", url_defaults={"currency": "usd"})
''', [
    get("/shop/"),
    get("/shop/in/usd/"),
    get("/shop/in/eur/"),
    get("/usd/"),
    get("/usd/in/usd/"),
    get("/page/"),
    get("/page/2"),
    get("/page/1"),
    get("/page/1?q=x&q=y"),
    get("/lang/"),
])


# ---------------------------------------------------------------------------------------------
# os.path in an app: paths built from the app's folder, and what exists among its files.
# ---------------------------------------------------------------------------------------------

scenario("os_path_project_files", '''
import os
import os.path
from os import path

from flask import Flask, request

app = Flask(__name__)
HERE = os.path.dirname(os.path.abspath(__file__))


@app.route("/exists")
def exists():
    name = request.args["name"]
    full = os.path.join(HERE, name)
    return f"{name}: exists={os.path.exists(name)} file={os.path.isfile(full)} dir={path.isdir(name)}"


@app.route("/read")
def read():
    name = os.path.join("data", request.args["name"])
    if not os.path.isfile(name):
        return f"no file {os.path.basename(name)}", 404
    with open(name) as handle:
        return handle.read()


@app.route("/parts")
def parts():
    name = request.args["name"]
    return repr((os.path.split(name), os.path.splitext(name), os.path.normpath(name),
                 os.path.basename(name), os.path.dirname(name), os.path.isabs(name),
                 os.path.relpath(os.path.join(HERE, name), HERE) if hasattr(os.path, "relpath") else None,
                 os.path.sep, os.path.basename(__file__), os.path.join(HERE, name) == os.path.abspath(name)))
''', [
    get("/exists?name=app.py"),
    get("/exists?name=templates"),
    get("/exists?name=templates/base.html"),
    get("/exists?name=templates/missing.html"),
    get("/exists?name=data/../app.py"),
    get("/exists?name=static/css"),
    get("/exists?name=static"),
    get("/exists?name=./data/notes.txt"),
    get("/read?name=notes.txt"),
    get("/read?name=gone.txt"),
    get("/parts?name=static/css/site.min.css"),
    get("/parts?name=a/./b/../.hidden"),
    get("/parts?name=templates/"),
], files={
    "templates/base.html": "<title>{% block title %}{% endblock %}</title>\n",
    "static/css/site.min.css": "body { margin: 0 }\n",
    "data/notes.txt": "first line\nsecond line\n",
})


# ---------------------------------------------------------------------------------------------
# Python's class machinery in an app: views registered by __init_subclass__, a metaclass that
# counts models, a descriptor that validates a form field, cached_property, total_ordering.
# ---------------------------------------------------------------------------------------------

scenario("class_machinery", """
from functools import cached_property, total_ordering, wraps

from flask import Flask, abort, jsonify, request, session

app = Flask(__name__)
app.secret_key = 'dev'


class ModelMeta(type):
    made = []

    def __new__(mcs, name, bases, ns, table=None):
        cls = super().__new__(mcs, name, bases, ns)
        cls.table = table or name.lower() + 's'
        mcs.made.append(name)
        return cls


class Quantity:
    def __set_name__(self, owner, name):
        self.slot = '_' + name

    def __get__(self, obj, objtype=None):
        return self if obj is None else getattr(obj, self.slot, 1)

    def __set__(self, obj, value):
        value = int(value)
        if not 1 <= value <= 9:
            raise ValueError(f'quantity must be 1-9, not {value}')
        setattr(obj, self.slot, value)


@total_ordering
class Item(metaclass=ModelMeta, table='basket'):
    quantity = Quantity()

    def __init__(self, name, price, quantity=1):
        self.name, self.price, self.quantity = name, price, quantity

    def __eq__(self, other):
        return (self.price, self.name) == (other.price, other.name)

    def __lt__(self, other):
        return (self.price, self.name) < (other.price, other.name)

    @cached_property
    def total(self):
        session['computed'] = session.get('computed', 0) + 1
        return self.price * self.quantity


class Route:
    routes = {}

    def __init_subclass__(cls, path, **kwargs):
        super().__init_subclass__(**kwargs)
        Route.routes[path] = cls
        app.add_url_rule(path, cls.__name__.lower(), cls.respond)


def counted(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        session['views'] = session.get('views', 0) + 1
        return view(*args, **kwargs)
    return wrapper


class Basket(Route, path='/basket'):
    @staticmethod
    @counted
    def respond():
        items = [Item('tea', 4, request.args.get('tea', 1)), Item('cake', 3, 2), Item('jam', 4)]
        first = items[0]
        totals = [first.total, first.total]
        return jsonify(
            table=Item.table,
            models=ModelMeta.made,
            sorted=[item.name for item in sorted(items)],
            cheapest=min(items).name,
            totals=totals,
            computed=session['computed'],
            views=session['views'],
            name=counted.__name__ + '/' + Basket.respond.__name__,
        )


class Broken(Route, path='/broken'):
    @staticmethod
    def respond():
        try:
            Item('tea', 1, 12)
        except ValueError as error:
            abort(400, description=str(error))
        return 'unreachable'


@app.route('/routes')
def routes():
    return ' '.join(sorted(Route.routes)) + ' ' + str(isinstance(Item, ModelMeta))
""", [
    get("/basket"),
    get("/basket?tea=3"),
    get("/basket?tea=0"),
    get("/broken"),
    get("/routes"),
])


# ---------------------------------------------------------------------------------------------
# werkzeug.security as login examples use it: a user table of hashes made at start-up, a login
# that checks one, a hash stored by a real Werkzeug app (made here by Werkzeug itself), the
# hash format's methods and errors, and safe_join.
# ---------------------------------------------------------------------------------------------

STORED_KEY, STORED_METHOD = _hash_internal("pbkdf2:sha256:1000", "pepperpot", "hunter2")
STORED = f"{STORED_METHOD}$pepperpot${STORED_KEY}"

scenario("password_login", """
from flask import Flask, request, session
from werkzeug.security import (check_password_hash, gen_salt, generate_password_hash,
                               safe_join)
import werkzeug.security

app = Flask(__name__)
app.secret_key = 'dev'

USERS = {'alice': generate_password_hash('wonderland')}
# A hash a real Werkzeug app stored (PBKDF2, 1,000 rounds).
STORED = '""" + STORED + """'


@app.post('/login')
def login():
    name = request.form['username']
    stored = USERS.get(name)
    if stored is None or not check_password_hash(stored, request.form['password']):
        return 'bad user name or password', 401
    session['user'] = name
    return f'welcome {name}'


@app.get('/whoami')
def whoami():
    return session.get('user', 'nobody')


@app.get('/stored')
def stored():
    return str(check_password_hash(STORED, request.args.get('pw', '')))


@app.get('/default/<method>')
def default(method):
    # Werkzeug's default PBKDF2 is a million rounds: one is made, not checked.
    used, salt, key = generate_password_hash('pw', method).split('$')
    return f'{method} -> {used} {len(salt)} {len(key)}'


@app.get('/shapes')
def shapes():
    lines = []
    for method in ['scrypt', 'pbkdf2:sha256:1000', 'pbkdf2:md5:10', 'scrypt:16384:8:1']:
        made = generate_password_hash('pw', method, salt_length=8)
        used, salt, key = made.split('$')
        lines.append(f'{method} -> {used} {len(salt)} {len(key)} '
                     f'{check_password_hash(made, "pw")}')
    lines.append(str(len(gen_salt(40))) + ' ' + str(set(gen_salt(200)) <= set(werkzeug.security.SALT_CHARS)))
    return '\\n'.join(lines)


@app.get('/errors')
def errors():
    lines = []
    for method in ['md5', 'scrypt:1:2', 'scrypt:a:b:c', 'pbkdf2:sha256:x', 'pbkdf2:sha256:1:2',
                   'pbkdf2:nope:5']:
        try:
            generate_password_hash('pw', method)
        except ValueError as error:
            lines.append(f'{method}: {type(error).__name__}: {error}')
    for stored in ['', 'x', 'a$b', 'scrypt$a$b', 'pbkdf2:sha256:1$salt$00']:
        lines.append(f'{stored!r}: {check_password_hash(stored, "pw")}')
    for length in [0, -3]:
        try:
            gen_salt(length)
        except ValueError as error:
            lines.append(f'gen_salt({length}): {error}')
    try:
        generate_password_hash(b'pw')
    except AttributeError as error:
        lines.append(f'bytes: {error}')
    return '\\n'.join(lines)


@app.get('/join')
def join():
    cases = [('a', ''), ('a', '.'), ('', ''), ('', 'x'), ('a', 'b/'), ('a', './b'),
             ('a', 'b//c'), ('a', '..'), ('a', '../x'), ('a', 'x/../..'), ('/r', 'x', 'y'),
             ('/r', 'x', '../../y'), ('/r',), ('a', '', 'b'), ('a/', 'b'), ('a', '/etc/passwd')]
    return '\\n'.join(f'{case} {safe_join(*case)!r}' for case in cases)
""", [
    post("/login", form={"username": "alice", "password": "wonderland"}),
    get("/whoami"),
    post("/login", form={"username": "alice", "password": "Wonderland"}),
    post("/login", form={"username": "bob", "password": "wonderland"}),
    get("/stored?pw=hunter2"),
    get("/stored?pw=hunter3"),
    get("/default/pbkdf2"),
    get("/default/pbkdf2:sha1"),
    get("/shapes"),
    get("/errors"),
    get("/join"),
])


def main():
    for name, data in SCENARIOS.items():
        path = os.path.join(HERE, "scenarios", name + ".json")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    print(f"wrote {len(SCENARIOS)} project scenarios")


if __name__ == "__main__":
    main()
