import json

def parse_body(raw):
    try:
        return json.loads(raw), None
    except json.JSONDecodeError as err:
        return None, f"bad JSON at line {err.lineno}, column {err.colno}: {err.msg}"

print(parse_body('{"name": "Ada", "age": 36}'))
print(parse_body('{"name": "Ada", "age": }'))
print(parse_body('{\n  "name": "Ada",\n  "tags": [1, 2,]\n}'))
