# The playground's Flask-Session 0.8.0 (`from flask_session import Session`), following its
# source: `Session(app)` installs a ServerSideSessionInterface; the cookie holds only the session
# id and the data lives in the server store (cachelib, here in memory: src/flask/store.rs).
# Supported SESSION_TYPE values: "cachelib" and "filesystem" (both cachelib-backed in 0.8);
# redis/memcached/mongodb/sqlalchemy/dynamodb need their client packages, which the playground
# does not have, so they fail the way a machine without them does (ModuleNotFoundError).
from flask import SessionInterface as FlaskSessionInterface, SessionMixin, CallbackDict, _missing
from _flask_native import _token_urlsafe, _sign_sid, _unsign_sid

__version__ = "0.8.0"


class Defaults:
    SESSION_TYPE = "null"
    SESSION_KEY_PREFIX = "session:"
    SESSION_USE_SIGNER = False
    SESSION_PERMANENT = True
    SESSION_ID_LENGTH = 32
    SESSION_SERIALIZATION_FORMAT = "msgpack"
    SESSION_CLEANUP_N_REQUESTS = None
    SESSION_CACHELIB = None
    SESSION_FILE_DIR = "flask_session"
    SESSION_FILE_THRESHOLD = 500
    SESSION_FILE_MODE = 384


def total_seconds(timedelta):
    return int(timedelta.total_seconds())


class ServerSideSession(CallbackDict, SessionMixin):
    def __bool__(self):
        return bool(dict(self)) and set(self.keys()) != {"_permanent"}

    def __init__(self, initial=None, sid=None, permanent=None):
        def on_update(self):
            self.modified = True
            self.accessed = True

        CallbackDict.__init__(self, initial, on_update)
        self.sid = sid
        if permanent:
            self.permanent = permanent
        self.modified = False
        self.accessed = False

    def __getitem__(self, key):
        self.accessed = True
        # super().__getitem__(key) in Flask-Session (the interpreter's super() has no dunders
        # of built-in types yet).
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
        permanent = self.get("_permanent", False)
        super().clear()
        self["_permanent"] = permanent


class ServerSideSessionInterface(FlaskSessionInterface):
    session_class = ServerSideSession
    serializer = None
    ttl = True

    def __init__(self, app, key_prefix=Defaults.SESSION_KEY_PREFIX,
                 use_signer=Defaults.SESSION_USE_SIGNER, permanent=Defaults.SESSION_PERMANENT,
                 sid_length=Defaults.SESSION_ID_LENGTH,
                 serialization_format=Defaults.SESSION_SERIALIZATION_FORMAT,
                 cleanup_n_requests=Defaults.SESSION_CLEANUP_N_REQUESTS):
        self.app = app
        self.key_prefix = key_prefix
        self.use_signer = use_signer
        self.permanent = permanent
        self.sid_length = sid_length
        self.has_same_site_capability = hasattr(self, "get_cookie_samesite")
        self.cleanup_n_requests = cleanup_n_requests
        if serialization_format not in ("msgpack", "json"):
            raise ValueError(f"Unsupported serialization format: {serialization_format}")
        self.serialization_format = serialization_format

    def _generate_sid(self, session_id_length):
        # secrets.token_urlsafe in Flask-Session; a seeded stream here (src/flask/store.rs).
        return _token_urlsafe(session_id_length)

    def _get_signer(self, app):
        if not app.secret_key:
            raise KeyError("SECRET_KEY must be set when SESSION_USE_SIGNER=True")
        return app.secret_key

    def _unsign(self, app, sid):
        return _unsign_sid(self._get_signer(app), "flask-session", sid)

    def _sign(self, app, sid):
        return _sign_sid(self._get_signer(app), "flask-session", sid)

    def _get_store_id(self, sid):
        return self.key_prefix + sid

    def should_set_storage(self, app, session):
        return session.modified or app.config["SESSION_REFRESH_EACH_REQUEST"]

    def regenerate(self, session):
        if session:
            self._delete_session(self._get_store_id(session.sid))
            session.sid = self._generate_sid(self.sid_length)
            session.modified = True

    def save_session(self, app, session, response):
        domain = self.get_cookie_domain(app)
        path = self.get_cookie_path(app)
        name = self.get_cookie_name(app)
        store_id = self._get_store_id(session.sid)
        if session.accessed:
            response.vary.add("Cookie")
        if not session:
            if session.modified:
                self._delete_session(store_id)
                response.delete_cookie(key=name, domain=domain, path=path)
                response.vary.add("Cookie")
            return
        if not self.should_set_storage(app, session):
            return
        self._upsert_session(app.permanent_session_lifetime, session, store_id)
        if not self.should_set_cookie(app, session):
            return
        value = self._sign(app, session.sid) if self.use_signer else session.sid
        expires = self.get_expiration_time(app, session)
        httponly = self.get_cookie_httponly(app)
        secure = self.get_cookie_secure(app)
        samesite = self.get_cookie_samesite(app) if self.has_same_site_capability else None
        response.set_cookie(key=name, value=value, expires=expires, httponly=httponly,
                            domain=domain, path=path, secure=secure, samesite=samesite)
        response.vary.add("Cookie")

    def open_session(self, app, request):
        sid = request.cookies.get(app.config["SESSION_COOKIE_NAME"])
        if not sid:
            sid = self._generate_sid(self.sid_length)
            return self.session_class(sid=sid, permanent=self.permanent)
        if self.use_signer:
            sid = self._unsign(app, sid)
            if sid is None:
                sid = self._generate_sid(self.sid_length)
                return self.session_class(sid=sid, permanent=self.permanent)
        store_id = self._get_store_id(sid)
        saved_session_data = self._retrieve_session_data(store_id)
        if saved_session_data is not None:
            return self.session_class(saved_session_data, sid=sid)
        sid = self._generate_sid(self.sid_length)
        return self.session_class(sid=sid, permanent=self.permanent)


class CacheLibSession(ServerSideSession):
    pass


class CacheLibSessionInterface(ServerSideSessionInterface):
    session_class = CacheLibSession
    ttl = True

    def __init__(self, app=None, client=Defaults.SESSION_CACHELIB,
                 key_prefix=Defaults.SESSION_KEY_PREFIX, use_signer=Defaults.SESSION_USE_SIGNER,
                 permanent=Defaults.SESSION_PERMANENT, sid_length=Defaults.SESSION_ID_LENGTH,
                 serialization_format=Defaults.SESSION_SERIALIZATION_FORMAT):
        if client is None:
            from cachelib import FileSystemCache
            client = FileSystemCache("flask_session", threshold=500)
        self.cache = client
        super().__init__(None, key_prefix, use_signer, permanent, sid_length,
                         serialization_format)

    def _retrieve_session_data(self, store_id):
        return self.cache.get(store_id)

    def _delete_session(self, store_id):
        self.cache.delete(store_id)

    def _upsert_session(self, session_lifetime, session, store_id):
        storage_time_to_live = total_seconds(session_lifetime)
        session_data = dict(session)
        self.cache.set(key=store_id, value=session_data, timeout=storage_time_to_live)


class FileSystemSession(ServerSideSession):
    pass


class FileSystemSessionInterface(ServerSideSessionInterface):
    session_class = FileSystemSession
    ttl = True

    def __init__(self, app, key_prefix=Defaults.SESSION_KEY_PREFIX,
                 use_signer=Defaults.SESSION_USE_SIGNER, permanent=Defaults.SESSION_PERMANENT,
                 sid_length=Defaults.SESSION_ID_LENGTH,
                 serialization_format=Defaults.SESSION_SERIALIZATION_FORMAT,
                 cache_dir=Defaults.SESSION_FILE_DIR, threshold=Defaults.SESSION_FILE_THRESHOLD,
                 mode=Defaults.SESSION_FILE_MODE):
        from cachelib import FileSystemCache
        self.cache = FileSystemCache(cache_dir=cache_dir, threshold=threshold, mode=mode)
        super().__init__(app, key_prefix, use_signer, permanent, sid_length,
                         serialization_format)

    def _retrieve_session_data(self, store_id):
        return self.cache.get(store_id)

    def _delete_session(self, store_id):
        self.cache.delete(store_id)

    def _upsert_session(self, session_lifetime, session, store_id):
        storage_time_to_live = total_seconds(session_lifetime)
        session_data = dict(session)
        self.cache.set(key=store_id, value=session_data, timeout=storage_time_to_live)


_CLIENT_PACKAGES = {
    "redis": "redis",
    "memcached": "pymemcache",
    "mongodb": "pymongo",
    "sqlalchemy": "flask_sqlalchemy",
    "dynamodb": "boto3",
}


class Session:
    def __init__(self, app=None):
        self.app = app
        if app is not None:
            self.init_app(app)

    def init_app(self, app):
        app.session_interface = self._get_interface(app)

    def _get_interface(self, app):
        config = app.config
        SESSION_TYPE = config.get("SESSION_TYPE", Defaults.SESSION_TYPE)
        common_params = {
            "app": app,
            "key_prefix": config.get("SESSION_KEY_PREFIX", Defaults.SESSION_KEY_PREFIX),
            "use_signer": config.get("SESSION_USE_SIGNER", Defaults.SESSION_USE_SIGNER),
            "permanent": config.get("SESSION_PERMANENT", Defaults.SESSION_PERMANENT),
            "sid_length": config.get("SESSION_ID_LENGTH", Defaults.SESSION_ID_LENGTH),
            "serialization_format": config.get("SESSION_SERIALIZATION_FORMAT",
                                               Defaults.SESSION_SERIALIZATION_FORMAT),
        }
        SESSION_TYPE = SESSION_TYPE.lower()
        if SESSION_TYPE == "filesystem":
            return FileSystemSessionInterface(
                **common_params,
                cache_dir=config.get("SESSION_FILE_DIR", Defaults.SESSION_FILE_DIR),
                threshold=config.get("SESSION_FILE_THRESHOLD", Defaults.SESSION_FILE_THRESHOLD),
                mode=config.get("SESSION_FILE_MODE", Defaults.SESSION_FILE_MODE),
            )
        if SESSION_TYPE == "cachelib":
            return CacheLibSessionInterface(
                **common_params,
                client=config.get("SESSION_CACHELIB", Defaults.SESSION_CACHELIB),
            )
        if SESSION_TYPE in _CLIENT_PACKAGES:
            raise ModuleNotFoundError(f"No module named '{_CLIENT_PACKAGES[SESSION_TYPE]}'")
        raise ValueError(f"Unrecognized value for SESSION_TYPE: {SESSION_TYPE}")
