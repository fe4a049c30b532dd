# The playground's `urllib.parse`, written for the playground. Quoting and query splitting are
# native (`_urllib`, the same rules the simulated Werkzeug uses); splitting, joining and
# rebuilding URLs are here, following RFC 3986 with CPython 3.11's choices (which schemes carry
# a netloc, params or relative references; how dot segments are removed).
import _urllib
from collections import namedtuple

uses_relative = ["", "ftp", "http", "gopher", "nntp", "imap", "wais", "file", "https",
                 "shttp", "mms", "prospero", "rtsp", "rtspu", "sftp", "svn", "svn+ssh",
                 "ws", "wss"]
uses_netloc = ["", "ftp", "http", "gopher", "nntp", "telnet", "imap", "wais", "file", "mms",
               "https", "shttp", "snews", "prospero", "rtsp", "rtspu", "rsync", "svn",
               "svn+ssh", "sftp", "nfs", "git", "git+ssh", "ws", "wss"]
uses_params = ["", "ftp", "hdl", "prospero", "http", "imap", "https", "shttp", "rtsp",
               "rtspu", "sip", "sips", "mms", "sftp", "tel"]

_SCHEME_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-."


def _text(value, name="string"):
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("ascii")
    return value


def quote(string, safe="/", encoding=None, errors=None):
    if isinstance(string, (bytes, bytearray)):
        return "".join(
            chr(b) if chr(b) in safe or chr(b).isalnum() and b < 128 or chr(b) in "_.-~"
            else "%%%02X" % b
            for b in string
        )
    if not isinstance(string, str):
        raise TypeError("quote_from_bytes() expected bytes")
    return _urllib.quote(string, _text(safe))


def quote_plus(string, safe="", encoding=None, errors=None):
    if isinstance(string, str) and " " not in string:
        return quote(string, safe)
    if not isinstance(string, (str, bytes, bytearray)):
        raise TypeError("quote_from_bytes() expected bytes")
    if isinstance(string, str):
        return _urllib.quote_plus(string, _text(safe))
    return quote(string, _text(safe) + " ").replace(" ", "+")


def unquote(string, encoding="utf-8", errors="replace"):
    if isinstance(string, bytes):
        string = string.decode("latin-1")
    if not isinstance(string, str):
        raise TypeError("a bytes-like object is required, not '%s'" % type(string).__name__)
    if "%" not in string:
        return string
    return _urllib.unquote(string)


def unquote_plus(string, encoding="utf-8", errors="replace"):
    if not isinstance(string, str):
        raise TypeError("a bytes-like object is required, not '%s'" % type(string).__name__)
    return _urllib.unquote_plus(string)


def unquote_to_bytes(string):
    if isinstance(string, bytes):
        string = string.decode("latin-1")
    return _urllib.unquote_to_bytes(string)


def parse_qsl(qs, keep_blank_values=False, strict_parsing=False, encoding="utf-8",
              errors="replace", max_num_fields=None, separator="&"):
    if isinstance(qs, bytes):
        qs = qs.decode("ascii")
    if not qs:
        return []
    if not separator or not isinstance(separator, (str, bytes)):
        raise ValueError("Separator must be of type string or bytes.")
    if max_num_fields is not None and 1 + qs.count(separator) > max_num_fields:
        raise ValueError("Max number of fields exceeded")
    if separator != "&":
        qs = qs.replace("&", "\0").replace(separator, "&")
        return [(k.replace("\0", "&"), v.replace("\0", "&"))
                for k, v in _urllib.parse_qsl(qs, keep_blank_values, strict_parsing)]
    return _urllib.parse_qsl(qs, keep_blank_values, strict_parsing)


def parse_qs(qs, keep_blank_values=False, strict_parsing=False, encoding="utf-8",
             errors="replace", max_num_fields=None, separator="&"):
    found = {}
    for name, value in parse_qsl(qs, keep_blank_values, strict_parsing, encoding, errors,
                                 max_num_fields, separator):
        found.setdefault(name, []).append(value)
    return found


def urlencode(query, doseq=False, safe="", encoding=None, errors=None, quote_via=quote_plus):
    if hasattr(query, "items"):
        pairs = list(query.items())
    else:
        try:
            if len(query) and not isinstance(query[0], tuple):
                raise TypeError
        except TypeError:
            raise TypeError("not a valid non-string sequence or mapping object") from None
        pairs = list(query)

    def one(value):
        if isinstance(value, bytes):
            return quote_via(value, safe)
        return quote_via(str(value), safe)

    fields = []
    for name, value in pairs:
        name = one(name)
        if not doseq or isinstance(value, (str, bytes)):
            fields.append(name + "=" + one(value))
            continue
        try:
            len(value)
        except TypeError:
            fields.append(name + "=" + one(value))
            continue
        for item in value:
            fields.append(name + "=" + one(item))
    return "&".join(fields)


class _NetlocParts:
    # What SplitResult and ParseResult read out of `netloc`.
    def _replace(self, **changes):
        return type(self)(*[changes.pop(f, getattr(self, f)) for f in self._fields])

    @property
    def username(self):
        return self._userinfo()[0]

    @property
    def password(self):
        return self._userinfo()[1]

    def _userinfo(self):
        userinfo, at, _ = self.netloc.rpartition("@")
        if not at:
            return None, None
        user, colon, password = userinfo.partition(":")
        return user, (password if colon else None)

    def _hostinfo(self):
        hostinfo = self.netloc.rpartition("@")[2]
        if hostinfo.startswith("["):
            host, _, rest = hostinfo[1:].partition("]")
            _, colon, port = rest.partition(":")
        else:
            host, colon, port = hostinfo.partition(":")
        return host, (port if colon else None)

    @property
    def hostname(self):
        host = self._hostinfo()[0]
        if not host:
            return None
        return host.lower()

    @property
    def port(self):
        port = self._hostinfo()[1]
        if port is None or port == "":
            return None
        if not (port.isdigit() and port.isascii()):
            raise ValueError("Port could not be cast to integer value as %r" % port)
        number = int(port)
        if not 0 <= number <= 65535:
            raise ValueError("Port out of range 0-65535")
        return number


class SplitResult(namedtuple("SplitResult", "scheme netloc path query fragment"), _NetlocParts):
    def geturl(self):
        return urlunsplit(self)


class ParseResult(namedtuple("ParseResult", "scheme netloc path params query fragment"),
                  _NetlocParts):
    def geturl(self):
        return urlunparse(self)


# The namedtuple's own _replace would give back the plain tuple type, without geturl().
SplitResult._replace = _NetlocParts._replace
ParseResult._replace = _NetlocParts._replace


class DefragResult(namedtuple("DefragResult", "url fragment")):
    def geturl(self):
        return self.url + "#" + self.fragment if self.fragment else self.url


def urlsplit(url, scheme="", allow_fragments=True):
    url = _text(url)
    scheme = _text(scheme)
    # WHATWG: leading C0 controls and spaces go, and tabs and newlines anywhere.
    url = url.lstrip("".join(chr(c) for c in range(33)))
    scheme = scheme.strip("".join(chr(c) for c in range(33)))
    for c in "\t\r\n":
        url = url.replace(c, "")
        scheme = scheme.replace(c, "")
    colon = url.find(":")
    if colon > 0 and url[0].isascii() and url[0].isalpha():
        if all(c in _SCHEME_CHARS for c in url[:colon]):
            scheme, url = url[:colon].lower(), url[colon + 1:]
    netloc = query = fragment = ""
    if url[:2] == "//":
        end = len(url)
        for c in "/?#":
            at = url.find(c, 2)
            if at >= 0:
                end = min(end, at)
        netloc, url = url[2:end], url[end:]
        if ("[" in netloc) != ("]" in netloc):
            raise ValueError("Invalid IPv6 URL")
    if allow_fragments and "#" in url:
        url, fragment = url.split("#", 1)
    if "?" in url:
        url, query = url.split("?", 1)
    return SplitResult(scheme, netloc, url, query, fragment)


def urlparse(url, scheme="", allow_fragments=True):
    parts = urlsplit(url, scheme, allow_fragments)
    path, params = parts.path, ""
    if parts.scheme in uses_params and ";" in path:
        # Params follow the last path segment's first ';'.
        semicolon = path.find(";", max(path.rfind("/"), 0))
        if semicolon >= 0:
            path, params = path[:semicolon], path[semicolon + 1:]
    return ParseResult(parts.scheme, parts.netloc, path, params, parts.query, parts.fragment)


def urlunsplit(components):
    scheme, netloc, url, query, fragment = components
    if netloc or (scheme and scheme in uses_netloc and url[:2] != "//"):
        if url and url[:1] != "/":
            url = "/" + url
        url = "//" + (netloc or "") + url
    if scheme:
        url = scheme + ":" + url
    if query:
        url = url + "?" + query
    if fragment:
        url = url + "#" + fragment
    return url


def urlunparse(components):
    scheme, netloc, url, params, query, fragment = components
    if params:
        url = "%s;%s" % (url, params)
    return urlunsplit((scheme, netloc, url, query, fragment))


def urldefrag(url):
    if "#" in url:
        s, n, p, a, q, frag = urlparse(url)
        return DefragResult(urlunparse((s, n, p, a, q, "")), frag)
    return DefragResult(url, "")


def _remove_dots(segments):
    out = []
    for segment in segments:
        if segment == "..":
            if out:
                out.pop()
        elif segment != ".":
            out.append(segment)
    if segments and segments[-1] in (".", ".."):
        out.append("")
    return out


def urljoin(base, url, allow_fragments=True):
    if not (base and url):
        return url or base
    b = urlparse(base, "", allow_fragments)
    scheme, netloc, path, params, query, fragment = urlparse(url, b.scheme, allow_fragments)
    if scheme != b.scheme or scheme not in uses_relative:
        return url
    if scheme in uses_netloc:
        if netloc:
            return urlunparse((scheme, netloc, path, params, query, fragment))
        netloc = b.netloc
    if not path and not params:
        return urlunparse((scheme, netloc, b.path, b.params, query or b.query, fragment))
    if path.startswith("/"):
        segments = path.split("/")
    else:
        directory = b.path.split("/")[:-1] if b.path.split("/")[-1] else b.path.split("/")
        segments = directory + path.split("/")
        # Empty segments in the middle collapse (CPython's choice; RFC 3986 keeps them).
        segments = segments[:1] + [s for s in segments[1:-1] if s] + segments[-1:]
    joined = "/".join(_remove_dots(segments)) or "/"
    return urlunparse((scheme, netloc, joined, params, query, fragment))
