# The `flask` module the learner's app imports, written in Python and run by the playground's
# interpreter. What it reproduces is Flask 3.1.3's and Werkzeug 3.1.9's *behaviour*: the order
# of the request hooks, when the session is opened and saved, when `Vary: Cookie` is added, the
# defaults, the error messages and pages. The code itself is the playground's own, written from
# that behaviour (comments name the upstream function a piece stands for); it is not a copy of
# Flask's source. What must be byte-exact or needs the host (routing, signing, JSON, Set-Cookie
# strings, the clock, the context-local proxies) comes from the native module `_flask_native`.
from markupsafe import Markup as _Markup
from _flask_native import _render_template
from _flask_native import _import_module, _run_project_file, _send_file
from _flask_native import (
    session, request, g, current_app,
    _ctx_request, _ctx_app, _raw_session, _session_accessed, _is_null_session,
    _sign_session, _dump_cookie, _json_dumps, _add_rule, _match, _url_for, _now, _new_url_map,
    _got_request_exception, _escape, _uri_to_iri, _iri_path, _allowed_methods, _lifetime_seconds, _http_reason,
    _set_session, _trace_save, _session_loads, _session_dumps, _push_context, _pop_context,
)

# ---------------------------------------------------------------------------------------------
# werkzeug.exceptions
# ---------------------------------------------------------------------------------------------


# The page Werkzeug answers an HTTP error with (HTTPException.get_body).
_ERROR_PAGE = (
    "<!doctype html>\n<html lang=en>\n<title>{code} {name}</title>\n<h1>{name}</h1>\n{text}\n"
)


class HTTPException(Exception):
    """An HTTP error that is also a response: its class gives the code and the default text,
    an instance may carry its own text or a ready response."""

    code = None
    description = None

    def __init__(self, description=None, response=None):
        Exception.__init__(self)
        self.response = response
        # Only a given text shadows the class's; None keeps the default.
        if description is not None:
            self.description = description

    @property
    def name(self):
        return _http_reason(self.code)

    def _code_or_unknown(self):
        return "???" if self.code is None else self.code

    def get_description(self, environ=None, scope=None):
        text = "" if self.description is None else self.description
        return "<p>" + _escape(text).replace("\n", "<br>") + "</p>"

    def get_body(self, environ=None, scope=None):
        return _ERROR_PAGE.format(
            code=self.code, name=_escape(self.name), text=self.get_description(environ)
        )

    def get_headers(self, environ=None, scope=None):
        return [("Content-Type", "text/html; charset=utf-8")]

    def get_response(self, environ=None, scope=None):
        ready = self.response
        if ready is None:
            ready = Response(self.get_body(environ), self.code, self.get_headers(environ))
        return ready

    def __str__(self):
        return f"{self._code_or_unknown()} {self.name}: {self.description}"

    def __repr__(self):
        return f"<{type(self).__name__} '{self._code_or_unknown()}: {self.name}'>"


class BadRequest(HTTPException):
    code = 400
    description = "The browser (or proxy) sent a request that this server could not understand."


class BadRequestKeyError(BadRequest, KeyError):
    # A 400 that is also the KeyError of the missing key (`request.form["x"]`): the key is
    # its only argument, as a KeyError's.
    def __init__(self, arg=None, *args, **kwargs):
        BadRequest.__init__(self, *args, **kwargs)
        self.args = () if arg is None else (arg,)

    def __str__(self):
        return BadRequest.__str__(self)


class Unauthorized(HTTPException):
    code = 401
    description = (
        "The server could not verify that you are authorized to access the URL requested. You"
        " either supplied the wrong credentials (e.g. a bad password), or your browser doesn't"
        " understand how to supply the credentials required."
    )


class Forbidden(HTTPException):
    code = 403
    description = (
        "You don't have the permission to access the requested resource. It is either"
        " read-protected or not readable by the server."
    )


class NotFound(HTTPException):
    code = 404
    description = (
        "The requested URL was not found on the server. If you entered the URL manually please"
        " check your spelling and try again."
    )


class MethodNotAllowed(HTTPException):
    code = 405
    description = "The method is not allowed for the requested URL."

    def __init__(self, valid_methods=None, description=None, response=None):
        self.valid_methods = valid_methods
        HTTPException.__init__(self, description=description, response=response)

    def get_headers(self, environ=None, scope=None):
        # The methods the URL does accept, when known, go in an Allow header.
        allow = [("Allow", ", ".join(self.valid_methods))] if self.valid_methods else []
        return super().get_headers(environ, scope) + allow


class NotAcceptable(HTTPException):
    code = 406
    description = (
        "The resource identified by the request is only capable of generating response entities"
        " which have content characteristics not acceptable according to the accept headers sent"
        " in the request."
    )


class RequestTimeout(HTTPException):
    code = 408
    description = (
        "The server closed the network connection because the browser didn't finish the request"
        " within the specified time."
    )


class Conflict(HTTPException):
    code = 409
    description = (
        "A conflict happened while processing the request. The resource might have been"
        " modified while the request was being processed."
    )


class Gone(HTTPException):
    code = 410
    description = (
        "The requested URL is no longer available on this server and there is no forwarding"
        " address. If you followed a link from a foreign page, please contact the author of this"
        " page."
    )


class UnsupportedMediaType(HTTPException):
    code = 415
    description = "The server does not support the media type transmitted in the request."


class PreconditionFailed(HTTPException):
    code = 412
    description = "The precondition on the request for the URL failed positive evaluation."


class RequestedRangeNotSatisfiable(HTTPException):
    code = 416
    description = "The server cannot provide the requested range."

    def __init__(self, length=None, units="bytes", description=None, response=None):
        HTTPException.__init__(self, description=description, response=response)
        self.length = length
        self.units = units

    def get_headers(self, environ=None, scope=None):
        # The length of what could have been sent, as Content-Range's "*/length".
        extra = [] if self.length is None else [("Content-Range", f"{self.units} */{self.length}")]
        return super().get_headers(environ, scope) + extra


class ImATeapot(HTTPException):
    code = 418
    description = "This server is a teapot, not a coffee machine"


class UnprocessableEntity(HTTPException):
    code = 422
    description = "The request was well-formed but was unable to be followed due to semantic errors."


class TooManyRequests(HTTPException):
    code = 429
    description = (
        "This user has exceeded an allotted request count. Try again later."
    )


class InternalServerError(HTTPException):
    code = 500
    description = (
        "The server encountered an internal error and was unable to complete your request."
        " Either the server is overloaded or there is an error in the application."
    )

    def __init__(self, description=None, response=None, original_exception=None):
        HTTPException.__init__(self, description=description, response=response)
        # What went wrong in the app, for a handler of 500 to look at (None for abort(500)).
        self.original_exception = original_exception


class NotImplemented(HTTPException):
    code = 501
    description = "The server does not support the action requested by the browser."


class ServiceUnavailable(HTTPException):
    code = 503
    description = (
        "The server is temporarily unable to service your request due to maintenance downtime or"
        " capacity problems. Please try again later."
    )


class RoutingException(Exception):
    pass


class RequestRedirect(HTTPException, RoutingException):
    # The router's answer to `/page` for a rule `/page/`: a permanent redirect to the new URL.
    code = 308

    def __init__(self, new_url):
        self.new_url = new_url
        HTTPException.__init__(self, new_url)

    def get_response(self, environ=None, scope=None):
        return redirect(self.new_url, code=self.code)


class BuildError(RoutingException, LookupError):
    pass


_aborter_mapping = {
    400: BadRequest, 401: Unauthorized, 403: Forbidden, 404: NotFound, 405: MethodNotAllowed,
    406: NotAcceptable, 408: RequestTimeout, 409: Conflict, 410: Gone, 412: PreconditionFailed,
    415: UnsupportedMediaType, 416: RequestedRangeNotSatisfiable, 418: ImATeapot, 422: UnprocessableEntity, 429: TooManyRequests,
    500: InternalServerError, 501: NotImplemented, 503: ServiceUnavailable,
}


def abort(status, *args, **kwargs):
    # abort(response) with nothing else raises that very response; abort(code, ...) raises the
    # exception class registered for the code, built from the other arguments.
    if not (args or kwargs or isinstance(status, int)):
        raise HTTPException(response=status)
    error_class = _aborter_mapping.get(status)
    if error_class is None:
        raise LookupError(f"no exception for {status!r}")
    raise error_class(*args, **kwargs)


# ---------------------------------------------------------------------------------------------
# werkzeug.datastructures
# ---------------------------------------------------------------------------------------------


class MultiDict:
    def __init__(self, pairs=()):
        self._pairs = list(pairs)

    def __getitem__(self, key):
        for k, v in self._pairs:
            if k == key:
                return v
        raise BadRequestKeyError(key)

    def __contains__(self, key):
        for k, v in self._pairs:
            if k == key:
                return True
        return False

    def __iter__(self):
        return iter(self.keys())

    def __len__(self):
        return len(self.keys())

    def __bool__(self):
        return len(self._pairs) > 0

    def get(self, key, default=None, type=None):
        for k, v in self._pairs:
            if k == key:
                if type is None:
                    return v
                try:
                    return type(v)
                except (ValueError, TypeError):
                    return default
        return default

    def getlist(self, key, type=None):
        out = []
        for k, v in self._pairs:
            if k == key:
                if type is None:
                    out.append(v)
                else:
                    try:
                        out.append(type(v))
                    except (ValueError, TypeError):
                        pass
        return out

    def keys(self):
        seen = []
        for k, v in self._pairs:
            if k not in seen:
                seen.append(k)
        return seen

    def values(self):
        return [self[k] for k in self.keys()]

    def items(self, multi=False):
        if multi:
            return list(self._pairs)
        return [(k, self[k]) for k in self.keys()]

    def to_dict(self, flat=True):
        if flat:
            return dict(self.items())
        return {k: self.getlist(k) for k in self.keys()}

    def __repr__(self):
        return f"{type(self).__name__}({self._pairs!r})"


class ImmutableMultiDict(MultiDict):
    pass


class CombinedMultiDict(MultiDict):
    pass


class Headers:
    def __init__(self, defaults=None):
        self._list = []
        if defaults is not None:
            self.extend(defaults)

    def _pairs_of(self, value):
        if isinstance(value, Headers):
            return list(value._list)
        if isinstance(value, dict):
            return list(value.items())
        return list(value)

    def extend(self, value):
        for k, v in self._pairs_of(value):
            self.add(k, v)

    def update(self, value):
        for k, v in self._pairs_of(value):
            self.set(k, v)

    def add(self, key, value):
        self._list.append((key, str(value)))

    def set(self, key, value):
        value = str(value)
        lower = key.lower()
        for i in range(len(self._list)):
            if self._list[i][0].lower() == lower:
                self._list[i] = (key, value)
                rest = []
                for j in range(len(self._list)):
                    if j <= i or self._list[j][0].lower() != lower:
                        rest.append(self._list[j])
                self._list = rest
                return
        self._list.append((key, value))

    def get(self, key, default=None, type=None):
        lower = key.lower()
        for k, v in self._list:
            if k.lower() == lower:
                if type is None:
                    return v
                try:
                    return type(v)
                except (ValueError, TypeError):
                    return default
        return default

    def getlist(self, key):
        lower = key.lower()
        return [v for k, v in self._list if k.lower() == lower]

    def get_all(self, key):
        return self.getlist(key)

    def __getitem__(self, key):
        lower = key.lower()
        for k, v in self._list:
            if k.lower() == lower:
                return v
        raise BadRequestKeyError(key)

    def __setitem__(self, key, value):
        self.set(key, value)

    def __delitem__(self, key):
        lower = key.lower()
        self._list = [(k, v) for k, v in self._list if k.lower() != lower]

    def remove(self, key):
        del self[key]

    def __contains__(self, key):
        lower = key.lower()
        for k, v in self._list:
            if k.lower() == lower:
                return True
        return False

    def __iter__(self):
        return iter(list(self._list))

    def __len__(self):
        return len(self._list)

    def keys(self):
        return [k for k, v in self._list]

    def values(self):
        return [v for k, v in self._list]

    def items(self):
        return list(self._list)

    def to_wsgi_list(self):
        return list(self._list)

    def __repr__(self):
        return f"{type(self).__name__}({self._list!r})"


# ---------------------------------------------------------------------------------------------
# Request and Response
# ---------------------------------------------------------------------------------------------


class Request:
    def __init__(self, method, scheme, host, path, query_string, args, form, headers, cookies,
                 data):
        self.method = method
        self.scheme = scheme
        self.host = host
        self.path = path
        self.query_string = query_string.encode("latin-1")
        self.args = ImmutableMultiDict(args)
        self._form = ImmutableMultiDict(form)
        self.headers = Headers(headers)
        self.cookies = ImmutableMultiDict(cookies)
        self._body = data
        self._cached_data = None
        self._form_read = False
        self.remote_addr = "127.0.0.1"
        self.url_rule = None
        self.view_args = None
        self.endpoint = None
        self.routing_exception = None
        self.environ = {}

    @property
    def form(self):
        # Werkzeug parses a form body from the stream: once the form is read, a body not read
        # (and cached) before is gone for get_data().
        self._form_read = True
        return self._form

    def get_data(self, cache=True, as_text=False, parse_form_data=False):
        data = self._cached_data
        if data is None:
            if parse_form_data:
                self._form_read = True
            form_body = self.mimetype in ("application/x-www-form-urlencoded",
                                          "multipart/form-data")
            data = b"" if form_body and self._form_read else self._body
            if cache:
                self._cached_data = data
        if as_text:
            return data.decode("utf-8", "replace")
        return data

    @property
    def data(self):
        return self.get_data(parse_form_data=True)

    @property
    def values(self):
        return CombinedMultiDict(self.args.items(multi=True) + self.form.items(multi=True))

    @property
    def full_path(self):
        return self.path + "?" + self.query_string.decode("latin-1")

    @property
    def host_url(self):
        return self.scheme + "://" + self.host + "/"

    @property
    def root_url(self):
        return self.host_url

    @property
    def base_url(self):
        return self.scheme + "://" + self.host + _url_quote_path(self.path)

    @property
    def url(self):
        q = _uri_to_iri(self.query_string.decode("latin-1"))
        if q:
            return self.base_url + "?" + q
        return self.base_url

    @property
    def url_root(self):
        return self.host_url

    @property
    def content_type(self):
        return self.headers.get("Content-Type")

    @property
    def mimetype(self):
        ct = self.headers.get("Content-Type", "")
        return ct.split(";")[0].strip().lower()

    @property
    def is_json(self):
        mt = self.mimetype
        return mt == "application/json" or (mt.startswith("application/") and mt.endswith("+json"))

    @property
    def json(self):
        return self.get_json()

    def get_json(self, force=False, silent=False, cache=True):
        if not (force or self.is_json):
            if not silent:
                raise UnsupportedMediaType(
                    "Did not attempt to load JSON data because the request Content-Type was not"
                    " 'application/json'."
                )
            return None
        try:
            return _json_loads(self.get_data(cache=cache).decode("utf-8"))
        except ValueError:
            if silent:
                return None
            # Flask's on_json_loading_failed outside debug mode: the plain 400.
            raise BadRequest()

    @property
    def accept_languages(self):
        return Accept(self.headers.get("Accept-Language", ""))

    @property
    def accept_mimetypes(self):
        return Accept(self.headers.get("Accept", ""))

    @property
    def user_agent(self):
        return UserAgent(self.headers.get("User-Agent", ""))

    @property
    def blueprint(self):
        # The blueprint part of the matched endpoint ("auth.login" -> "auth"); None for a view
        # of the app itself or when nothing matched.
        endpoint = self.endpoint
        if endpoint is None or "." not in endpoint:
            return None
        return endpoint.rpartition(".")[0]

    @property
    def blueprints(self):
        # The request's blueprint and those it is nested in, innermost first.
        names = []
        name = self.blueprint
        while name:
            names.append(name)
            name = name.rpartition(".")[0]
        return names


class Accept:
    """werkzeug.datastructures.Accept: values by quality, best first."""

    def __init__(self, header):
        items = []
        for part in header.split(","):
            part = part.strip()
            if not part:
                continue
            value, _, params = part.partition(";")
            quality = 1.0
            params = params.strip()
            if params.startswith("q="):
                try:
                    quality = float(params[2:])
                except ValueError:
                    quality = 0.0
            items.append((value.strip(), quality))
        self._items = sorted(items, key=lambda x: -x[1])

    @property
    def best(self):
        if self._items:
            return self._items[0][0]
        return None

    def __contains__(self, value):
        return any(v == value for v, q in self._items)

    def __iter__(self):
        return iter(self._items)

    def __bool__(self):
        return bool(self._items)

    def __str__(self):
        return ",".join(v if q == 1 else f"{v};q={q}" for v, q in self._items)


class UserAgent:
    def __init__(self, string):
        self.string = string
        self.platform = None
        self.browser = None
        self.version = None
        self.language = None

    def __str__(self):
        return self.string

    def __bool__(self):
        return bool(self.string)

    def __repr__(self):
        return f"<UserAgent {self.browser!r}/{self.version!r}>"


def _url_quote_path(path):
    return _iri_path(path)


# The mimetypes Werkzeug's get_content_type gives a charset besides text/* and */*+xml.
_CHARSET_MIMETYPES = ("application/xml", "application/javascript", "application/ecmascript")


def _with_charset(mimetype):
    """A mimetype as a Content-Type value: the textual ones get `; charset=utf-8`."""
    textual = (
        mimetype.startswith("text/")
        or mimetype.endswith("+xml")
        or mimetype in _CHARSET_MIMETYPES
    )
    return mimetype + "; charset=utf-8" if textual else mimetype


def _body_bytes(body):
    # A body is text, bytes, or an iterable of chunks of either (joined here at once).
    if body is None:
        return b""
    if isinstance(body, (str, bytes)):
        return body
    chunks = []
    for chunk in body:
        chunks.append(chunk.encode("utf-8") if isinstance(chunk, str) else chunk)
    return b"".join(chunks)


class Response:
    default_status = 200
    default_mimetype = "text/html"
    autocorrect_location_header = False

    def __init__(self, response=None, status=None, headers=None, mimetype=None,
                 content_type=None):
        # A Headers object passed in is used as it is, anything else is copied into new ones.
        self.headers = headers if isinstance(headers, Headers) else Headers(headers or None)
        if content_type is None:
            content_type = self._content_type_for(mimetype)
        if content_type is not None:
            self.headers["Content-Type"] = content_type
        self.status = self.default_status if status is None else status
        self.set_data(_body_bytes(response))

    def _content_type_for(self, mimetype):
        # Without a mimetype the class's default applies, unless the headers given already
        # say what the body is.
        if mimetype is None:
            if "content-type" in self.headers:
                return None
            mimetype = self.default_mimetype
        return None if mimetype is None else _with_charset(mimetype)

    @property
    def status(self):
        return f"{self.status_code} {_http_reason(self.status_code).upper()}"

    @status.setter
    def status(self, value):
        if isinstance(value, int):
            self.status_code = value
            return
        value = value.strip()
        if not value:
            raise ValueError("Empty status argument")
        code = value.split(None, 1)[0]
        self.status_code = int(code)

    def set_data(self, value):
        if isinstance(value, _Markup):
            value = str(value)
        if isinstance(value, str):
            value = value.encode("utf-8")
        self._data = bytes(value)
        self.headers["Content-Length"] = str(len(self._data))

    def get_data(self, as_text=False):
        if as_text:
            return self._data.decode("utf-8", "replace")
        return self._data

    @property
    def data(self):
        return self.get_data()

    @data.setter
    def data(self, value):
        self.set_data(value)

    @property
    def mimetype(self):
        ct = self.headers.get("content-type")
        if ct:
            return ct.split(";")[0].strip()
        return None

    @mimetype.setter
    def mimetype(self, value):
        self.headers["Content-Type"] = _with_charset(value)

    @property
    def content_type(self):
        return self.headers.get("content-type")

    @content_type.setter
    def content_type(self, value):
        self.headers["Content-Type"] = value

    @property
    def location(self):
        return self.headers.get("location")

    @location.setter
    def location(self, value):
        self.headers["Location"] = value

    @property
    def is_json(self):
        return self.mimetype == "application/json"

    def get_json(self, force=False, silent=False):
        return _json_loads(self._data.decode("utf-8"))

    @property
    def json(self):
        return self.get_json()

    @property
    def vary(self):
        return _VarySet(self)

    def _add_vary(self, value):
        current = self.headers.get("Vary")
        if current is None:
            self.headers["Vary"] = value
            return
        items = [x.strip() for x in current.split(",") if x.strip()]
        if value.lower() not in [x.lower() for x in items]:
            items.append(value)
            self.headers["Vary"] = ", ".join(items)

    def set_cookie(self, key, value="", max_age=None, expires=None, path="/", domain=None,
                   secure=False, httponly=False, samesite=None, partitioned=False):
        self.headers.add(
            "Set-Cookie",
            _dump_cookie(key, value, max_age, expires, path, domain, secure, httponly, samesite,
                         partitioned),
        )

    def delete_cookie(self, key, path="/", domain=None, secure=False, httponly=False,
                      samesite=None, partitioned=False):
        self.set_cookie(key, expires=0, max_age=0, path=path, domain=domain, secure=secure,
                        httponly=httponly, samesite=samesite, partitioned=partitioned)

    def __repr__(self):
        return f"<{type(self).__name__} {len(self._data)} bytes [{self.status}]>"


_DefaultResponse = Response


class _VarySet:
    # Werkzeug's `response.vary` HeaderSet, as far as session interfaces use it.
    def __init__(self, response):
        self._response = response

    def add(self, value):
        self._response._add_vary(value)

    def _items(self):
        current = self._response.headers.get("Vary") or ""
        return [x.strip() for x in current.split(",") if x.strip()]

    def __contains__(self, value):
        return value.lower() in [x.lower() for x in self._items()]

    def __iter__(self):
        return iter(self._items())

    def __len__(self):
        return len(self._items())


# The little page Werkzeug's redirect() puts in the body; {0} is the escaped target.
_REDIRECT_PAGE = (
    "<!doctype html>\n<html lang=en>\n<title>Redirecting...</title>\n<h1>Redirecting...</h1>\n"
    "<p>You should be redirected automatically to the target URL: <a href=\"{0}\">{0}</a>."
    " If not, click the link.\n"
)


def redirect(location, code=302, Response=None):
    response_class = _DefaultResponse if Response is None else Response
    answer = response_class(_REDIRECT_PAGE.format(_escape(location)), code, mimetype="text/html")
    answer.headers["Location"] = location
    return answer


def _json_payload(args, kwargs):
    # What the JSON provider's response() serializes: keyword arguments as an object, one
    # positional argument as itself, several as an array, nothing as null.
    if kwargs:
        if args:
            raise TypeError("app.json.response() takes either args or kwargs, not both")
        return kwargs
    if len(args) == 1:
        return args[0]
    return args if args else None


def jsonify(*args, **kwargs):
    text = _json_dumps(_json_payload(args, kwargs))
    return Response(text + "\n", mimetype="application/json")


def make_response(*args):
    # No arguments: an empty response; one: converted as a view's return value; several:
    # taken together as the (body, status, headers) tuple a view may return.
    app = current_app
    if not args:
        return app.response_class()
    return app.make_response(args[0] if len(args) == 1 else args)


def url_for(endpoint, *, _anchor=None, _method=None, _scheme=None, _external=None, **values):
    app = _ctx_app()
    if endpoint[:1] == ".":
        endpoint = _relative_endpoint(endpoint)
    app.inject_url_defaults(endpoint, values)
    return _url_for(endpoint, _anchor, _method, _scheme, _external, values)


def _relative_endpoint(endpoint):
    # ".view" names a view of the current request's blueprint; outside one, the app's "view".
    try:
        current = _ctx_request().blueprint
    except RuntimeError:
        current = None
    return endpoint[1:] if current is None else current + endpoint


def flash(message, category="message"):
    # The queue is a list of (category, message) pairs under the session key "_flashes"; it is
    # stored back so that the session counts as modified.
    queue = session.get("_flashes", [])
    queue.append((category, message))
    session["_flashes"] = queue


def get_flashed_messages(with_categories=False, category_filter=()):
    # The first call in a request takes the queue out of the session; later calls in the same
    # request see the same messages again (Flask keeps them on the request context, we on g).
    taken = g.get("_flashes") if "_flashes" in g else None
    if taken is None:
        taken = session.pop("_flashes") if "_flashes" in session else []
        g._flashes = taken
    wanted = [pair for pair in taken if pair[0] in category_filter] if category_filter else taken
    return wanted if with_categories else [text for _category, text in wanted]


def _template_context(app, context):
    # Flask's update_template_context: the default processor (g, request, session), then the
    # app's processors in order, then the caller's values, which win.
    ctx = {"g": g, "request": request, "session": session}
    for scope in _scopes_outer_first(app):
        for processor in app.template_context_processors.get(scope, ()):
            ctx.update(processor())
    ctx.update(context)
    return ctx


def _loader_templates(app):
    loader = app.jinja_env.loader
    if loader is not None:
        return loader._templates()
    # Flask's dispatching loader: the app's own loader, then each blueprint's in the order
    # they were registered; the first that has a name gives its template.
    found = {}
    loaders = [app.jinja_loader] + [bp.jinja_loader for bp in app.blueprints.values()]
    for each in loaders:
        if each is not None:
            for name, text in each._templates().items():
                found.setdefault(name, text)
    return found


def _render(app, name, source, context):
    env = app.jinja_env
    return _render_template(name, source, _template_context(app, context), env.globals,
                            env.filters, env.tests, _loader_templates(app))


def render_template_string(source, **context):
    return _render(_ctx_app(), None, source, context)


def render_template(template_name_or_list, **context):
    app = _ctx_app()
    if isinstance(template_name_or_list, (list, tuple)):
        # Environment.select_template: the first that exists.
        known = _loader_templates(app)
        for name in template_name_or_list:
            if name in known:
                return _render(app, name, None, context)
        from jinja2 import TemplatesNotFound
        raise TemplatesNotFound(list(template_name_or_list))
    return _render(app, template_name_or_list, None, context)


def stream_template(template_name_or_list, **context):
    return iter([render_template(template_name_or_list, **context)])


def stream_template_string(source, **context):
    return iter([render_template_string(source, **context)])


def _tojson_filter(obj, **kwargs):
    # Flask's tojson: app.json.dumps (sorted keys, ASCII), made safe to put in HTML.
    import json as _stdjson

    def default(o):
        if hasattr(o, "__html__"):
            return str(o.__html__())
        raise TypeError(f"Object of type {type(o).__name__} is not JSON serializable")

    kwargs.setdefault("sort_keys", True)
    text = _stdjson.dumps(obj, default=default, **kwargs)
    text = (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("'", "\\u0027"))
    return _Markup(text)


def _truncate(s, length=255, killwords=False, end="...", leeway=None):
    # Jinja2's truncate (leeway 5 by default).
    leeway = 5 if leeway is None else leeway
    if len(s) <= length + leeway:
        return s
    if killwords:
        return s[:length - len(end)] + end
    result = s[:length - len(end)].rsplit(" ", 1)[0]
    return result + end


def _center(value, width=80):
    return str(value).center(width)


def _wordcount(s):
    return len([w for w in str(s).split() if w])


def _striptags(value):
    text = str(value.__html__() if hasattr(value, "__html__") else value)
    out = []
    inside = False
    for ch in text:
        if ch == "<":
            inside = True
        elif ch == ">" and inside:
            inside = False
        elif not inside:
            out.append(ch)
    return _Markup(" ".join("".join(out).split())).unescape()


def _filesizeformat(value, binary=False):
    size = float(value)
    base = 1024 if binary else 1000
    prefixes = (["KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"] if binary
                else ["kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"])
    if size == 1:
        return "1 Byte"
    if size < base:
        return f"{int(size)} Bytes"
    for i, prefix in enumerate(prefixes):
        unit = base ** (i + 2)
        if size < unit:
            return f"{base * size / unit:.1f} {prefix}"
    return f"{base * size / unit:.1f} {prefix}"


def _dictsort(value, case_sensitive=False, by="key", reverse=False):
    # Jinja2's dictsort: (key, value) pairs as tuples, sorted by key or by value, strings
    # compared without case unless asked.
    if by not in ("key", "value"):
        raise ValueError("You can only sort by either 'key' or 'value'")
    at = 0 if by == "key" else 1

    def sort_key(pair):
        item = pair[at]
        return item.lower() if isinstance(item, str) and not case_sensitive else item

    return sorted(value.items(), key=sort_key, reverse=reverse)


def _url_quote(value, for_qs=False):
    from urllib.parse import quote
    text = value if isinstance(value, str) else str(value)
    quoted = quote(text, safe="" if for_qs else "/")
    return quoted.replace("%20", "+") if for_qs else quoted


def _urlencode(value):
    # Jinja2's urlencode: a string quoted as a path; a dict or an iterable of pairs as a query
    # string in its own order, with spaces as "+".
    if isinstance(value, str):
        return _url_quote(value)
    try:
        pairs = value.items() if isinstance(value, dict) else iter(value)
    except TypeError:
        return _url_quote(value)
    return "&".join(_url_quote(k, True) + "=" + _url_quote(v, True) for k, v in pairs)


def _random_item(seq):
    # Jinja2's random filter draws with Python's random module, which the playground seeds.
    import random
    return random.choice(seq)


_EXTRA_FILTERS = {
    "dictsort": _dictsort,
    "urlencode": _urlencode,
    "random": _random_item,
    "truncate": _truncate,
    "center": _center,
    "wordcount": _wordcount,
    "striptags": _striptags,
    "filesizeformat": _filesizeformat,
}


class _JinjaEnvironment:
    # What Flask's app.jinja_env offers an app: the globals, filters and tests templates see,
    # and a loader (None: the app's jinja_loader, its templates/ folder).
    def __init__(self, app):
        self.globals = {
            "url_for": url_for,
            "get_flashed_messages": get_flashed_messages,
            "config": app.config,
        }
        self.filters = dict(_EXTRA_FILTERS, tojson=_tojson_filter)
        self.tests = {"callable": callable}
        self.loader = None
        self.autoescape = True

    def from_string(self, source):
        return _StringTemplate(source)

    def get_template(self, name):
        return _NamedTemplate(name)


class _StringTemplate:
    def __init__(self, source):
        self.source = source

    def render(self, *args, **kwargs):
        return render_template_string(self.source, **dict(*args, **kwargs))


class _NamedTemplate:
    def __init__(self, name):
        self.name = name

    def render(self, *args, **kwargs):
        return render_template(self.name, **dict(*args, **kwargs))


def escape(s):
    return _escape(s)


# ---------------------------------------------------------------------------------------------
# The application
# ---------------------------------------------------------------------------------------------


class _AppCtxGlobals:
    def get(self, name, default=None):
        return self.__dict__.get(name, default)

    # Changes go through setattr/delattr: the interpreter's `__dict__` of an instance is a
    # view to read, not the attribute table itself.
    def pop(self, name, *default):
        if name in self.__dict__:
            value = getattr(self, name)
            delattr(self, name)
            return value
        if default:
            return default[0]
        raise KeyError(name)

    def setdefault(self, name, default=None):
        if name not in self.__dict__:
            setattr(self, name, default)
        return getattr(self, name)

    def __contains__(self, item):
        return item in self.__dict__

    def __iter__(self):
        return iter(self.__dict__)

    def __repr__(self):
        return "<flask.g of 'app'>"


# ---------------------------------------------------------------------------------------------
# flask.config: app.config is a dict with ways to fill it (Flask 3.1's Config). Only upper-case
# keys are taken from objects, mappings and files; the playground has no environment variables,
# so the environment-reading methods find nothing (what real Flask does in an empty one).
# ---------------------------------------------------------------------------------------------


class Config(dict):
    def __init__(self, root_path=None, defaults=None):
        super().__init__({} if defaults is None else defaults)
        self.root_path = root_path

    def from_envvar(self, variable_name, silent=False):
        if silent:
            return False
        raise RuntimeError(
            f"The environment variable {variable_name!r} is not set and as such configuration"
            " could not be loaded. Set this variable and make it point to a configuration file"
        )

    def from_prefixed_env(self, prefix="FLASK", *, loads=None):
        return True

    def from_object(self, obj):
        if isinstance(obj, str):
            obj = _import_string(obj)
        for key in dir(obj):
            if key.isupper():
                self[key] = getattr(obj, key)

    def _path(self, filename):
        # os.path.join(root_path, filename): an absolute name stands alone.
        if filename.startswith("/") or not self.root_path:
            return filename
        return self.root_path.rstrip("/") + "/" + filename

    def from_file(self, filename, load, silent=False, text=True):
        path = self._path(filename)
        try:
            with open(path, "r" if text else "rb") as handle:
                loaded = load(handle)
        except FileNotFoundError:
            if silent:
                return False
            raise FileNotFoundError(
                "[Errno 2] Unable to load configuration file (No such file or directory):"
                f" {path!r}"
            ) from None
        return self.from_mapping(loaded)

    def from_pyfile(self, filename, silent=False):
        path = self._path(filename)
        try:
            module = _run_project_file(path)
        except FileNotFoundError:
            if silent:
                return False
            raise FileNotFoundError(
                "[Errno 2] Unable to load configuration file (No such file or directory):"
                f" {path!r}"
            ) from None
        self.from_object(module)
        return True

    def from_mapping(self, mapping=None, **kwargs):
        given = {}
        if mapping is not None:
            given.update(mapping)
        given.update(kwargs)
        for key, value in given.items():
            if key.isupper():
                self[key] = value
        return True

    def get_namespace(self, namespace, lowercase=True, trim_namespace=True):
        found = {}
        for key, value in self.items():
            if not key.startswith(namespace):
                continue
            name = key[len(namespace):] if trim_namespace else key
            found[name.lower() if lowercase else name] = value
        return found

    def __repr__(self):
        return f"<{type(self).__name__} {dict(self)!r}>"


class ImportStringError(ImportError):
    """werkzeug.utils.ImportStringError: a dotted name that could not be imported."""

    def __init__(self, import_name, exception):
        self.import_name = import_name
        self.exception = exception
        tried = []
        parts = import_name.replace(":", ".").split(".")
        for i in range(len(parts)):
            prefix = ".".join(parts[:i + 1])
            try:
                _import_module(prefix)
            except ImportError:
                tried.append(f"- {prefix!r} not found.")
                break
            tried.append(f"- {prefix!r} found.")
        message = (
            f"import_string() failed for {import_name!r}. Possible reasons are:\n\n"
            "- missing __init__.py in a package;\n"
            "- package or module path not included in sys.path;\n"
            "- duplicated package or module name taking precedence in sys.path;\n"
            "- missing module, class, function or variable;\n\n"
            "Debugged import:\n\n" + "\n".join(tried) + "\n\n"
            f"Original exception:\n\n{type(exception).__name__}: {exception}"
        )
        ImportError.__init__(self, message)


def _import_string(import_name):
    # werkzeug.utils.import_string: a module by its dotted name, or an attribute of the module
    # named by everything before the last dot.
    name = import_name.replace(":", ".")
    try:
        try:
            return _import_module(name)
        except ImportError:
            if "." not in name:
                raise
        module_name, _, attribute = name.rpartition(".")
        module = _import_module(module_name)
        try:
            return getattr(module, attribute)
        except AttributeError as e:
            raise ImportError(e)
    except ImportError as e:
        raise ImportStringError(import_name, e) from None


# ---------------------------------------------------------------------------------------------
# werkzeug.datastructures.CallbackDict and flask.sessions (Flask 3.1.3). The default interface's
# open/save run natively (server.rs) for speed; these classes are what app code subclasses, and
# they run whenever `app.session_interface` is anything but the default instance.
# ---------------------------------------------------------------------------------------------

_missing = object()


class CallbackDict(dict):
    """Werkzeug's CallbackDict: a dict that calls `on_update(self)` after every change made
    through its own methods (reads never call it)."""

    on_update = None

    def __init__(self, initial=None, on_update=None):
        super().__init__(() if initial is None else initial)
        self.on_update = on_update

    def _changed(self):
        callback = self.on_update
        if callback is not None:
            callback(self)

    # Each change is made on the plain dict, then reported. (`super().update` stands in for
    # `super().__setitem__`: the interpreter's super() does not reach dunders of built-in types.)
    def __setitem__(self, key, value):
        super().update(((key, value),))
        self._changed()

    def __delitem__(self, key):
        super().pop(key)
        self._changed()

    def setdefault(self, key, default=None):
        # Only inserting a missing key is a change.
        if key in self:
            return super().get(key)
        super().update(((key, default),))
        self._changed()
        return default

    def pop(self, key, default=_missing):
        # Only removing a present key is a change; a missing one gives the default, or the
        # KeyError when there is none.
        if key in self:
            value = super().pop(key)
            self._changed()
            return value
        if default is _missing:
            raise KeyError(key)
        return default

    def popitem(self):
        pair = super().popitem()
        self._changed()
        return pair

    def clear(self):
        super().clear()
        self._changed()

    def update(self, *args, **kwargs):
        super().update(*args, **kwargs)
        self._changed()

    def __repr__(self):
        return f"<{type(self).__name__} {dict(self)!r}>"


def _read_permanent(session):
    return session.get("_permanent", False)


def _write_permanent(session, value):
    session["_permanent"] = bool(value)


class SessionMixin:
    # flask.sessions.SessionMixin: `permanent` lives in the data under "_permanent"; the class
    # defaults say a session is not new, not accessed, and (unless it tracks it) modified.
    permanent = property(_read_permanent, _write_permanent)
    new = False
    accessed = False
    modified = True


def _mark_modified(session):
    session.modified = True


class SecureCookieSession(CallbackDict, SessionMixin):
    # Starts unmodified; any change through the dict methods marks it modified.
    modified = False

    def __init__(self, initial=None):
        super().__init__(initial, _mark_modified)


_NO_SECRET_KEY = (
    "The session is unavailable because no secret key was set.  Set the secret_key on the"
    " application to something unique and secret."
)


class NullSession(SecureCookieSession):
    def __setitem__(self, *args, **kwargs):
        raise RuntimeError(_NO_SECRET_KEY)

    def __delitem__(self, *args, **kwargs):
        raise RuntimeError(_NO_SECRET_KEY)

    def clear(self, *args, **kwargs):
        raise RuntimeError(_NO_SECRET_KEY)

    def pop(self, *args, **kwargs):
        raise RuntimeError(_NO_SECRET_KEY)

    def popitem(self, *args, **kwargs):
        raise RuntimeError(_NO_SECRET_KEY)

    def update(self, *args, **kwargs):
        raise RuntimeError(_NO_SECRET_KEY)

    def setdefault(self, *args, **kwargs):
        raise RuntimeError(_NO_SECRET_KEY)


class SessionInterface:
    null_session_class = NullSession
    pickle_based = False

    def make_null_session(self, app):
        return self.null_session_class()

    def is_null_session(self, obj):
        return isinstance(obj, self.null_session_class)

    def get_cookie_name(self, app):
        return app.config["SESSION_COOKIE_NAME"]

    def get_cookie_domain(self, app):
        return app.config["SESSION_COOKIE_DOMAIN"]

    def get_cookie_path(self, app):
        return app.config["SESSION_COOKIE_PATH"] or app.config["APPLICATION_ROOT"]

    def get_cookie_httponly(self, app):
        return app.config["SESSION_COOKIE_HTTPONLY"]

    def get_cookie_secure(self, app):
        return app.config["SESSION_COOKIE_SECURE"]

    def get_cookie_samesite(self, app):
        return app.config["SESSION_COOKIE_SAMESITE"]

    def get_cookie_partitioned(self, app):
        return app.config["SESSION_COOKIE_PARTITIONED"]

    def get_expiration_time(self, app, session):
        # A permanent session's cookie lasts the configured lifetime from now (an aware UTC
        # datetime); any other is a browser-session cookie (None).
        if not session.permanent:
            return None
        from datetime import datetime, timezone
        return datetime.now(timezone.utc) + app.permanent_session_lifetime

    def should_set_cookie(self, app, session):
        # Written when changed, and on every request for a permanent session when
        # SESSION_REFRESH_EACH_REQUEST is on (so its expiry moves forward).
        if session.modified:
            return True
        return session.permanent and app.config["SESSION_REFRESH_EACH_REQUEST"]

    def open_session(self, app, request):
        raise NotImplementedError()

    def save_session(self, app, session, response):
        raise NotImplementedError()


class SecureCookieSessionInterface(SessionInterface):
    salt = "cookie-session"
    key_derivation = "hmac"
    session_class = SecureCookieSession

    def open_session(self, app, request):
        # No secret key: no session (Flask then makes the null session).
        if not app.secret_key:
            return None
        cookie = request.cookies.get(self.get_cookie_name(app))
        if cookie:
            # The fallback keys are tried before the current one; a cookie older than the
            # permanent lifetime, or one no key verifies, gives a fresh session.
            keys = list(app.config["SECRET_KEY_FALLBACKS"] or ()) + [app.secret_key]
            lifetime = int(app.permanent_session_lifetime.total_seconds())
            data = _session_loads(keys, self.salt, cookie, lifetime)
            if data is not None:
                return self.session_class(data)
        return self.session_class()

    def _cookie_attributes(self, app):
        # The getters are called in the order Flask calls them (a subclass may override one).
        attributes = {}
        attributes["domain"] = self.get_cookie_domain(app)
        attributes["path"] = self.get_cookie_path(app)
        attributes["secure"] = self.get_cookie_secure(app)
        attributes["partitioned"] = self.get_cookie_partitioned(app)
        attributes["samesite"] = self.get_cookie_samesite(app)
        attributes["httponly"] = self.get_cookie_httponly(app)
        return attributes

    def save_session(self, app, session, response):
        name = self.get_cookie_name(app)
        attributes = self._cookie_attributes(app)
        # A response that depends on the session varies with the Cookie header: reading it
        # is enough, and so is writing or deleting the cookie below.
        if session.accessed:
            response.vary.add("Cookie")
        if session:
            if self.should_set_cookie(app, session):
                expires = self.get_expiration_time(app, session)
                value = _session_dumps(app.secret_key, self.salt, dict(session))
                response.set_cookie(name, value, expires=expires, **attributes)
                response.vary.add("Cookie")
        elif session.modified:
            # Emptied during the request: the browser is told to forget the cookie.
            response.delete_cookie(name, **attributes)
            response.vary.add("Cookie")


def _as_timedelta(value):
    # PERMANENT_SESSION_LIFETIME may be set as a number of seconds; None and timedeltas pass.
    from datetime import timedelta
    if value is not None and not isinstance(value, timedelta):
        value = timedelta(seconds=value)
    return value


def _rule_methods(methods, view_func):
    """The methods a rule accepts, upper case, each once: those given, else the view's own
    `methods` attribute, else GET."""
    listed = methods if methods is not None else getattr(view_func, "methods", None) or ["GET"]
    if isinstance(listed, str):
        # A string would be taken letter by letter.
        raise TypeError(
            "Allowed methods must be a list of strings, for example:"
            ' @app.route(..., methods=["POST"])'
        )
    accepted = []
    for method in listed:
        method = method.upper()
        if method not in accepted:
            accepted.append(method)
    return accepted


_ONLY_CLASSES_OR_CODES = "Handlers can only be registered for Exception classes or HTTP error codes."


def _handler_key(spec):
    """What errorhandler(spec) files a handler under: (exception class, HTTP code or None).
    `spec` is an HTTP error code or an Exception subclass."""
    # A code is looked up; one without an exception class stays a number and is refused.
    exc_class = _aborter_mapping.get(spec, spec) if isinstance(spec, int) else spec
    if isinstance(exc_class, int):
        raise ValueError(
            f"'{spec}' is not a recognized HTTP error code. Use a subclass of HTTPException with"
            " that code instead."
        )
    if isinstance(exc_class, Exception):
        raise TypeError(f"{exc_class!r} is an instance, not a class. {_ONLY_CLASSES_OR_CODES}")
    if not issubclass(exc_class, Exception):
        raise ValueError(
            f"'{exc_class.__name__}' is not a subclass of Exception. {_ONLY_CLASSES_OR_CODES}"
        )
    return exc_class, (exc_class.code if issubclass(exc_class, HTTPException) else None)


def _most_specific(handlers, exc_type):
    # The handler for the nearest class in the MRO, or None (also for no handlers at all).
    if handlers:
        for cls in exc_type.__mro__:
            if cls in handlers:
                return handlers[cls]
    return None


def _split_view_result(rv):
    """A view's return value as (body, status, headers): a tuple may be (body, status,
    headers), (body, status) or (body, headers) -- a second item that is a Headers, dict,
    tuple or list is headers."""
    if not isinstance(rv, tuple):
        return rv, None, None
    if len(rv) == 3:
        body, status, headers = rv
        return body, status, headers
    if len(rv) == 2:
        body, extra = rv
        if isinstance(extra, (Headers, dict, tuple, list)):
            return body, None, extra
        return body, extra, None
    raise TypeError(
        "The view function did not return a valid response tuple. The tuple must have the form"
        " (body, status, headers), (body, status), or (body, headers)."
    )


_default_config = {
    "DEBUG": False,
    "TESTING": False,
    "PROPAGATE_EXCEPTIONS": None,
    "SECRET_KEY": None,
    "SECRET_KEY_FALLBACKS": None,
    "PERMANENT_SESSION_LIFETIME": 2678400,
    "USE_X_SENDFILE": False,
    "TRUSTED_HOSTS": None,
    "SERVER_NAME": None,
    "APPLICATION_ROOT": "/",
    "SESSION_COOKIE_NAME": "session",
    "SESSION_COOKIE_DOMAIN": None,
    "SESSION_COOKIE_PATH": None,
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SECURE": False,
    "SESSION_COOKIE_PARTITIONED": False,
    "SESSION_COOKIE_SAMESITE": None,
    "SESSION_REFRESH_EACH_REQUEST": True,
    "MAX_CONTENT_LENGTH": None,
    "MAX_FORM_MEMORY_SIZE": 500000,
    "MAX_FORM_PARTS": 1000,
    "SEND_FILE_MAX_AGE_DEFAULT": None,
    "TRAP_BAD_REQUEST_ERRORS": None,
    "TRAP_HTTP_EXCEPTIONS": False,
    "EXPLAIN_TEMPLATE_LOADING": False,
    "PREFERRED_URL_SCHEME": "http",
    "TEMPLATES_AUTO_RELOAD": None,
    "MAX_COOKIE_SIZE": 4093,
    "PROVIDE_AUTOMATIC_OPTIONS": True,
}


class Flask:
    response_class = Response
    request_class = Request
    session_interface = SecureCookieSessionInterface()

    def __init__(self, import_name, static_url_path=None, static_folder="static",
                 template_folder="templates", **kwargs):
        self.import_name = import_name
        self.name = import_name
        # The project folder as the app sees it (open_file.rs reads paths under it).
        self.root_path = "/project"
        self.static_folder = None if static_folder is None else self.root_path + "/" + static_folder
        self.template_folder = template_folder
        instance_path = kwargs.get("instance_path")
        if instance_path is None:
            instance_path = self.root_path + "/instance"
        elif not instance_path.startswith("/"):
            raise ValueError(
                "If an instance path is provided it must be absolute. A relative path was given"
                " instead."
            )
        self.instance_path = instance_path
        self.config = self.make_config(kwargs.get("instance_relative_config", False))
        self.blueprints = {}
        self._url_map = _new_url_map()
        self.view_functions = {}
        self.before_request_funcs = {None: []}
        self.after_request_funcs = {None: []}
        self.teardown_request_funcs = {None: []}
        self.teardown_appcontext_funcs = []
        self.template_context_processors = {None: []}
        self.url_value_preprocessors = {None: []}
        self.url_default_functions = {None: []}
        self.error_handler_spec = {None: {}}
        self.extensions = {}
        self.debug = False
        self.testing = False
        self.json_provider_class = None
        if static_url_path is not None:
            static_url_path = static_url_path.rstrip("/")
        elif static_folder is not None:
            static_url_path = "/" + static_folder.rstrip("/").split("/")[-1]
        self.static_url_path = static_url_path
        if static_folder is not None:
            self.add_url_rule(f"{static_url_path}/<path:filename>", endpoint="static",
                              view_func=self.send_static_file)

    @property
    def logger(self):
        # Flask's app.logger: the logger named after the app, made on first use. In debug mode
        # it logs from DEBUG up; otherwise it inherits the root's WARNING. Flask's default
        # handler is added unless a handler up the chain already takes the logger's level.
        if self._logger is None:
            import logging

            logger = logging.getLogger(self.name)
            if self.debug and not logger.level:
                logger.setLevel(logging.DEBUG)
            level = logger.getEffectiveLevel()
            current, covered = logger, False
            while current is not None and not covered:
                covered = any(h.level <= level for h in current.handlers)
                current = current.parent if current.propagate else None
            if not covered:
                handler = logging.StreamHandler()
                handler.setFormatter(logging.Formatter(
                    "[%(asctime)s] %(levelname)s in %(module)s: %(message)s"))
                logger.addHandler(handler)
            self._logger = logger
        return self._logger

    _logger = None

    @property
    def has_static_folder(self):
        return self.static_folder is not None

    def get_send_file_max_age(self, filename):
        # The config of the app handling the request, whichever app this is.
        value = current_app.config["SEND_FILE_MAX_AGE_DEFAULT"]
        if value is None:
            return None
        if hasattr(value, "total_seconds"):
            return int(value.total_seconds())
        return value

    def send_static_file(self, filename):
        if not self.has_static_folder:
            raise RuntimeError("'static_folder' must be set to serve static_files.")
        max_age = self.get_send_file_max_age(filename)
        return send_from_directory(self.static_folder, filename, max_age=max_age)

    def __repr__(self):
        return f"<Flask {self.name!r}>"

    config_class = Config

    def make_config(self, instance_relative=False):
        defaults = dict(_default_config)
        from datetime import timedelta
        defaults["PERMANENT_SESSION_LIFETIME"] = timedelta(days=31)
        root = self.instance_path if instance_relative else self.root_path
        return self.config_class(root, defaults)

    @property
    def secret_key(self):
        return self.config["SECRET_KEY"]

    @secret_key.setter
    def secret_key(self, value):
        self.config["SECRET_KEY"] = value

    @property
    def permanent_session_lifetime(self):
        return _as_timedelta(self.config["PERMANENT_SESSION_LIFETIME"])

    @permanent_session_lifetime.setter
    def permanent_session_lifetime(self, value):
        self.config["PERMANENT_SESSION_LIFETIME"] = value

    def run(self, *args, **kwargs):
        return None

    # -- registration -----------------------------------------------------------------------

    def add_url_rule(self, rule, endpoint=None, view_func=None, provide_automatic_options=None,
                     **options):
        if endpoint is None:
            # The endpoint defaults to the view's name.
            assert view_func is not None, "expected view func if endpoint is not provided."
            endpoint = view_func.__name__
        methods = _rule_methods(options.pop("methods", None), view_func)
        # OPTIONS is answered automatically unless the rule lists it itself (or the view or
        # the config says no).
        if provide_automatic_options is None:
            provide_automatic_options = getattr(view_func, "provide_automatic_options", None)
        if provide_automatic_options is None:
            provide_automatic_options = (
                "OPTIONS" not in methods and self.config["PROVIDE_AUTOMATIC_OPTIONS"]
            )
        if provide_automatic_options and "OPTIONS" not in methods:
            methods.append("OPTIONS")
        # The rule goes into the URL map first; a clash of endpoints is noticed afterwards.
        defaults = options.get("defaults")
        if defaults is not None:
            # What the native rule keeps: str, int and float as they are, anything else as str.
            defaults = [(key, value if type(value) in (str, int, float) else str(value))
                        for key, value in defaults.items()]
        _add_rule(self._url_map, rule, endpoint, methods, options.get("strict_slashes", True),
                  provide_automatic_options, defaults)
        if view_func is None:
            return
        known = self.view_functions.setdefault(endpoint, view_func)
        if known != view_func:
            raise AssertionError(
                f"View function mapping is overwriting an existing endpoint function: {endpoint}"
            )

    def route(self, rule, **options):
        def register(view):
            self.add_url_rule(rule, options.pop("endpoint", None), view, **options)
            return view

        return register

    def _route_for(self, method, rule, options):
        # app.get/post/...: route() with that one method; naming methods there is a mistake.
        if "methods" not in options:
            return self.route(rule, methods=[method], **options)
        raise TypeError("Use the 'route' decorator to use the 'methods' argument.")

    def get(self, rule, **options):
        return self._route_for("GET", rule, options)

    def post(self, rule, **options):
        return self._route_for("POST", rule, options)

    def put(self, rule, **options):
        return self._route_for("PUT", rule, options)

    def delete(self, rule, **options):
        return self._route_for("DELETE", rule, options)

    def patch(self, rule, **options):
        return self._route_for("PATCH", rule, options)

    def endpoint(self, endpoint):
        # Names a view for an endpoint added without one (add_url_rule(..., endpoint=...)).
        def register(view):
            self.view_functions[endpoint] = view
            return view

        return register

    # Request hooks, app-wide (the None key; blueprints would have their own lists).
    def _add_hook(self, hooks, f):
        hooks.setdefault(None, []).append(f)
        return f

    def before_request(self, f):
        return self._add_hook(self.before_request_funcs, f)

    def after_request(self, f):
        return self._add_hook(self.after_request_funcs, f)

    def teardown_request(self, f):
        return self._add_hook(self.teardown_request_funcs, f)

    def teardown_appcontext(self, f):
        self.teardown_appcontext_funcs.append(f)
        return f

    def errorhandler(self, code_or_exception):
        def register(handler):
            self.register_error_handler(code_or_exception, handler)
            return handler

        return register

    def register_error_handler(self, code_or_exception, f):
        # Handlers are filed by HTTP code (None for other exceptions), then by class.
        exc_class, code = _handler_key(code_or_exception)
        by_code = self.error_handler_spec[None]
        if code not in by_code:
            by_code[code] = {}
        by_code[code][exc_class] = f

    def _get_exc_class_and_code(self, exc_class_or_code):
        return _handler_key(exc_class_or_code)

    @property
    def jinja_env(self):
        env = getattr(self, "_jinja_env", None)
        if env is None:
            env = _JinjaEnvironment(self)
            self._jinja_env = env
        return env

    @property
    def jinja_loader(self):
        if hasattr(self, "_jinja_loader"):
            return self._jinja_loader
        if self.template_folder is None:
            return None
        from jinja2 import FileSystemLoader
        return FileSystemLoader(self.template_folder)

    @jinja_loader.setter
    def jinja_loader(self, value):
        self._jinja_loader = value

    def context_processor(self, f):
        self.template_context_processors[None].append(f)
        return f

    def url_value_preprocessor(self, f):
        self.url_value_preprocessors[None].append(f)
        return f

    def url_defaults(self, f):
        self.url_default_functions[None].append(f)
        return f

    def inject_url_defaults(self, endpoint, values):
        # The app's functions, then those of the endpoint's blueprints from the outermost in
        # (read from the endpoint, since url_for may run outside a request).
        scopes = [None]
        name = endpoint.rpartition(".")[0]
        while name:
            scopes.insert(1, name)
            name = name.rpartition(".")[0]
        for scope in scopes:
            for func in self.url_default_functions.get(scope, ()):
                func(endpoint, values)

    def template_filter(self, name=None):
        def register(f):
            self.add_template_filter(f, name=name)
            return f

        return register

    def add_template_filter(self, f, name=None):
        self.jinja_env.filters[name or f.__name__] = f

    def template_test(self, name=None):
        def register(f):
            self.add_template_test(f, name=name)
            return f

        return register

    def add_template_test(self, f, name=None):
        self.jinja_env.tests[name or f.__name__] = f

    def template_global(self, name=None):
        def register(f):
            self.add_template_global(f, name=name)
            return f

        return register

    def add_template_global(self, f, name=None):
        self.jinja_env.globals[name or f.__name__] = f

    def app_context(self):
        return AppContext(self)

    def test_request_context(self, path="/", base_url=None, query_string=None, method="GET",
                             headers=None, data=None, json=None, content_type=None,
                             subdomain=None, url_scheme=None):
        return RequestContext(self, _test_request(self, path, base_url, query_string, method,
                                                  headers, data, json, content_type,
                                                  subdomain, url_scheme))

    # -- dispatch ---------------------------------------------------------------------------

    def _find_error_handler(self, e):
        # The handlers registered for the error's HTTP code come first, then those for any
        # code; for each, the request's blueprints (innermost first) before the app; within
        # each, the most specific class in the error's MRO wins.
        code = e.code if isinstance(e, HTTPException) else None
        for wanted in ((code, None) if code is not None else (None,)):
            for scope in _scopes_inner_first(self):
                by_code = self.error_handler_spec.get(scope)
                found = _most_specific(by_code and by_code.get(wanted), type(e))
                if found is not None:
                    return found
        return None

    def handle_http_exception(self, e):
        # An error without a code, or a routing redirect, is a response as it is.
        if e.code is None or isinstance(e, RoutingException):
            return e
        handler = self._find_error_handler(e)
        return e if handler is None else handler(e)

    def handle_user_exception(self, e):
        if isinstance(e, HTTPException):
            return self.handle_http_exception(e)
        handler = self._find_error_handler(e)
        if handler is not None:
            return handler(e)
        raise e

    def handle_exception(self, e):
        # An unhandled error: reported (the log line and traceback), then answered as a 500,
        # through a handler of 500 / InternalServerError when the app has one.
        _got_request_exception(e)
        answer = InternalServerError(original_exception=e)
        handler = self._find_error_handler(answer)
        if handler is not None:
            answer = handler(answer)
        return self.finalize_request(answer, from_error_handler=True)

    def preprocess_request(self):
        # The URL value preprocessors (the app's, then the blueprints' from the outermost in)
        # see the endpoint and the view's arguments first, even when routing failed (None);
        # then the before_request functions in registration order: the first to return
        # something ends the request with that value.
        req = _ctx_request()
        for scope in _scopes_outer_first(self):
            for preprocessor in self.url_value_preprocessors.get(scope, ()):
                preprocessor(req.endpoint, req.view_args)
        for scope in _scopes_outer_first(self):
            for hook in self.before_request_funcs.get(scope, ()):
                early = hook()
                if early is not None:
                    return early
        return None

    def dispatch_request(self):
        req = _ctx_request()
        if req.routing_exception is not None:
            raise req.routing_exception
        if req.method == "OPTIONS" and req._automatic_options:
            return self.make_default_options_response()
        return self.view_functions[req.endpoint](**req.view_args)

    def make_default_options_response(self):
        rv = self.response_class()
        rv.headers["Allow"] = ", ".join(_allowed_methods(_ctx_request().path))
        return rv

    def full_dispatch_request(self):
        try:
            early = self.preprocess_request()
            rv = early if early is not None else self.dispatch_request()
        except Exception as e:
            rv = self.handle_user_exception(e)
        return self.finalize_request(rv)

    def finalize_request(self, rv, from_error_handler=False):
        response = self.make_response(rv)
        try:
            return self.process_response(response)
        except Exception:
            # While an error is being answered, a failing after_request or session save
            # leaves that error's response as it is.
            if from_error_handler:
                return response
            raise

    def make_response(self, rv):
        body, status, headers = _split_view_result(rv)
        if body is None:
            raise TypeError(
                f"The view function for {_ctx_request().endpoint!r} did not return a valid"
                " response. The function either returned None or ended without a return"
                " statement."
            )
        if isinstance(body, _Markup):
            body = str(body)  # Markup is a str subclass; the body is its text
        if isinstance(body, Response):
            response = body
        elif isinstance(body, (str, bytes)):
            # Status and headers go straight into the new response.
            response = self.response_class(body, status=status, headers=headers)
            status = headers = None
        elif isinstance(body, (dict, list)):
            response = jsonify(body)
        elif isinstance(body, HTTPException):
            response = body.get_response()
        else:
            raise TypeError(
                "The view function did not return a valid response. The return type must be a"
                " string, dict, list, tuple with headers or status, Response instance, or WSGI"
                f" callable, but it was a {type(body).__name__}."
            )
        # Otherwise they change the response the view made: the status setter takes a code
        # as well as a status line.
        if status is not None:
            response.status = status
        if headers:
            response.headers.update(headers)
        return response

    def process_response(self, response):
        # after_request functions run last-registered first, each given the previous one's
        # response; then the session is saved.
        for scope in _scopes_inner_first(self):
            for hook in self.after_request_funcs.get(scope, [])[::-1]:
                response = hook(response)
        interface = self.session_interface
        if interface is _default_session_interface:
            self._save_session(response)
            return response
        sess = _raw_session()
        # A native placeholder means open_session raised: Flask's save_session(None) fails
        # and the error is swallowed (finalize_request from the error handler).
        if not _is_null_session(sess) and not interface.is_null_session(sess):
            _trace_save()
            interface.save_session(self, sess, response)
        return response

    def _save_session(self, response):
        # The default interface's save_session, on the native session and straight from the
        # config (the same decisions as SecureCookieSessionInterface.save_session above).
        sess = _raw_session()
        if _is_null_session(sess):
            return
        _trace_save()
        config = self.config
        attributes = {
            "domain": config["SESSION_COOKIE_DOMAIN"],
            "path": config["SESSION_COOKIE_PATH"] or config["APPLICATION_ROOT"],
            "secure": config["SESSION_COOKIE_SECURE"],
            "partitioned": config["SESSION_COOKIE_PARTITIONED"],
            "samesite": config["SESSION_COOKIE_SAMESITE"],
            "httponly": config["SESSION_COOKIE_HTTPONLY"],
        }
        name = config["SESSION_COOKIE_NAME"]
        if _session_accessed():
            response._add_vary("Cookie")
        if not sess:
            if sess.modified:
                response.delete_cookie(name, **attributes)
                response._add_vary("Cookie")
            return
        # A permanent session is written again on every request when the config says so,
        # which moves its expiry forward.
        if sess.modified or (sess.permanent and config["SESSION_REFRESH_EACH_REQUEST"]):
            expires = None
            if sess.permanent:
                expires = _now() + _lifetime_seconds(config["PERMANENT_SESSION_LIFETIME"])
            response.set_cookie(name, _sign_session(sess), expires=expires, **attributes)
            response._add_vary("Cookie")

    def wsgi_app(self):
        try:
            return self.full_dispatch_request()
        except Exception as e:
            return self.handle_exception(e)

    def register_blueprint(self, blueprint, **options):
        blueprint.register(self, options)

    def iter_blueprints(self):
        return iter(self.blueprints.values())


def _request_blueprints(app):
    # The current request's blueprints, innermost first ([] when the app has none, without
    # building the request object).
    if not app.blueprints:
        return []
    try:
        return _ctx_request().blueprints
    except RuntimeError:
        return []


def _scopes_outer_first(app):
    # Where request hooks and context processors are looked up: the app (None), then the
    # request's blueprints from the outermost in.
    return [None] + _request_blueprints(app)[::-1]


def _scopes_inner_first(app):
    # Where after_request hooks and error handlers are looked up: the request's innermost
    # blueprint first, the app last.
    return _request_blueprints(app) + [None]


# ---------------------------------------------------------------------------------------------
# flask.blueprints: a Blueprint records what is set up on it and replays that on the app when
# registered (Flask 3.1's behaviour: prefixes, "name." endpoints, blueprint-scoped hooks, error
# handlers and context processors, template folders, nesting, name collisions).
# ---------------------------------------------------------------------------------------------


class _BlueprintSetup:
    """One registration of a blueprint on an app: where its rules go and what they are named."""

    def __init__(self, blueprint, app, options, first_registration, full_name):
        self.blueprint, self.app, self.options = blueprint, app, options
        # Only a blueprint's first registration runs its record_once functions.
        self.first_registration = first_registration
        prefix = options.get("url_prefix")
        self.url_prefix = blueprint.url_prefix if prefix is None else prefix
        self.name = options.get("name", blueprint.name)
        self.name_prefix = options.get("name_prefix", "")
        self.full_name = full_name
        self.subdomain = options.get("subdomain", blueprint.subdomain)
        # The blueprint's url_defaults, then the registration's, are every rule's defaults.
        self.url_defaults = dict(blueprint.url_values_defaults)
        self.url_defaults.update(options.get("url_defaults", ()))

    def add_url_rule(self, rule, endpoint=None, view_func=None, **options):
        if self.url_prefix is not None:
            # The prefix and the rule meet at exactly one slash; an empty rule is the prefix.
            rule = self.url_prefix.rstrip("/") + "/" + rule.lstrip("/") if rule else self.url_prefix
        if endpoint is None:
            endpoint = view_func.__name__
        defaults = self.url_defaults
        if "defaults" in options:
            defaults = dict(defaults, **options.pop("defaults"))
        self.app.add_url_rule(rule, self.full_name + "." + endpoint, view_func,
                              defaults=defaults, **options)


_NO_DOT = "{} may not contain a dot '.' character."


class Blueprint:
    def __init__(self, name, import_name, static_folder=None, static_url_path=None,
                 template_folder=None, url_prefix=None, subdomain=None, url_defaults=None,
                 root_path=None, cli_group=None):
        if not name:
            raise ValueError("'name' may not be empty.")
        if "." in name:
            raise ValueError(_NO_DOT.format("'name'"))
        self.name, self.import_name = name, import_name
        # Every module of the playground lives in the project folder.
        self.root_path = "/project" if root_path is None else root_path
        self.static_folder = static_folder
        self.static_url_path = static_url_path
        self.template_folder = template_folder
        self.url_prefix = url_prefix
        self.subdomain = subdomain
        self.url_values_defaults = {} if url_defaults is None else url_defaults
        self.view_functions = {}
        self.before_request_funcs = {}
        self.after_request_funcs = {}
        self.teardown_request_funcs = {}
        self.template_context_processors = {}
        self.url_value_preprocessors = {}
        self.url_default_functions = {}
        self.error_handler_spec = {}
        self.deferred_functions = []
        self._blueprints = []
        self._got_registered_once = False

    def __repr__(self):
        return f"<Blueprint {self.name!r}>"

    # -- its static folder, served as the app serves its own ----------------------------------

    @property
    def static_folder(self):
        # A relative folder lies under the blueprint's root; an absolute one stands alone.
        folder = self._static_folder
        if folder is None:
            return None
        return folder if folder.startswith("/") else self.root_path + "/" + folder

    @static_folder.setter
    def static_folder(self, value):
        if value is not None:
            value = value.rstrip("/\\")
        self._static_folder = value

    @property
    def static_url_path(self):
        # Unset, it is the folder's last name under the blueprint's prefix.
        if self._static_url_path is not None:
            return self._static_url_path
        if self.static_folder is not None:
            return ("/" + self.static_folder.rstrip("/").split("/")[-1]).rstrip("/")
        return None

    @static_url_path.setter
    def static_url_path(self, value):
        if value is not None:
            value = value.rstrip("/")
        self._static_url_path = value

    has_static_folder = Flask.has_static_folder
    get_send_file_max_age = Flask.get_send_file_max_age
    send_static_file = Flask.send_static_file

    def _check_setup(self, method):
        # What is set up after a registration would reach the app only in part, so Flask
        # refuses it.
        if self._got_registered_once:
            raise AssertionError(
                f"The setup method '{method}' can no longer be called on the blueprint"
                f" '{self.name}'. It has already been registered at least once, any changes will"
                " not be applied consistently.\nMake sure all imports, decorators, functions,"
                " etc. needed to set up the blueprint are done before registering it."
            )

    @property
    def jinja_loader(self):
        if self.template_folder is None:
            return None
        from jinja2 import FileSystemLoader
        return FileSystemLoader(self.root_path + "/" + self.template_folder)

    # -- what is replayed on the app ----------------------------------------------------------

    def record(self, func):
        self._check_setup("record")
        self.deferred_functions.append(func)

    def record_once(self, func):
        self._check_setup("record_once")
        def only_first(state):
            if state.first_registration:
                func(state)

        self.record(only_first)

    def register_blueprint(self, blueprint, **options):
        self._check_setup("register_blueprint")
        if blueprint is self:
            raise ValueError("Cannot register a blueprint on itself")
        self._blueprints.append((blueprint, options))

    def register(self, app, options):
        own_name = options.get("name", self.name)
        full_name = (options.get("name_prefix", "") + "." + own_name).lstrip(".")
        if full_name in app.blueprints:
            which = "this" if app.blueprints[full_name] is self else "a different"
            where = f" '{full_name}'" if own_name != full_name else ""
            raise ValueError(
                f"The name '{own_name}' is already registered for {which} blueprint{where}."
                " Use 'name=' to provide a unique name."
            )
        first = all(known is not self for known in app.blueprints.values())
        app.blueprints[full_name] = self
        self._got_registered_once = True
        state = _BlueprintSetup(self, app, options, first, full_name)
        # The static route comes before the blueprint's own rules, at its prefix.
        if self.has_static_folder:
            state.add_url_rule(f"{self.static_url_path}/<path:filename>",
                               view_func=self.send_static_file, endpoint="static")
        self._merge_into(app, full_name)
        for deferred in self.deferred_functions:
            deferred(state)
        for child, child_options in self._blueprints:
            child_options = dict(child_options)
            child_prefix = child_options.get("url_prefix")
            if child_prefix is None:
                child_prefix = child.url_prefix
            if state.url_prefix is not None and child_prefix is not None:
                child_prefix = state.url_prefix.rstrip("/") + "/" + child_prefix.lstrip("/")
            elif child_prefix is None:
                child_prefix = state.url_prefix
            if child_prefix is not None:
                child_options["url_prefix"] = child_prefix
            child_options["name_prefix"] = full_name
            child.register(app, child_options)

    def _merge_into(self, app, full_name):
        # The blueprint's own hooks, handlers and processors, filed under its full name.
        for code, by_class in self.error_handler_spec.get(None, {}).items():
            app.error_handler_spec.setdefault(full_name, {})[code] = dict(by_class)
        app.view_functions.update(self.view_functions)
        for mine, theirs in (
            (self.before_request_funcs, app.before_request_funcs),
            (self.after_request_funcs, app.after_request_funcs),
            (self.teardown_request_funcs, app.teardown_request_funcs),
            (self.template_context_processors, app.template_context_processors),
            (self.url_value_preprocessors, app.url_value_preprocessors),
            (self.url_default_functions, app.url_default_functions),
        ):
            for key, funcs in mine.items():
                scope = full_name if key is None else full_name + "." + key
                theirs.setdefault(scope, []).extend(funcs)

    # -- routes -------------------------------------------------------------------------------

    def add_url_rule(self, rule, endpoint=None, view_func=None, provide_automatic_options=None,
                     **options):
        self._check_setup("add_url_rule")
        # A dot separates the blueprint's name from the view's in an endpoint.
        if endpoint and "." in endpoint:
            raise ValueError(_NO_DOT.format("'endpoint'"))
        if "." in (getattr(view_func, "__name__", "") if view_func else ""):
            raise ValueError(_NO_DOT.format("'view_func' name"))
        self.record(lambda state: state.add_url_rule(
            rule, endpoint, view_func, provide_automatic_options=provide_automatic_options,
            **options))

    def route(self, rule, **options):
        self._check_setup("route")
        def register(view):
            self.add_url_rule(rule, options.pop("endpoint", None), view, **options)
            return view

        return register

    def _route_for(self, method, rule, options):
        if "methods" not in options:
            return self.route(rule, methods=[method], **options)
        raise TypeError("Use the 'route' decorator to use the 'methods' argument.")

    def get(self, rule, **options):
        self._check_setup("get")
        return self._route_for("GET", rule, options)

    def post(self, rule, **options):
        self._check_setup("post")
        return self._route_for("POST", rule, options)

    def put(self, rule, **options):
        self._check_setup("put")
        return self._route_for("PUT", rule, options)

    def delete(self, rule, **options):
        self._check_setup("delete")
        return self._route_for("DELETE", rule, options)

    def patch(self, rule, **options):
        self._check_setup("patch")
        return self._route_for("PATCH", rule, options)

    def endpoint(self, endpoint):
        self._check_setup("endpoint")
        def register(view):
            self.view_functions[endpoint] = view
            return view

        return register

    # -- hooks and handlers for this blueprint's requests -------------------------------------

    def before_request(self, f):
        self._check_setup("before_request")
        self.before_request_funcs.setdefault(None, []).append(f)
        return f

    def after_request(self, f):
        self._check_setup("after_request")
        self.after_request_funcs.setdefault(None, []).append(f)
        return f

    def teardown_request(self, f):
        self._check_setup("teardown_request")
        self.teardown_request_funcs.setdefault(None, []).append(f)
        return f

    def context_processor(self, f):
        self._check_setup("context_processor")
        self.template_context_processors.setdefault(None, []).append(f)
        return f

    def url_value_preprocessor(self, f):
        self._check_setup("url_value_preprocessor")
        self.url_value_preprocessors.setdefault(None, []).append(f)
        return f

    def url_defaults(self, f):
        self._check_setup("url_defaults")
        self.url_default_functions.setdefault(None, []).append(f)
        return f

    def errorhandler(self, code_or_exception):
        self._check_setup("errorhandler")
        def register(handler):
            self.register_error_handler(code_or_exception, handler)
            return handler

        return register

    def register_error_handler(self, code_or_exception, f):
        self._check_setup("register_error_handler")
        exc_class, code = _handler_key(code_or_exception)
        self.error_handler_spec.setdefault(None, {}).setdefault(code, {})[exc_class] = f

    # -- the app-wide ones, set up on the app at the first registration -----------------------

    def _on_app(self, setup):
        self.record_once(lambda state: setup(state.app))

    def before_app_request(self, f):
        self._check_setup("before_app_request")
        self._on_app(lambda app: app.before_request_funcs.setdefault(None, []).append(f))
        return f

    def after_app_request(self, f):
        self._check_setup("after_app_request")
        self._on_app(lambda app: app.after_request_funcs.setdefault(None, []).append(f))
        return f

    def teardown_app_request(self, f):
        self._check_setup("teardown_app_request")
        self._on_app(lambda app: app.teardown_request_funcs.setdefault(None, []).append(f))
        return f

    def app_url_value_preprocessor(self, f):
        self._check_setup("app_url_value_preprocessor")
        self._on_app(lambda app: app.url_value_preprocessors.setdefault(None, []).append(f))
        return f

    def app_url_defaults(self, f):
        self._check_setup("app_url_defaults")
        self._on_app(lambda app: app.url_default_functions.setdefault(None, []).append(f))
        return f

    def app_context_processor(self, f):
        self._check_setup("app_context_processor")
        self._on_app(lambda app: app.template_context_processors.setdefault(None, []).append(f))
        return f

    def app_errorhandler(self, code):
        self._check_setup("app_errorhandler")
        def register(f):
            self._on_app(lambda app: app.register_error_handler(code, f))
            return f

        return register

    def _app_template_decorator(self, decorator, add, name):
        # The three app_template_* decorators: checked like the others, then handed to add_*.
        self._check_setup(decorator)
        def register(f):
            add(f, name=name)
            return f

        return register

    def app_template_filter(self, name=None):
        return self._app_template_decorator("app_template_filter", self.add_app_template_filter, name)

    def add_app_template_filter(self, f, name=None):
        self._check_setup("add_app_template_filter")
        self._on_app(lambda app: app.add_template_filter(f, name=name))

    def app_template_test(self, name=None):
        return self._app_template_decorator("app_template_test", self.add_app_template_test, name)

    def add_app_template_test(self, f, name=None):
        self._check_setup("add_app_template_test")
        self._on_app(lambda app: app.add_template_test(f, name=name))

    def app_template_global(self, name=None):
        return self._app_template_decorator("app_template_global", self.add_app_template_global, name)

    def add_app_template_global(self, f, name=None):
        self._check_setup("add_app_template_global")
        self._on_app(lambda app: app.add_template_global(f, name=name))


# ---------------------------------------------------------------------------------------------
# flask.views: class-based views. `as_view` turns a class into a view function that makes an
# instance (per request, or once) and calls its dispatch_request.
# ---------------------------------------------------------------------------------------------

_HTTP_METHOD_FUNCS = ("get", "post", "head", "options", "delete", "put", "trace", "patch")


class View:
    methods = None
    provide_automatic_options = None
    decorators = []
    init_every_request = True

    def dispatch_request(self):
        raise NotImplementedError()

    @classmethod
    def as_view(cls, name, *class_args, **class_kwargs):
        def named(func):
            func.__name__, func.__module__ = name, cls.__module__
            return func

        if cls.init_every_request:
            def per_request(**kwargs):
                return cls(*class_args, **class_kwargs).dispatch_request(**kwargs)

            wrapped = per_request
        else:
            # One instance, made now, answers every request.
            shared = cls(*class_args, **class_kwargs)

            def one_instance(**kwargs):
                return shared.dispatch_request(**kwargs)

            wrapped = one_instance
        # The decorators see the view already named; each wraps what the previous one made.
        if cls.decorators:
            wrapped = named(wrapped)
            for decorator in cls.decorators:
                wrapped = decorator(wrapped)
        wrapped = named(wrapped)
        wrapped.view_class = cls
        wrapped.methods = cls.methods
        wrapped.provide_automatic_options = cls.provide_automatic_options
        return wrapped


class _MethodViewType(type):
    # Flask fills MethodView.methods in __init_subclass__: the methods of the bases, plus one
    # for each HTTP method function the class has. The interpreter calls a metaclass's
    # __init__ for every subclass, so the same is done here.
    def __init__(cls, name, bases, namespace):
        if "methods" in namespace:
            return
        found = set()
        for base in bases:
            if getattr(base, "methods", None):
                found.update(base.methods)
        for func in _HTTP_METHOD_FUNCS:
            if hasattr(cls, func):
                found.add(func.upper())
        if found:
            cls.methods = found


class MethodView(View, metaclass=_MethodViewType):
    def dispatch_request(self, **kwargs):
        method = request.method
        handler = getattr(self, method.lower(), None)
        # HEAD is answered by get() when there is no head().
        if handler is None and method == "HEAD":
            handler = getattr(self, "get", None)
        assert handler is not None, f"Unimplemented method {method!r}"
        return handler(**kwargs)


def _json_loads(text):
    from _flask_native import _json_loads as loads
    return loads(text)


class _JsonModule:
    def dumps(self, obj, **kwargs):
        return _json_dumps(obj)

    def loads(self, s, **kwargs):
        return _json_loads(s)


json = _JsonModule()


def _dispatch(app):
    """What Flask.wsgi_app does for one request once the context is pushed: match the URL
    (RequestContext.match_request), then dispatch with Flask's error handling."""
    _match_request(_ctx_request())
    return app.wsgi_app()


def _match_request(req):
    # RequestContext.match_request: the endpoint and arguments, or the routing error that
    # dispatching will raise.
    kind, a, b, c = _match(req.method, req.path, req.query_string.decode("latin-1"))
    req._automatic_options = False
    if kind == "ok":
        req.endpoint = a
        req.view_args = b
        req._automatic_options = c
    elif kind == "404":
        req.routing_exception = NotFound()
    elif kind == "405":
        req.routing_exception = MethodNotAllowed(valid_methods=a)
    else:
        req.routing_exception = RequestRedirect(a)


def _teardown(app, exc, app_context=True):
    """RequestContext.pop: do_teardown_request (the request's blueprints innermost first, then
    the app, each list last-registered first), then do_teardown_appcontext when the request
    pushed its own application context."""
    for scope in _scopes_inner_first(app):
        for f in app.teardown_request_funcs.get(scope, [])[::-1]:
            f(exc)
    if app_context:
        for f in app.teardown_appcontext_funcs[::-1]:
            f(exc)


# ---------------------------------------------------------------------------------------------
# flask.ctx: the contexts an app pushes itself (`with app.app_context():`, `with
# app.test_request_context('/path'):`), over whatever context is active.
# ---------------------------------------------------------------------------------------------

_pushed_contexts = []


class _Context:
    def __enter__(self):
        self.push()
        return self

    def __exit__(self, exc_type, exc_value, tb):
        self.pop(exc_value)

    def _push_native(self, parts, g_object=None):
        _push_context(self.app, parts, g_object)
        _pushed_contexts.append(self)

    def _pop_native(self, kind):
        if not _pushed_contexts or _pushed_contexts[-1] is not self:
            raise AssertionError(f"Popped wrong {kind} context.")
        _pushed_contexts.pop()
        _pop_context()


class AppContext(_Context):
    """`current_app` and `g` without a request; url_for builds external URLs from SERVER_NAME."""

    def __init__(self, app):
        self.app = app

    def push(self):
        self._push_native(None)

    @property
    def g(self):
        return g._get_current_object()

    def pop(self, exc=None):
        try:
            for f in self.app.teardown_appcontext_funcs[::-1]:
                f(exc)
        finally:
            self._pop_native("app")


class RequestContext(_Context):
    """What the server pushes for a request, made from test arguments: the request, its session
    opened as a request's would be, and the URL matched."""

    def __init__(self, app, parts):
        self.app = app
        self._parts = parts
        self._own_app_context = True

    def push(self):
        # Under an active context of the same app, no application context of its own is
        # pushed: `g` is shared and do_teardown_appcontext waits for the outer one.
        outer_g = g._get_current_object() if has_app_context() and _ctx_app() is self.app else None
        self._own_app_context = outer_g is None
        self._push_native(self._parts, outer_g)
        req = _ctx_request()
        interface = self.app.session_interface
        if interface is not _default_session_interface:
            sess = interface.open_session(self.app, req)
            if sess is None:
                sess = interface.make_null_session(self.app)
            _set_session(sess, type(interface).__name__)
        _match_request(req)

    def pop(self, exc=None):
        try:
            _teardown(self.app, exc, self._own_app_context)
        finally:
            self._pop_native("request")

    @property
    def request(self):
        return _ctx_request()

    @property
    def session(self):
        return _raw_session()


def _test_request(app, path, base_url, query_string, method, headers, data, json_body,
                  content_type, subdomain, url_scheme):
    # werkzeug.test.EnvironBuilder as Flask's test_request_context sets it up: the base URL
    # from SERVER_NAME (else localhost) and PREFERRED_URL_SCHEME, a query from the path unless
    # given, a body from data (a dict is a form) or json.
    from urllib.parse import urlsplit, urlencode, quote
    import json as _stdjson
    if base_url is None:
        host = app.config.get("SERVER_NAME") or "localhost"
        if subdomain:
            host = f"{subdomain}.{host}"
        scheme = url_scheme or app.config.get("PREFERRED_URL_SCHEME") or "http"
    else:
        parts = urlsplit(base_url)
        scheme, host = parts.scheme or "http", parts.netloc
    if data is not None and json_body is not None:
        raise TypeError("can't provide both json and data")
    split = urlsplit(path)
    if query_string is None:
        query = split.query
    elif isinstance(query_string, (str, bytes)):
        query = query_string.decode("latin-1") if isinstance(query_string, bytes) else query_string
    else:
        query = urlencode(query_string.items() if hasattr(query_string, "items") else query_string)
    sent = []
    if headers is not None:
        sent = list(headers.items() if hasattr(headers, "items") else headers)
    body = b""
    if json_body is not None:
        body = _stdjson.dumps(json_body, sort_keys=True).encode()
        content_type = content_type or "application/json"
    elif isinstance(data, dict):
        body = urlencode(data).encode()
        content_type = content_type or "application/x-www-form-urlencoded"
    elif isinstance(data, str):
        body = data.encode()
    elif data is not None:
        body = bytes(data)
    extra = [("Host", host)]
    if content_type is not None:
        extra.append(("Content-Type", content_type))
    if body:
        extra.append(("Content-Length", str(len(body))))
    return (method.upper(), scheme, host, quote(split.path or "/", safe="/%:@!$&'()*+,;=~"),
            query, extra + [(str(k), str(v)) for k, v in sent], body)


def has_request_context():
    try:
        _ctx_request()
    except RuntimeError:
        return False
    return True


def has_app_context():
    try:
        _ctx_app()
    except RuntimeError:
        return False
    return True


_default_session_interface = Flask.session_interface


def _open_custom(app):
    """RequestContext.push for an app with its own session_interface: open the session (an
    error is handled like a view's, by handle_exception, whose response is returned)."""
    interface = app.session_interface
    try:
        sess = interface.open_session(app, _ctx_request())
        if sess is None:
            sess = interface.make_null_session(app)
    except Exception as e:
        return app.handle_exception(e)
    _set_session(sess, type(interface).__name__)
    return None


def _finish(app, rv):
    """The rest of full_dispatch_request + wsgi_app after the host called the view."""
    try:
        return app.finalize_request(rv)
    except Exception as e:
        return app.handle_exception(e)


def _finish_error(app, e):
    """The same when the view raised `e`."""
    try:
        rv = app.handle_user_exception(e)
        return app.finalize_request(rv)
    except Exception as e2:
        return app.handle_exception(e2)


# ---------------------------------------------------------------------------------------------
# send_file / send_from_directory (flask.helpers over werkzeug.utils): the headers, safe_join
# and the conditional answers are native (static_files.rs); the Response is made here.
# ---------------------------------------------------------------------------------------------


def _send(directory, path, mimetype=None, as_attachment=False, download_name=None,
          conditional=True, etag=True, last_modified=None, max_age=None):
    req = _ctx_request()
    if max_age is None:
        max_age = current_app.get_send_file_max_age
    if callable(max_age):
        max_age = max_age(path)
    if last_modified is not None and hasattr(last_modified, "timestamp"):
        last_modified = last_modified.timestamp()
    if last_modified is not None:
        last_modified = int(last_modified)
    if isinstance(etag, str) and '"' in etag:
        raise ValueError("invalid etag")
    headers = req.headers
    found = _send_file(
        directory, path, req.method, headers.get("If-None-Match"),
        headers.get("If-Modified-Since"), headers.get("If-Match"), headers.get("Range"),
        headers.get("If-Range"), mimetype, bool(as_attachment), download_name,
        bool(conditional), etag, last_modified, max_age,
    )
    if found is None:
        raise NotFound()
    if isinstance(found, int):
        raise RequestedRangeNotSatisfiable(found)
    status, mimetype, extra, body, not_modified = found
    rv = current_app.response_class(body, status=status, headers=extra, mimetype=mimetype)
    if not_modified:
        # What Werkzeug's get_wsgi_headers leaves of a 304: no entity headers.
        for name in ("Content-Type", "Content-Length", "Last-Modified", "Content-Encoding",
                     "Content-Range"):
            rv.headers.remove(name)
    return rv


def send_file(path_or_file, mimetype=None, as_attachment=False, download_name=None,
              conditional=True, etag=True, last_modified=None, max_age=None):
    if not isinstance(path_or_file, str):
        raise TypeError("the playground's send_file sends a project file named by its path")
    return _send(None, path_or_file, mimetype, as_attachment, download_name, conditional, etag,
                 last_modified, max_age)


def send_from_directory(directory, path, **kwargs):
    return _send(directory, path, **kwargs)


# ---------------------------------------------------------------------------------------------
# open(): the file object for the project's files (the look-up is native: open_file.rs)
# ---------------------------------------------------------------------------------------------


class _ProjectFile:
    # What `open(path)` returns for a file of the project, read-only. Text mode reads with
    # universal newlines, as `io.TextIOWrapper` does; binary mode reads the UTF-8 bytes.
    def __init__(self, name, mode, text):
        self.name = name
        self.mode = mode
        self.closed = False
        if "b" in mode:
            self._data = text.encode("utf-8")
        else:
            self._data = text.replace("\r\n", "\n").replace("\r", "\n")
        self._at = 0

    def _check(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")

    def read(self, size=-1):
        self._check()
        if size is None or size < 0:
            end = len(self._data)
        else:
            end = min(self._at + size, len(self._data))
        chunk = self._data[self._at:end]
        self._at = end
        return chunk

    def readline(self, size=-1):
        self._check()
        newline = b"\n" if "b" in self.mode else "\n"
        at = self._data.find(newline, self._at)
        end = len(self._data) if at < 0 else at + 1
        if size is not None and size >= 0:
            end = min(end, self._at + size)
        chunk = self._data[self._at:end]
        self._at = end
        return chunk

    def readlines(self):
        # Every line left, each keeping its newline.
        return list(self)

    def __iter__(self):
        self._check()
        return self

    def __next__(self):
        found = self.readline()
        if found:
            return found
        raise StopIteration

    def close(self):
        self.closed = True

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *exc):
        self.close()
        return None

    def __repr__(self):
        if "b" in self.mode:
            return f"<_io.BufferedReader name={self.name!r}>"
        return f"<_io.TextIOWrapper name={self.name!r} mode={self.mode!r} encoding='UTF-8'>"
