# The `flask` module the learner's app imports, written in Python and run by the playground's
# interpreter. It follows Flask 3.1.3 / Werkzeug 3.1.9 closely (same control flow, same
# messages); what must be byte-exact or needs the host (routing, signing, JSON, Set-Cookie
# strings, the clock, the context-local proxies) comes from the native module `_flask_native`.
from markupsafe import Markup as _Markup
from _flask_native import (
    session, request, g, current_app,
    _ctx_request, _ctx_app, _raw_session, _session_accessed, _is_null_session,
    _sign_session, _dump_cookie, _json_dumps, _add_rule, _match, _url_for, _now,
    _got_request_exception, _escape, _uri_to_iri, _iri_path, _allowed_methods, _lifetime_seconds, _http_reason,
    _set_session, _trace_save, _session_loads, _session_dumps,
)

# ---------------------------------------------------------------------------------------------
# werkzeug.exceptions
# ---------------------------------------------------------------------------------------------


class HTTPException(Exception):
    code = None
    description = None

    def __init__(self, description=None, response=None):
        super().__init__()
        if description is not None:
            self.description = description
        self.response = response

    @property
    def name(self):
        return _http_reason(self.code)

    def get_description(self, environ=None, scope=None):
        description = _escape(self.description).replace("\n", "<br>")
        return f"<p>{description}</p>"

    def get_body(self, environ=None, scope=None):
        return (
            "<!doctype html>\n"
            "<html lang=en>\n"
            f"<title>{self.code} {_escape(self.name)}</title>\n"
            f"<h1>{_escape(self.name)}</h1>\n"
            f"{self.get_description(environ)}\n"
        )

    def get_headers(self, environ=None, scope=None):
        return [("Content-Type", "text/html; charset=utf-8")]

    def get_response(self, environ=None, scope=None):
        if self.response is not None:
            return self.response
        return Response(self.get_body(environ), self.code, self.get_headers(environ))

    def __str__(self):
        code = self.code if self.code is not None else "???"
        return f"{code} {self.name}: {self.description}"

    def __repr__(self):
        code = self.code if self.code is not None else "???"
        return f"<{type(self).__name__} '{code}: {self.name}'>"


class BadRequest(HTTPException):
    code = 400
    description = "The browser (or proxy) sent a request that this server could not understand."


class BadRequestKeyError(BadRequest, KeyError):
    def __init__(self, arg=None, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if arg is None:
            KeyError.__init__(self)
        else:
            KeyError.__init__(self, arg)

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
        super().__init__(description=description, response=response)
        self.valid_methods = valid_methods

    def get_headers(self, environ=None, scope=None):
        headers = super().get_headers(environ, scope)
        if self.valid_methods:
            headers.append(("Allow", ", ".join(self.valid_methods)))
        return headers


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
        self.original_exception = original_exception
        super().__init__(description=description, response=response)


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
    code = 308

    def __init__(self, new_url):
        super().__init__(new_url)
        self.new_url = new_url

    def get_response(self, environ=None, scope=None):
        return redirect(self.new_url, self.code)


class BuildError(RoutingException, LookupError):
    pass


_aborter_mapping = {
    400: BadRequest, 401: Unauthorized, 403: Forbidden, 404: NotFound, 405: MethodNotAllowed,
    406: NotAcceptable, 408: RequestTimeout, 409: Conflict, 410: Gone,
    415: UnsupportedMediaType, 418: ImATeapot, 422: UnprocessableEntity, 429: TooManyRequests,
    500: InternalServerError, 501: NotImplemented, 503: ServiceUnavailable,
}


def abort(status, *args, **kwargs):
    if not isinstance(status, int):
        raise HTTPException(response=status)
    if status not in _aborter_mapping:
        raise LookupError(f"no exception for {status!r}")
    raise _aborter_mapping[status](*args, **kwargs)


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
        self.form = ImmutableMultiDict(form)
        self.headers = Headers(headers)
        self.cookies = ImmutableMultiDict(cookies)
        self.data = data
        self.remote_addr = "127.0.0.1"
        self.url_rule = None
        self.view_args = None
        self.endpoint = None
        self.routing_exception = None
        self.environ = {}

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
            return _json_loads(self.data.decode("utf-8"))
        except ValueError:
            if silent:
                return None
            raise BadRequest("Failed to decode JSON object: invalid JSON")

    def get_data(self, as_text=False):
        if as_text:
            return self.data.decode("utf-8", "replace")
        return self.data

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
        return None


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


class Response:
    default_status = 200
    default_mimetype = "text/html"
    autocorrect_location_header = False

    def __init__(self, response=None, status=None, headers=None, mimetype=None,
                 content_type=None):
        if isinstance(headers, Headers):
            self.headers = headers
        elif not headers:
            self.headers = Headers()
        else:
            self.headers = Headers(headers)
        if content_type is None:
            if mimetype is None and "content-type" not in self.headers:
                mimetype = self.default_mimetype
            if mimetype is not None:
                if mimetype.startswith("text/") or mimetype in (
                    "application/xml", "application/javascript", "application/ecmascript"
                ) or mimetype.endswith("+xml"):
                    mimetype = mimetype + "; charset=utf-8"
                content_type = mimetype
        if content_type is not None:
            self.headers["Content-Type"] = content_type
        if status is None:
            status = self.default_status
        self.status_code = 200
        if isinstance(status, int):
            self.status_code = status
        else:
            self.status = status
        if response is None:
            self.set_data(b"")
        elif isinstance(response, (str, bytes)):
            self.set_data(response)
        else:
            self.set_data(b"".join(
                [x.encode("utf-8") if isinstance(x, str) else x for x in response]
            ))

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
        if value.startswith("text/"):
            value = value + "; charset=utf-8"
        self.headers["Content-Type"] = value

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


def redirect(location, code=302, Response=None):
    if Response is None:
        Response = _DefaultResponse
    html_location = _escape(location)
    response = Response(
        "<!doctype html>\n"
        "<html lang=en>\n"
        "<title>Redirecting...</title>\n"
        "<h1>Redirecting...</h1>\n"
        "<p>You should be redirected automatically to the target URL: "
        f'<a href="{html_location}">{_escape(location)}</a>. If not, click the link.\n',
        code,
        mimetype="text/html",
    )
    response.headers["Location"] = location
    return response


def jsonify(*args, **kwargs):
    if args and kwargs:
        raise TypeError("app.json.response() takes either args or kwargs, not both")
    if not args and not kwargs:
        data = None
    elif len(args) == 1:
        data = args[0]
    else:
        data = args or kwargs
    return Response(_json_dumps(data) + "\n", mimetype="application/json")


def make_response(*args):
    if not args:
        return current_app.response_class()
    if len(args) == 1:
        args = args[0]
    return current_app.make_response(args)


def url_for(endpoint, *, _anchor=None, _method=None, _scheme=None, _external=None, **values):
    return _url_for(endpoint, _anchor, _method, _scheme, _external, values)


def flash(message, category="message"):
    flashes = session.get("_flashes", [])
    flashes.append((category, message))
    session["_flashes"] = flashes


def get_flashed_messages(with_categories=False, category_filter=()):
    flashes = g.get("_flashes") if "_flashes" in g else None
    if flashes is None:
        flashes = session.pop("_flashes") if "_flashes" in session else []
        g._flashes = flashes
    if category_filter:
        flashes = [f for f in flashes if f[0] in category_filter]
    if not with_categories:
        return [x[1] for x in flashes]
    return flashes


def render_template_string(source, **context):
    raise RuntimeError(
        "render_template_string is not available in the playground yet: Jinja templates come"
        " in a later version. Return an f-string instead."
    )


def render_template(template_name_or_list, **context):
    raise RuntimeError(
        "render_template is not available in the playground yet: Jinja templates come in a"
        " later version. Return an f-string instead."
    )


def escape(s):
    return _escape(s)


# ---------------------------------------------------------------------------------------------
# The application
# ---------------------------------------------------------------------------------------------


class _AppCtxGlobals:
    def get(self, name, default=None):
        return self.__dict__.get(name, default)

    def pop(self, name, *default):
        if default:
            return self.__dict__.pop(name, default[0])
        return self.__dict__.pop(name)

    def setdefault(self, name, default=None):
        return self.__dict__.setdefault(name, default)

    def __contains__(self, item):
        return item in self.__dict__

    def __iter__(self):
        return iter(self.__dict__)

    def __repr__(self):
        return "<flask.g of 'app'>"


class Config(dict):
    pass


# ---------------------------------------------------------------------------------------------
# werkzeug.datastructures.CallbackDict and flask.sessions (Flask 3.1.3). The default interface's
# open/save run natively (server.rs) for speed; these classes are what app code subclasses, and
# they run whenever `app.session_interface` is anything but the default instance.
# ---------------------------------------------------------------------------------------------

_missing = object()


class CallbackDict(dict):
    on_update = None

    def __init__(self, initial=None, on_update=None):
        if initial is None:
            super().__init__()
        else:
            super().__init__(initial)
        self.on_update = on_update

    def _updated(self):
        if self.on_update is not None:
            self.on_update(self)

    def __setitem__(self, key, value):
        super().update({key: value})
        self._updated()

    def __delitem__(self, key):
        super().pop(key)
        self._updated()

    def setdefault(self, key, default=None):
        modified = key not in self
        rv = super().setdefault(key, default)
        if modified:
            self._updated()
        return rv

    def pop(self, key, default=_missing):
        modified = key in self
        if default is _missing:
            rv = super().pop(key)
        else:
            rv = super().pop(key, default)
        if modified:
            self._updated()
        return rv

    def clear(self):
        super().clear()
        self._updated()

    def popitem(self):
        rv = super().popitem()
        self._updated()
        return rv

    def update(self, *args, **kwargs):
        super().update(*args, **kwargs)
        self._updated()

    def __repr__(self):
        return f"<{type(self).__name__} {dict(self)!r}>"


class SessionMixin:
    @property
    def permanent(self):
        return self.get("_permanent", False)

    @permanent.setter
    def permanent(self, value):
        self["_permanent"] = bool(value)

    new = False
    modified = True
    accessed = False


class SecureCookieSession(CallbackDict, SessionMixin):
    modified = False

    def __init__(self, initial=None):
        def on_update(self):
            self.modified = True

        super().__init__(initial, on_update)


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
        if session.permanent:
            from datetime import datetime, timezone
            return datetime.now(timezone.utc) + app.permanent_session_lifetime
        return None

    def should_set_cookie(self, app, session):
        return session.modified or (
            session.permanent and app.config["SESSION_REFRESH_EACH_REQUEST"]
        )

    def open_session(self, app, request):
        raise NotImplementedError()

    def save_session(self, app, session, response):
        raise NotImplementedError()


class SecureCookieSessionInterface(SessionInterface):
    salt = "cookie-session"
    key_derivation = "hmac"
    session_class = SecureCookieSession

    def open_session(self, app, request):
        if not app.secret_key:
            return None
        val = request.cookies.get(self.get_cookie_name(app))
        if not val:
            return self.session_class()
        keys = []
        fallbacks = app.config["SECRET_KEY_FALLBACKS"]
        if fallbacks:
            keys.extend(fallbacks)
        keys.append(app.secret_key)
        max_age = int(app.permanent_session_lifetime.total_seconds())
        data = _session_loads(keys, self.salt, val, max_age)
        if data is None:
            return self.session_class()
        return self.session_class(data)

    def save_session(self, app, session, response):
        name = self.get_cookie_name(app)
        domain = self.get_cookie_domain(app)
        path = self.get_cookie_path(app)
        secure = self.get_cookie_secure(app)
        partitioned = self.get_cookie_partitioned(app)
        samesite = self.get_cookie_samesite(app)
        httponly = self.get_cookie_httponly(app)
        if session.accessed:
            response.vary.add("Cookie")
        if not session:
            if session.modified:
                response.delete_cookie(name, domain=domain, path=path, secure=secure,
                                       partitioned=partitioned, samesite=samesite,
                                       httponly=httponly)
                response.vary.add("Cookie")
            return
        if not self.should_set_cookie(app, session):
            return
        expires = self.get_expiration_time(app, session)
        val = _session_dumps(app.secret_key, self.salt, dict(session))
        response.set_cookie(name, val, expires=expires, httponly=httponly, domain=domain,
                            path=path, secure=secure, partitioned=partitioned,
                            samesite=samesite)
        response.vary.add("Cookie")


def _make_timedelta(value):
    from datetime import timedelta
    if value is None or isinstance(value, timedelta):
        return value
    return timedelta(seconds=value)


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
        self.config = dict(_default_config)
        try:
            from datetime import timedelta
            self.config["PERMANENT_SESSION_LIFETIME"] = timedelta(days=31)
        except ImportError:
            pass
        self.view_functions = {}
        self.before_request_funcs = {None: []}
        self.after_request_funcs = {None: []}
        self.teardown_request_funcs = {None: []}
        self.error_handler_spec = {None: {}}
        self.extensions = {}
        self.debug = False
        self.testing = False
        self.json_provider_class = None
        if static_folder is not None:
            if static_url_path is None:
                static_url_path = "/" + static_folder.rstrip("/").split("/")[-1]
            self.static_url_path = static_url_path
            self.add_url_rule(f"{static_url_path}/<path:filename>", endpoint="static",
                              view_func=self.send_static_file)

    def send_static_file(self, filename):
        raise NotFound()

    def __repr__(self):
        return f"<Flask {self.name!r}>"

    @property
    def secret_key(self):
        return self.config["SECRET_KEY"]

    @secret_key.setter
    def secret_key(self, value):
        self.config["SECRET_KEY"] = value

    @property
    def permanent_session_lifetime(self):
        return _make_timedelta(self.config["PERMANENT_SESSION_LIFETIME"])

    @permanent_session_lifetime.setter
    def permanent_session_lifetime(self, value):
        self.config["PERMANENT_SESSION_LIFETIME"] = value

    def run(self, *args, **kwargs):
        return None

    # -- registration -----------------------------------------------------------------------

    def add_url_rule(self, rule, endpoint=None, view_func=None, provide_automatic_options=None,
                     **options):
        if endpoint is None:
            endpoint = view_func.__name__
        options["endpoint"] = endpoint
        methods = options.pop("methods", None)
        if methods is None:
            methods = getattr(view_func, "methods", None) or ("GET",)
        if isinstance(methods, str):
            raise TypeError(
                "Allowed methods must be a list of strings, for example:"
                ' @app.route(..., methods=["POST"])'
            )
        methods = [m.upper() for m in methods]
        if provide_automatic_options is None:
            provide_automatic_options = "OPTIONS" not in methods and self.config[
                "PROVIDE_AUTOMATIC_OPTIONS"]
        if provide_automatic_options:
            methods.append("OPTIONS")
        _add_rule(rule, endpoint, methods, options.get("strict_slashes", True),
                  provide_automatic_options)
        if view_func is not None:
            old_func = self.view_functions.get(endpoint)
            if old_func is not None and old_func != view_func:
                raise AssertionError(
                    "View function mapping is overwriting an existing"
                    f" endpoint function: {endpoint}"
                )
            self.view_functions[endpoint] = view_func

    def route(self, rule, **options):
        def decorator(f):
            endpoint = options.pop("endpoint", None)
            self.add_url_rule(rule, endpoint, f, **options)
            return f
        return decorator

    def _method_route(self, method, rule, options):
        if "methods" in options:
            raise TypeError("Use the 'route' decorator to use the 'methods' argument.")
        return self.route(rule, methods=[method], **options)

    def get(self, rule, **options):
        return self._method_route("GET", rule, options)

    def post(self, rule, **options):
        return self._method_route("POST", rule, options)

    def put(self, rule, **options):
        return self._method_route("PUT", rule, options)

    def delete(self, rule, **options):
        return self._method_route("DELETE", rule, options)

    def patch(self, rule, **options):
        return self._method_route("PATCH", rule, options)

    def endpoint(self, endpoint):
        def decorator(f):
            self.view_functions[endpoint] = f
            return f
        return decorator

    def before_request(self, f):
        self.before_request_funcs.setdefault(None, []).append(f)
        return f

    def after_request(self, f):
        self.after_request_funcs.setdefault(None, []).append(f)
        return f

    def teardown_request(self, f):
        self.teardown_request_funcs.setdefault(None, []).append(f)
        return f

    def errorhandler(self, code_or_exception):
        def decorator(f):
            self.register_error_handler(code_or_exception, f)
            return f
        return decorator

    def register_error_handler(self, code_or_exception, f):
        exc_class, code = self._get_exc_class_and_code(code_or_exception)
        self.error_handler_spec[None].setdefault(code, {})[exc_class] = f

    def _get_exc_class_and_code(self, exc_class_or_code):
        if isinstance(exc_class_or_code, int):
            if exc_class_or_code not in _aborter_mapping:
                raise ValueError(
                    f"'{exc_class_or_code}' is not a recognized HTTP error code. Use a subclass"
                    " of HTTPException with that code instead."
                )
            exc_class = _aborter_mapping[exc_class_or_code]
        else:
            exc_class = exc_class_or_code
        if isinstance(exc_class, Exception):
            raise TypeError(
                f"{exc_class!r} is an instance, not a class. Handlers can only be registered"
                " for Exception classes or HTTP error codes."
            )
        if not issubclass(exc_class, Exception):
            raise ValueError(
                f"'{exc_class.__name__}' is not a subclass of Exception. Handlers can only be"
                " registered for Exception classes or HTTP error codes."
            )
        if issubclass(exc_class, HTTPException):
            return exc_class, exc_class.code
        return exc_class, None

    def app_context(self):
        raise RuntimeError("app.app_context() is not available in the playground yet.")

    def test_request_context(self, *args, **kwargs):
        raise RuntimeError("app.test_request_context() is not available in the playground yet.")

    # -- dispatch ---------------------------------------------------------------------------

    def _find_error_handler(self, e):
        exc_class = type(e)
        code = e.code if isinstance(e, HTTPException) else None
        for c in (code, None):
            handler_map = self.error_handler_spec[None].get(c)
            if not handler_map:
                continue
            for cls in exc_class.__mro__:
                handler = handler_map.get(cls)
                if handler is not None:
                    return handler
        return None

    def handle_http_exception(self, e):
        if e.code is None:
            return e
        if isinstance(e, RoutingException):
            return e
        handler = self._find_error_handler(e)
        if handler is None:
            return e
        return handler(e)

    def handle_user_exception(self, e):
        if isinstance(e, HTTPException):
            return self.handle_http_exception(e)
        handler = self._find_error_handler(e)
        if handler is None:
            raise e
        return handler(e)

    def handle_exception(self, e):
        _got_request_exception(e)
        server_error = InternalServerError(original_exception=e)
        handler = self._find_error_handler(server_error)
        if handler is not None:
            server_error = handler(server_error)
        return self.finalize_request(server_error, from_error_handler=True)

    def preprocess_request(self):
        for func in self.before_request_funcs.get(None, []):
            rv = func()
            if rv is not None:
                return rv
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
            rv = self.preprocess_request()
            if rv is None:
                rv = self.dispatch_request()
        except Exception as e:
            rv = self.handle_user_exception(e)
        return self.finalize_request(rv)

    def finalize_request(self, rv, from_error_handler=False):
        response = self.make_response(rv)
        try:
            response = self.process_response(response)
        except Exception:
            if not from_error_handler:
                raise
        return response

    def make_response(self, rv):
        status = None
        headers = None
        if isinstance(rv, tuple):
            len_rv = len(rv)
            if len_rv == 3:
                rv, status, headers = rv
            elif len_rv == 2:
                if isinstance(rv[1], (Headers, dict, tuple, list)):
                    rv, headers = rv
                else:
                    rv, status = rv
            else:
                raise TypeError(
                    "The view function did not return a valid response tuple."
                    " The tuple must have the form (body, status, headers),"
                    " (body, status), or (body, headers)."
                )
        if rv is None:
            raise TypeError(
                f"The view function for {_ctx_request().endpoint!r} did not"
                " return a valid response. The function either returned"
                " None or ended without a return statement."
            )
        if isinstance(rv, _Markup):
            # The response body is the text itself (Markup is a str subclass, as in markupsafe).
            rv = str(rv)
        if not isinstance(rv, Response):
            if isinstance(rv, (str, bytes)):
                rv = self.response_class(rv, status=status, headers=headers)
                status = headers = None
            elif isinstance(rv, (dict, list)):
                rv = jsonify(rv)
            elif isinstance(rv, HTTPException):
                rv = rv.get_response()
            else:
                raise TypeError(
                    "The view function did not return a valid"
                    " response. The return type must be a string,"
                    " dict, list, tuple with headers or status,"
                    " Response instance, or WSGI callable, but it was a"
                    f" {type(rv).__name__}."
                )
        if status is not None:
            if isinstance(status, (str, bytes)):
                rv.status = status
            else:
                rv.status_code = status
        if headers:
            rv.headers.update(headers)
        return rv

    def process_response(self, response):
        for func in reversed(self.after_request_funcs.get(None, [])):
            response = func(response)
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
        sess = _raw_session()
        if _is_null_session(sess):
            return
        _trace_save()
        config = self.config
        name = config["SESSION_COOKIE_NAME"]
        domain = config["SESSION_COOKIE_DOMAIN"]
        path = config["SESSION_COOKIE_PATH"] or config["APPLICATION_ROOT"]
        secure = config["SESSION_COOKIE_SECURE"]
        partitioned = config["SESSION_COOKIE_PARTITIONED"]
        samesite = config["SESSION_COOKIE_SAMESITE"]
        httponly = config["SESSION_COOKIE_HTTPONLY"]
        if _session_accessed():
            response._add_vary("Cookie")
        if not sess:
            if sess.modified:
                response.delete_cookie(name, domain=domain, path=path, secure=secure,
                                       partitioned=partitioned, samesite=samesite,
                                       httponly=httponly)
                response._add_vary("Cookie")
            return
        if not (sess.modified or (sess.permanent and config["SESSION_REFRESH_EACH_REQUEST"])):
            return
        expires = None
        if sess.permanent:
            expires = _now() + _lifetime_seconds(config["PERMANENT_SESSION_LIFETIME"])
        val = _sign_session(sess)
        response.set_cookie(name, val, expires=expires, httponly=httponly, domain=domain,
                            path=path, secure=secure, partitioned=partitioned,
                            samesite=samesite)
        response._add_vary("Cookie")

    def wsgi_app(self):
        try:
            try:
                response = self.full_dispatch_request()
            except Exception as e:
                response = self.handle_exception(e)
        finally:
            pass
        return response


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
    req = _ctx_request()
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
    return app.wsgi_app()


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
