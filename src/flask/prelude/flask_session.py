# The playground's Flask-Session 0.8.0 (`from flask_session import Session`): its behaviour,
# in our own code. `Session(app)` installs a server-side session interface; the cookie holds
# only the session id and the data lives in the server store (cachelib, here in memory:
# src/flask/store.rs). Supported SESSION_TYPE values: "cachelib" and "filesystem" (both
# cachelib-backed in 0.8); redis/memcached/mongodb/sqlalchemy/dynamodb need their client
# packages, which the playground does not have, so they fail the way a machine without them
# does (ModuleNotFoundError).
from flask import SessionInterface as FlaskSessionInterface, SessionMixin, CallbackDict, _missing
from _flask_native import _token_urlsafe, _sign_sid, _unsign_sid

__version__ = "0.8.0"


# Flask-Session's defaults for the settings it reads from app.config.
_DEFAULTS = {
    "SESSION_TYPE": "null",
    "SESSION_KEY_PREFIX": "session:",
    "SESSION_USE_SIGNER": False,
    "SESSION_PERMANENT": True,
    "SESSION_ID_LENGTH": 32,
    "SESSION_SERIALIZATION_FORMAT": "msgpack",
    "SESSION_CLEANUP_N_REQUESTS": None,
    "SESSION_CACHELIB": None,
    "SESSION_FILE_DIR": "flask_session",
    "SESSION_FILE_THRESHOLD": 500,
    "SESSION_FILE_MODE": 384,
}

# The salt Flask-Session signs session ids with (SESSION_USE_SIGNER).
_SID_SALT = "flask-session"


def total_seconds(timedelta):
    return int(timedelta.total_seconds())


def _touched(session):
    # A change made through the dict methods: the session is modified, and counts as read.
    session.modified = True
    session.accessed = True


class ServerSideSession(CallbackDict, SessionMixin):
    """A session whose data lives on the server under `sid`; reads mark it accessed."""

    def __init__(self, initial=None, sid=None, permanent=None):
        CallbackDict.__init__(self, initial, _touched)
        self.sid = sid
        if permanent:
            self.permanent = permanent
        # Setting `permanent` went through the callback; a new session starts clean anyway.
        self.accessed = False
        self.modified = False

    def __bool__(self):
        # Holding nothing but the "_permanent" flag counts as empty.
        for key in dict.keys(self):
            if key != "_permanent":
                return True
        return False

    def __getitem__(self, key):
        self.accessed = True
        # (The interpreter's super() does not reach dunders of built-in types, so the value is
        # looked up with dict.get.)
        value = dict.get(self, key, _missing)
        if value is _missing:
            raise KeyError(key)
        return value

    def get(self, key, default=None):
        self.accessed = True
        return super().get(key, default)

    def setdefault(self, key, default=None):
        self.accessed = True
        return super().setdefault(key, default)

    def clear(self):
        # Everything goes but the permanence, which is put back.
        keep = self.get("_permanent", False)
        super().clear()
        self["_permanent"] = keep


class ServerSideSessionInterface(FlaskSessionInterface):
    session_class = ServerSideSession
    serializer = None
    ttl = True

    def __init__(self, app, key_prefix=_DEFAULTS["SESSION_KEY_PREFIX"],
                 use_signer=_DEFAULTS["SESSION_USE_SIGNER"],
                 permanent=_DEFAULTS["SESSION_PERMANENT"],
                 sid_length=_DEFAULTS["SESSION_ID_LENGTH"],
                 serialization_format=_DEFAULTS["SESSION_SERIALIZATION_FORMAT"],
                 cleanup_n_requests=_DEFAULTS["SESSION_CLEANUP_N_REQUESTS"]):
        if serialization_format not in ("msgpack", "json"):
            raise ValueError(f"Unsupported serialization format: {serialization_format}")
        self.serialization_format = serialization_format
        self.app = app
        self.key_prefix = key_prefix
        self.use_signer = use_signer
        self.sid_length = sid_length
        self.permanent = permanent
        self.cleanup_n_requests = cleanup_n_requests
        # Flask before 1.0 had no SameSite getter; Flask-Session only uses it when present.
        self.has_same_site_capability = hasattr(self, "get_cookie_samesite")

    def _generate_sid(self, session_id_length):
        # secrets.token_urlsafe in Flask-Session; a seeded stream here (src/flask/store.rs).
        return _token_urlsafe(session_id_length)

    def _get_signer(self, app):
        # Signing needs the app's secret key; the signer itself is native (_sign_sid).
        if not app.secret_key:
            raise KeyError("SECRET_KEY must be set when SESSION_USE_SIGNER=True")
        return app.secret_key

    def _unsign(self, app, sid):
        # The id inside a signed cookie value, or None when the signature does not verify.
        return _unsign_sid(self._get_signer(app), _SID_SALT, sid)

    def _sign(self, app, sid):
        return _sign_sid(self._get_signer(app), _SID_SALT, sid)

    def _get_store_id(self, sid):
        return f"{self.key_prefix}{sid}"

    def should_set_storage(self, app, session):
        return session.modified or app.config["SESSION_REFRESH_EACH_REQUEST"]

    def regenerate(self, session):
        # A new id for the same data (after a login, say): the old entry is dropped and the
        # data is saved under the new id at the end of the request.
        if not session:
            return
        self._delete_session(self._get_store_id(session.sid))
        session.sid = self._generate_sid(self.sid_length)
        session.modified = True

    def open_session(self, app, request):
        cookie = request.cookies.get(app.config["SESSION_COOKIE_NAME"])
        sid = None
        if cookie:
            sid = self._unsign(app, cookie) if self.use_signer else cookie
        stored = None if sid is None else self._retrieve_session_data(self._get_store_id(sid))
        if stored is not None:
            return self.session_class(stored, sid=sid)
        # No cookie, a bad signature or nothing stored under the id: a new, empty session
        # under a new id.
        return self.session_class(sid=self._generate_sid(self.sid_length),
                                  permanent=self.permanent)

    def save_session(self, app, session, response):
        # Cookie attributes are read in Flask-Session's order: domain, path, then the name.
        domain, path = self.get_cookie_domain(app), self.get_cookie_path(app)
        name = self.get_cookie_name(app)
        entry = self._get_store_id(session.sid)
        if session.accessed:
            response.vary.add("Cookie")
        if session:
            # The store is written (which also renews its time to live) before the cookie
            # is considered.
            if self.should_set_storage(app, session):
                self._upsert_session(app.permanent_session_lifetime, session, entry)
                if self.should_set_cookie(app, session):
                    self._send_cookie(app, session, response, name, domain, path)
        elif session.modified:
            # Emptied: the stored data goes, and the cookie with it.
            self._delete_session(entry)
            response.delete_cookie(key=name, domain=domain, path=path)
            response.vary.add("Cookie")

    def _send_cookie(self, app, session, response, name, domain, path):
        sid = self._sign(app, session.sid) if self.use_signer else session.sid
        expires = self.get_expiration_time(app, session)
        httponly = self.get_cookie_httponly(app)
        secure = self.get_cookie_secure(app)
        samesite = None
        if self.has_same_site_capability:
            samesite = self.get_cookie_samesite(app)
        response.set_cookie(key=name, value=sid, expires=expires, httponly=httponly,
                            domain=domain, path=path, secure=secure, samesite=samesite)
        response.vary.add("Cookie")


class _CacheStore:
    # The three store operations of the cachelib-backed interfaces, on `self.cache`.
    def _retrieve_session_data(self, store_id):
        return self.cache.get(store_id)

    def _delete_session(self, store_id):
        self.cache.delete(store_id)

    def _upsert_session(self, session_lifetime, session, store_id):
        # Kept for the permanent lifetime, whether or not the session is permanent.
        self.cache.set(key=store_id, value=dict(session), timeout=total_seconds(session_lifetime))


class CacheLibSession(ServerSideSession):
    pass


class CacheLibSessionInterface(_CacheStore, ServerSideSessionInterface):
    session_class = CacheLibSession
    ttl = True

    def __init__(self, app=None, client=_DEFAULTS["SESSION_CACHELIB"],
                 key_prefix=_DEFAULTS["SESSION_KEY_PREFIX"],
                 use_signer=_DEFAULTS["SESSION_USE_SIGNER"],
                 permanent=_DEFAULTS["SESSION_PERMANENT"],
                 sid_length=_DEFAULTS["SESSION_ID_LENGTH"],
                 serialization_format=_DEFAULTS["SESSION_SERIALIZATION_FORMAT"]):
        # Without a client, Flask-Session 0.8 falls back to a FileSystemCache in
        # ./flask_session holding at most 500 items.
        if client is None:
            from cachelib import FileSystemCache
            client = FileSystemCache("flask_session", threshold=500)
        self.cache = client
        ServerSideSessionInterface.__init__(self, None, key_prefix, use_signer, permanent,
                                            sid_length, serialization_format)


class FileSystemSession(ServerSideSession):
    pass


class FileSystemSessionInterface(_CacheStore, ServerSideSessionInterface):
    session_class = FileSystemSession
    ttl = True

    def __init__(self, app, key_prefix=_DEFAULTS["SESSION_KEY_PREFIX"],
                 use_signer=_DEFAULTS["SESSION_USE_SIGNER"],
                 permanent=_DEFAULTS["SESSION_PERMANENT"],
                 sid_length=_DEFAULTS["SESSION_ID_LENGTH"],
                 serialization_format=_DEFAULTS["SESSION_SERIALIZATION_FORMAT"],
                 cache_dir=_DEFAULTS["SESSION_FILE_DIR"],
                 threshold=_DEFAULTS["SESSION_FILE_THRESHOLD"],
                 mode=_DEFAULTS["SESSION_FILE_MODE"]):
        from cachelib import FileSystemCache
        self.cache = FileSystemCache(cache_dir=cache_dir, threshold=threshold, mode=mode)
        ServerSideSessionInterface.__init__(self, app, key_prefix, use_signer, permanent,
                                            sid_length, serialization_format)


# The package each unsupported SESSION_TYPE would import first.
_CLIENT_PACKAGES = {
    "redis": "redis",
    "mongodb": "pymongo",
    "sqlalchemy": "flask_sqlalchemy",
    "dynamodb": "boto3",
}


def _interface_for(app):
    """The session interface `Session(app)` installs, from app.config."""
    config = app.config

    def setting(key):
        return config.get(key, _DEFAULTS[key])

    kind = setting("SESSION_TYPE").lower()
    shared = dict(
        app=app,
        key_prefix=setting("SESSION_KEY_PREFIX"),
        use_signer=setting("SESSION_USE_SIGNER"),
        permanent=setting("SESSION_PERMANENT"),
        sid_length=setting("SESSION_ID_LENGTH"),
        serialization_format=setting("SESSION_SERIALIZATION_FORMAT"),
    )
    if kind == "cachelib":
        return CacheLibSessionInterface(client=setting("SESSION_CACHELIB"), **shared)
    if kind == "filesystem":
        return FileSystemSessionInterface(
            cache_dir=setting("SESSION_FILE_DIR"),
            threshold=setting("SESSION_FILE_THRESHOLD"),
            mode=setting("SESSION_FILE_MODE"),
            **shared,
        )
    if kind == "memcached":
        # MemcachedSessionInterface tries pylibmc, memcache, pymemcache, libmc in turn.
        raise ImportError("No memcache module found")
    if kind in _CLIENT_PACKAGES:
        raise ModuleNotFoundError(f"No module named '{_CLIENT_PACKAGES[kind]}'")
    raise ValueError(f"Unrecognized value for SESSION_TYPE: {kind}")


class Session:
    """The extension: `Session(app)`, or `Session()` and later `init_app(app)`, replaces the
    app's session interface with the server-side one its config asks for."""

    def __init__(self, app=None):
        self.app = app
        if app is None:
            return
        self.init_app(app)

    def init_app(self, app):
        app.session_interface = _interface_for(app)
