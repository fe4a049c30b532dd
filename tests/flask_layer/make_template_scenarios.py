#!/usr/bin/env python3
"""Writes the template fidelity scenarios (tests/flask_layer/scenarios/templates_*.json).

Each scenario is one Flask app whose route /case/<n> renders template case n (a template
string or a project file); the expected transcripts come from REAL Flask + Jinja2 through the
oracle (tests/flask_layer/regenerate.sh), never from this file. Only inputs live here.

    python3 tests/flask_layer/make_template_scenarios.py && tests/flask_layer/regenerate.sh
"""

import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))

APP = '''from flask import Flask, render_template, render_template_string, session, g, request
from markupsafe import Markup
app = Flask(__name__)
app.secret_key = "dev"


class User:
    def __init__(self, name, admin=False):
        self.name = name
        self.admin = admin

    def greet(self, other="you"):
        return f"hi {other}, I am {self.name}"

    def __str__(self):
        return f"User({self.name})"


class Safe:
    def __html__(self):
        return "<em>safe</em>"


@app.template_filter("shout")
def shout(s, marks=1):
    return str(s).upper() + "!" * marks


@app.template_test("even_length")
def even_length(s):
    return len(s) % 2 == 0


@app.template_global("double")
def double(n):
    return n * 2


@app.context_processor
def site():
    return {"site_name": "Demo"}


DATA = dict(
    name="<Ann & 'Bob'>",
    items=["apple", "pear", "fig"],
    nums=[3, 1, 2],
    prices={"apple": 1.5, "pear": 2, "fig": 10},
    user=User("Ann", admin=True),
    users=[User("Zed"), User("amy", admin=True), User("Bob")],
    empty=[],
    nothing=None,
    flag=True,
    ratio=2 / 3,
    big=10 ** 20,
    markup=Markup("<b>bold</b>"),
    safe_obj=Safe(),
    pairs=[("a", 1), ("b", 2)],
    text="  Hello World  ",
    html="<p>para</p>",
)


@app.route("/case/<int:n>")
def case(n):
    session["cart"] = ["x", "y"]
    g.who = "guest"
    source = CASES[n]
    if source.startswith("file:"):
        return render_template(source[5:], **DATA)
    return render_template_string(source, **DATA)


CASES = @CASES@
'''


def scenario(name, cases, files=None):
    code = APP.replace("@CASES@", json.dumps(cases, indent=4, ensure_ascii=False))
    data = {"version": 1, "code": code}
    if files:
        data["files"] = files
    data["steps"] = [{"request": f"GET /case/{i}"} for i in range(len(cases))]
    path = os.path.join(HERE, "scenarios", f"templates_{name}.json")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    return len(cases)


EXPRESSIONS = [
    "{{ name }}", "{{ items }}", "{{ nums|sort }}", "{{ prices }}", "{{ user }}", "{{ user.name }}",
    "{{ user['name'] }}", "{{ user.greet() }}", "{{ user.greet('Cy') }}", "{{ user.greet(other='Di') }}",
    "{{ nothing }}", "{{ flag }}", "{{ not flag }}", "{{ ratio }}", "{{ big }}", "{{ 1 + 2 }}",
    "{{ 7 // 2 }} {{ 7 / 2 }} {{ 7 % 3 }} {{ 2 ** 10 }}", "{{ 'a' ~ 1 ~ none }}", "{{ [1, 'two', none, true] }}",
    "{{ {'k': 'v'} }}", "{{ (1, 2) }}", "{{ 1.0 }} {{ 0.1 + 0.2 }} {{ 1e3 }}", "{{ 'x' * 3 }}",
    "{{ items[0] }} {{ items[-1] }} {{ items[1:] }}", "{{ prices['fig'] }} {{ prices.fig }}",
    "{{ undefined_name }}|", "{{ user.missing }}|", "{{ markup }}", "{{ safe_obj }}", "{{ html }}",
    "{{ html|safe }}", "{{ name|e }}", "{{ name|escape }}", "{{ markup ~ name }}", "{{ session['cart'] }}",
    "{{ session.get('cart') }}", "{{ g.who }}", "{{ request.path }} {{ request.method }}", "{{ config['SECRET_KEY'] }}",
    "{{ url_for('case', n=3) }}", "{{ url_for('case', n=1, q='a b') }}", "{{ site_name }}", "{{ double(21) }}",
    "{{ 'abc'.upper() }} {{ text.strip() }} {{ 'a,b'.split(',') }}", "{{ prices.items()|list }}",
    "{{ prices.keys()|list }}", "{{ items|length }} {{ items|count }}", "{{ 3 in nums }} {{ 'z' in items }}",
    "{{ nums[0] if flag else 'no' }}", "{{ 'yes' if nothing else 'no' }}", "{{ -3|abs }}",
]

FILTERS = [
    "{{ items|join(', ') }}", "{{ nums|join }}", "{{ name|upper }}", "{{ name|lower }}", "{{ 'hello world'|title }}",
    "{{ 'hello world'|capitalize }}", "{{ text|trim }}|", "{{ nothing|default('dflt') }}", "{{ undefined_x|default('d') }}",
    "{{ ''|default('empty', true) }}", "{{ items|first }} {{ items|last }}", "{{ nums|sort(reverse=true) }}",
    "{{ users|map(attribute='name')|join(' ') }}", "{{ users|sort(attribute='name')|map(attribute='name')|list }}",
    "{{ users|selectattr('admin')|map(attribute='name')|list }}", "{{ users|rejectattr('admin')|list|length }}",
    "{{ nums|select('odd')|list }}", "{{ nums|reject('odd')|list }}", "{{ nums|sum }} {{ nums|min }} {{ nums|max }}",
    "{{ ratio|round(2) }} {{ 2.5|round }} {{ 3.14159|round(1, 'floor') }}", "{{ '42'|int + 1 }} {{ '3.5'|float }}",
    "{{ 'x'|replace('x', 'y') }}", "{{ name|replace('&', 'and') }}", "{{ 'abcdef'|truncate(5) }}",
    "{{ 'a long sentence here'|truncate(9, true, '..') }}", "{{ '%s-%d'|format('a', 3) }}",
    "{{ 'hello'|center(11) }}|", "{{ 'one two three'|wordcount }}", "{{ '<b>x</b>'|striptags }}",
    "{{ prices|dictsort }}", "{{ prices|dictsort(by='value') }}", "{{ items|reverse|list }}",
    "{{ 'abc'|list }}", "{{ nums|unique|list }}", "{{ items|batch(2)|list }}", "{{ items|slice(2)|list }}",
    "{{ prices|tojson }}", "{{ name|tojson }}", "{{ items|tojson }}", "{{ {'b': 1, 'a': [none, true]}|tojson }}",
    "{{ 'a b'|urlencode }}", "{{ {'q': 'a b', 'n': 1}|urlencode }}", "{{ name|shout }}", "{{ 'hey'|shout(marks=3) }}",
    "{{ 'x'|shout(2) }}", "{{ 12345.678|filesizeformat }}", "{{ 'line1\\nline2'|indent(2) }}",
    "{{ users|groupby('admin')|map(attribute='grouper')|list }}", "{{ [1, 2, 3]|map('string')|join('|') }}",
    "{{ name|length }}", "{{ markup|upper }}", "{{ 'a-b'|split('-') if false else 'skip' }}", "{{ items|random is string }}",
    "{{ pairs|map('first')|list }}", "{{ nums|attr('__len__') is defined }}",
]

TESTS = [
    "{{ 4 is even }} {{ 3 is odd }} {{ 9 is divisibleby 3 }}", "{{ nothing is none }} {{ flag is true }}",
    "{{ undefined_y is defined }} {{ name is defined }} {{ zz is undefined }}", "{{ name is string }} {{ 3 is number }}",
    "{{ items is sequence }} {{ prices is mapping }} {{ items is iterable }}", "{{ name is lower }} {{ 'AB' is upper }}",
    "{{ 'abcd' is even_length }} {{ 'abc' is even_length }}", "{{ 1 is eq 1 }} {{ 2 is gt 1 }} {{ 1 is le 0 }}",
    "{{ 'a' is in items }} {{ 'apple' is in items }}", "{{ double is callable }} {{ user is callable }}",
    "{{ markup is string }}", "{{ 2 is sameas 2 }}",
]

CONTROL = [
    "{% for i in items %}{{ loop.index }}/{{ loop.length }}:{{ i }}{% if not loop.last %}, {% endif %}{% endfor %}",
    "{% for i in items %}{{ loop.index0 }}{{ loop.revindex }}{{ loop.revindex0 }}{{ loop.first }}{% endfor %}",
    "{% for i in items %}{{ loop.cycle('odd', 'even') }} {% endfor %}",
    "{% for i in empty %}x{% else %}nothing here{% endfor %}",
    "{% for k, v in prices.items() %}{{ k }}={{ v }};{% endfor %}",
    "{% for k in prices %}{{ k }} {% endfor %}", "{% for a, b in pairs %}{{ a }}{{ b }}{% endfor %}",
    "{% for i in range(3) %}{{ i }}{% endfor %} {% for i in range(1, 10, 3) %}{{ i }}{% endfor %}",
    "{% for u in users if u.admin %}{{ u.name }}{% endfor %}",
    "{% for i in items %}{{ loop.previtem }}>{{ i }}<{{ loop.nextitem }} {% endfor %}",
    "{% for row in [[1, 2], [3]] %}{% for c in row %}{{ loop.depth }}{{ c }}{% endfor %}{% endfor %}",
    "{% if flag %}yes{% elif nothing %}maybe{% else %}no{% endif %}",
    "{% if nothing %}a{% elif empty %}b{% else %}c{% endif %}",
    "{% set x = 5 %}{% set y = x * 2 %}{{ x }} {{ y }}",
    "{% set parts %}in {{ site_name }}{% endset %}[{{ parts }}]",
    "{% set ns = namespace(total=0) %}{% for n in nums %}{% set ns.total = ns.total + n %}{% endfor %}{{ ns.total }}",
    "{% with a = 1, b = 2 %}{{ a + b }}{% endwith %}",
    "{% filter upper %}shout {{ name }}{% endfilter %}",
    "{% raw %}{{ not rendered }}{% endraw %}",
    "{# comment #}a{# another #}b",
    "a\n{% if true %}\nb\n{% endif %}\nc",
    "a\n{%- if true -%}\n  b\n{%- endif -%}\n  c",
    "<ul>\n{% for i in items %}\n  <li>{{ i }}</li>\n{% endfor %}\n</ul>\n",
    "<ul>\n{%- for i in items %}\n  <li>{{ i }}</li>\n{%- endfor %}\n</ul>",
    "  {{- ' x ' -}}  |",
    "{% macro field(name, value='', type='text') -%}\n<input type=\"{{ type }}\" name=\"{{ name }}\" value=\"{{ value|e }}\">\n{%- endmacro %}{{ field('user', name) }} {{ field('pw', type='password') }}",
    "{% macro wrap() %}<div>{{ caller() }}</div>{% endmacro %}{% call wrap() %}inside {{ name }}{% endcall %}",
    "{% macro m(a) %}{{ a }}{{ varargs }}{{ kwargs }}{% endmacro %}{{ m(1) }}",
    "{% autoescape false %}{{ name }}{% endautoescape %} {{ name }}",
    "{% autoescape true %}{{ html }}{% endautoescape %}",
    "trailing newline\n", "two trailing\n\n",
    "{{ '{{' }} literal {{ '}}' }}",
]

ERRORS = [
    "{% for x in items %}{{ x }}", "{{ user.name.first.bad }}", "{{ missing.attr }}", "{{ missing() }}",
    "{% if %}x{% endif %}", "{{ 1 + }}", "{{ items|nosuchfilter }}", "{{ 1 is nosuchtest }}",
    "{% include 'nope.html' %}", "{% extends 'missing_base.html' %}", "{% endfor %}", "{{ user.greet(1, 2, 3) }}",
    "line1\nline2\n{{ 'unclosed }}",
    # Which blocks are open when a tag is unknown or the template ends (Jinja2's parser says).
    "{% for x in items %}\n{% endif %}", "{% if true %}{% for x in items %}{% endif %}",
    "{% if true %}{% set b = 1 %}{% else %}{% raw %}{% for %}{% endraw %}",
    "{% for x in items %}{% else %}", "{% set x %}", "{{ \"abc }}",
]

FILES = {
    "templates/base.html": "<!doctype html>\n<title>{% block title %}Site{% endblock %} - {{ site_name }}</title>\n<nav>{% block nav %}<a href=\"{{ url_for('case', n=0) }}\">home</a>{% endblock %}</nav>\n<main>{% block content %}{% endblock %}</main>\n",
    "templates/page.html": "{% extends \"base.html\" %}\n{% block title %}Page | {{ super() }}{% endblock %}\n{% block content %}\n<h1>{{ name }}</h1>\n{% include \"partials/list.html\" %}\n{% endblock %}\n",
    "templates/partials/list.html": "<ul>\n{% for i in items %}\n  <li>{{ loop.index }}. {{ i|title }}</li>\n{% endfor %}\n</ul>\n",
    "templates/macros.html": "{% macro badge(text, kind='info') -%}\n<span class=\"badge {{ kind }}\">{{ text }}</span>\n{%- endmacro %}\n{% macro who() %}{{ site_name }}{% endmacro %}\n",
    "templates/uses_macros.html": "{% import 'macros.html' as m %}{{ m.badge(name) }} {{ m.badge('ok', kind='good') }}\n",
    "templates/from_import.html": "{% from 'macros.html' import badge %}{{ badge('x') }}\n",
    "templates/import_context.html": "{% import 'macros.html' as m with context %}[{{ m.who() }}]\n",
    "templates/notes.txt": "Plain text: {{ name }} {{ html }}\n",
    "templates/feed.xml": "<feed>{{ name }}</feed>\n",
    "templates/two_levels.html": "{% extends 'page.html' %}\n{% block nav %}{{ super() }} | more{% endblock %}\n",
    "templates/broken.html": "<p>\n{% for x in items %}\n{{ x }}\n{% endfo %}\n",
    "templates/bad_include.html": "before\n{% include 'broken.html' %}\n",
    "templates/flashes.html": "{% with messages = get_flashed_messages(with_categories=true) %}{% for c, m in messages %}[{{ c }}:{{ m }}]{% endfor %}{% endwith %}\n",
    "templates/self_blocks.html": "{% block a %}A{% endblock %}-{{ self.a() }}\n",
    "templates/include_vars.html": "{% set local = 'L' %}{% include 'partials/show_local.html' %}\n",
    "templates/partials/show_local.html": "[{{ local }}|{{ name }}]",
    "templates/undefined_in_file.html": "ok\n{{ nope.deeper }}\n",
}

FILE_CASES = ["file:" + name[len("templates/"):] for name in sorted(FILES) if not name.startswith("templates/partials/")] + [
    "file:missing.html",
]

total = 0
total += scenario("expressions", EXPRESSIONS)
total += scenario("filters", FILTERS)
total += scenario("tests", TESTS)
total += scenario("control_whitespace_macros", CONTROL)
total += scenario("errors", ERRORS)
total += scenario("project_files_inheritance_includes_imports", FILE_CASES, FILES)
print(f"wrote {total} template cases")
