# os.path for the playground: POSIX paths, written for the playground from what the functions
# do. The app's folder is /project (the app's working directory); exists(), isfile() and
# isdir() look at the project's files, which a running server lists (`_project_files`); with no
# server (the command line) no file exists.

sep = "/"
curdir = "."
pardir = ".."


def _kind(path):
    try:
        from _project_files import kind
    except ImportError:
        return None
    return kind(abspath(path))


def isabs(path):
    return path.startswith(sep)


def join(first, *rest):
    joined = first
    for piece in rest:
        if piece.startswith(sep):
            joined = piece
        elif joined and not joined.endswith(sep):
            joined = joined + sep + piece
        else:
            joined = joined + piece
    return joined


def split(path):
    cut = path.rfind(sep) + 1
    head, tail = path[:cut], path[cut:]
    if head.strip(sep):
        head = head.rstrip(sep)
    return head, tail


def basename(path):
    return split(path)[1]


def dirname(path):
    return split(path)[0]


def splitext(path):
    name_start = path.rfind(sep) + 1
    dot = path.rfind(".")
    # A name's leading dots (".bashrc") are not an extension.
    if dot > name_start and path[name_start:dot].strip("."):
        return path[:dot], path[dot:]
    return path, ""


def normpath(path):
    if not path:
        return curdir
    slashes = len(path) - len(path.lstrip(sep))
    root = sep * 2 if slashes == 2 else sep if slashes else ""
    kept = []
    for part in path.split(sep):
        if part in ("", curdir):
            continue
        if part == pardir and kept and kept[-1] != pardir:
            kept.pop()
        elif part != pardir or not root:
            kept.append(part)
    return root + sep.join(kept) or curdir


def abspath(path):
    return normpath(path if isabs(path) else join("/project", path))


def exists(path):
    return _kind(path) is not None


def isfile(path):
    return _kind(path) == "file"


def isdir(path):
    return _kind(path) == "dir"


def relpath(path, start=curdir):
    if not path:
        raise ValueError("no path specified")
    target = [part for part in abspath(path).split(sep) if part]
    origin = [part for part in abspath(start).split(sep) if part]
    shared = 0
    while shared < min(len(target), len(origin)) and target[shared] == origin[shared]:
        shared += 1
    steps = [pardir] * (len(origin) - shared) + target[shared:]
    return join(*steps) if steps else curdir
