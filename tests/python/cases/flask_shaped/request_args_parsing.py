def parse_query(qs):
    args = {}
    for pair in qs.split("&"):
        if not pair:
            continue
        key, _, value = pair.partition("=")
        args.setdefault(key, []).append(value)
    return args
args = parse_query("page=2&tag=py&tag=web&empty=")
print(args)
page = int(args.get("page", ["1"])[0])
print(page * 10, args.get("missing", ["default"])[0])
