import json

for text in ['{"a": 1,}', '[1, 2', '', '{"user": "bob"}\n  oops', 'nul', '{"a"\n:\n}']:
    try:
        json.loads(text)
    except json.JSONDecodeError as e:
        print(type(e).__name__, isinstance(e, ValueError))
        print(" ", e.msg, "|", e.pos, e.lineno, e.colno, repr(e.doc))
        print(" ", e)
