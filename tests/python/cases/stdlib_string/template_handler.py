# A handler-style e-mail body from a Template, with a multi-line invalid placeholder error.
from string import Template, ascii_lowercase, capwords
body = Template("""Dear ${user},
your order #$order_id ships on $day.
Total: $$$total""")
print(body.substitute(user="ada", order_id=1017, day="Monday", total="12.50"))
print(body.safe_substitute({"user": "bob"}))
print(body.get_identifiers(), body.is_valid())
bad = Template("line one\nprice: $5 and ${oops")
print(bad.is_valid(), bad.safe_substitute())
try:
    bad.substitute()
except ValueError as e:
    print(e)
print(capwords("hello flask world"), ascii_lowercase[:5])
