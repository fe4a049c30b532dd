def http_status(code):
    match code:
        case 200:
            return "OK"
        case 301 | 302 | 307:
            return "redirect"
        case 404:
            return "not found"
        case 500:
            return "server error"
        case _:
            return "unknown"

for c in [200, 302, 404, 500, 418, 200.0, True]:
    print(c, http_status(c))

match "GET":
    case "POST":
        print("post")
    case "GET":
        print("get")

match b"abc":
    case "abc":
        print("str matched bytes")
    case b"abc":
        print("bytes")
