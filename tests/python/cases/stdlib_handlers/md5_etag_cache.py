import hashlib
import json

def etag(body):
    return '"' + hashlib.md5(body.encode("utf-8")).hexdigest() + '"'

def respond(body, if_none_match=None):
    tag = etag(body)
    if if_none_match == tag:
        return 304, tag, ""
    return 200, tag, body

body = json.dumps({"items": [1, 2, 3]})
status, tag, _ = respond(body)
print(status, tag)
print(respond(body, tag)[0], respond(body + " ", tag)[0])
