# Building and reading a data: URL for a small image.
import base64

pixel = bytes([137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13])
url = "data:image/png;base64," + base64.b64encode(pixel).decode()
print(url)
header, _, body = url.partition(",")
mime = header[len("data:"):].split(";")[0]
print(mime, base64.b64decode(body) == pixel, list(base64.b64decode(body))[:4])
