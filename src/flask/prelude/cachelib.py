# The playground's `cachelib` 0.17: SimpleCache and FileSystemCache as Flask-Session uses them,
# kept in the server's in-memory store (src/flask/store.rs) instead of a dict or files. The
# expiry arithmetic and the boundary each backend uses are cachelib's; values go through Flask's
# tagged JSON instead of pickle (see store.rs for what that changes).
from _flask_native import _store_get, _store_set, _store_delete, _now


class BaseCache:
    def __init__(self, default_timeout=300, **kwargs):
        self.default_timeout = default_timeout

    def _to_seconds(self, timeout):
        if hasattr(timeout, "total_seconds"):
            return int(timeout.total_seconds())
        return timeout

    def _normalize_timeout(self, timeout):
        if timeout is None:
            return self.default_timeout
        return self._to_seconds(timeout)

    def get(self, key):
        return None

    def delete(self, key):
        return True

    def set(self, key, value, timeout=None):
        return True

    def has(self, key):
        return self.get(key) is not None


class SimpleCache(BaseCache):
    _inclusive = False

    def __init__(self, threshold=500, default_timeout=300, ignore_delete_many_errors=True):
        BaseCache.__init__(self, default_timeout)
        self._threshold = threshold or 500

    def _expires(self, timeout):
        normalized = self._normalize_timeout(timeout)
        if normalized > 0:
            return int(_now()) + normalized
        if normalized == 0:
            return None
        return normalized

    def get(self, key):
        return _store_get(key, self._inclusive)

    def set(self, key, value, timeout=None):
        _store_set(key, value, self._expires(timeout))
        return True

    def add(self, key, value, timeout=None):
        if self.has(key):
            return False
        return self.set(key, value, timeout)

    def delete(self, key):
        return _store_delete(key)


class FileSystemCache(SimpleCache):
    # FileSystemCache keeps an item while `expires >= time()` (SimpleCache: `>`), and treats
    # any non-zero timeout as relative.
    _inclusive = True

    def __init__(self, cache_dir="flask_session", threshold=500, default_timeout=300, mode=None,
                 hash_method=None, ignore_delete_many_errors=True):
        SimpleCache.__init__(self, threshold, default_timeout)
        self._path = cache_dir

    def _expires(self, timeout):
        normalized = self._normalize_timeout(timeout)
        if normalized != 0:
            return int(_now()) + normalized
        return None
