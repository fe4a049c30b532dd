import textwrap

snippet = """
    @app.route("/")
    def index():
        if "user" in session:
            return f"Hi {session['user']}"
        return "Please log in"
"""
code = textwrap.dedent(snippet).strip("\n")
print(code)
print(textwrap.indent(code, "    | ", lambda line: True))
print(len(code.splitlines()))
