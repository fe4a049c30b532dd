import html
import json

data = {"name": "O'Brien", "note": "<b>&</b>"}
attr = html.escape(json.dumps(data))
print(f"<div data-user='{attr}'></div>")
print(json.loads(html.unescape(attr)) == data)
print(html.escape(json.dumps(["</script>"])))
