# The playground's `datetime`: pure Python over native calendar helpers (`_civil`), which
# produce CPython's exact text. `now()`/`utcnow()`/`today()` read the host's virtual clock.
import _civil


class timedelta:
    def __init__(self, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0):
        total = (days + weeks * 7) * 86400000000 + (seconds + minutes * 60 + hours * 3600) * 1000000
        total = total + microseconds + milliseconds * 1000
        self._us = _civil.round_micros(total)
        _civil.td_check(self._us)

    @property
    def days(self):
        return self._us // 86400000000

    @property
    def seconds(self):
        return (self._us % 86400000000) // 1000000

    @property
    def microseconds(self):
        return self._us % 1000000

    def total_seconds(self):
        return _civil.td_total_seconds(self._us)

    def __str__(self):
        return _civil.td_str(self._us)

    def __repr__(self):
        return _civil.td_repr(self._us)

    def __add__(self, other):
        if isinstance(other, timedelta):
            return _td(self._us + other._us)
        return NotImplemented

    def __radd__(self, other):
        return self.__add__(other)

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return _td(self._us - other._us)
        return NotImplemented

    def __neg__(self):
        return _td(-self._us)

    def __pos__(self):
        return self

    def __abs__(self):
        return _td(abs(self._us))

    def __mul__(self, other):
        if isinstance(other, (int, float)):
            return _td(_civil.round_micros(self._us * other))
        return NotImplemented

    def __rmul__(self, other):
        return self.__mul__(other)

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            return self._us / other._us
        if isinstance(other, (int, float)):
            return _td(_civil.round_micros(self._us / other))
        return NotImplemented

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            return self._us // other._us
        if isinstance(other, int):
            return _td(self._us // other)
        return NotImplemented

    def __eq__(self, other):
        return isinstance(other, timedelta) and self._us == other._us

    def __lt__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        return self._us < other._us

    def __le__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        return self._us <= other._us

    def __gt__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        return self._us > other._us

    def __ge__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        return self._us >= other._us

    def __hash__(self):
        return hash(self._us)

    def __bool__(self):
        return self._us != 0


def _td(us):
    t = timedelta()
    _civil.td_check(us)
    t._us = us
    return t


class tzinfo:
    pass


class timezone(tzinfo):
    def __init__(self, offset, name=None):
        self._offset = offset
        self._name = name

    def utcoffset(self, dt):
        return self._offset

    def tzname(self, dt):
        if self._name is not None:
            return self._name
        return _civil.tz_name(self._offset._us)

    def dst(self, dt):
        return None

    def __str__(self):
        return self.tzname(None)

    def __repr__(self):
        if self._name is not None:
            return "datetime.timezone(%r, %r)" % (self._offset, self._name)
        if self._offset._us == 0:
            return "datetime.timezone.utc"
        return _civil.tz_repr(self._offset._us)

    def __eq__(self, other):
        return isinstance(other, timezone) and self._offset == other._offset

    def __hash__(self):
        return hash(self._offset)


timezone.utc = timezone(timedelta(0))
UTC = timezone.utc


class date:
    def __init__(self, year, month, day):
        _civil.check(year, month, day, 0, 0, 0, 0)
        self._y = year
        self._m = month
        self._d = day

    year = property(lambda self: self._y)
    month = property(lambda self: self._m)
    day = property(lambda self: self._d)

    @classmethod
    def today(cls):
        f = _civil.now_fields()
        return cls(f[0], f[1], f[2])

    @classmethod
    def fromordinal(cls, n):
        y, m, d = _civil.from_ordinal(n)
        return cls(y, m, d)

    @classmethod
    def fromisoformat(cls, text):
        f = _civil.parse_iso(text, "date")
        return cls(f[0], f[1], f[2])

    def toordinal(self):
        return _civil.to_ordinal(self._y, self._m, self._d)

    def weekday(self):
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        return self.weekday() + 1

    def isoformat(self):
        return "%04d-%02d-%02d" % (self._y, self._m, self._d)

    def strftime(self, fmt):
        return _civil.strftime(self._y, self._m, self._d, 0, 0, 0, 0, fmt, None, None)

    def replace(self, year=None, month=None, day=None):
        return date(self._y if year is None else year, self._m if month is None else month, self._d if day is None else day)

    def __format__(self, spec):
        return self.strftime(spec) if spec else str(self)

    def __str__(self):
        return self.isoformat()

    def __repr__(self):
        return "datetime.date(%d, %d, %d)" % (self._y, self._m, self._d)

    def _key(self):
        return (self._y, self._m, self._d)

    def __eq__(self, other):
        return type(other) is type(self) and self._key() == other._key()

    def __lt__(self, other):
        _cmp_check(self, other)
        return self._key() < other._key()

    def __le__(self, other):
        _cmp_check(self, other)
        return self._key() <= other._key()

    def __gt__(self, other):
        _cmp_check(self, other)
        return self._key() > other._key()

    def __ge__(self, other):
        _cmp_check(self, other)
        return self._key() >= other._key()

    def __hash__(self):
        return hash(self._key())

    def __add__(self, other):
        if isinstance(other, timedelta):
            return date.fromordinal(self.toordinal() + other.days)
        return NotImplemented

    def __radd__(self, other):
        return self.__add__(other)

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return date.fromordinal(self.toordinal() - other.days)
        if isinstance(other, date) and not isinstance(other, datetime):
            return timedelta(days=self.toordinal() - other.toordinal())
        return NotImplemented


def _cmp_check(a, b):
    if type(a) is not type(b):
        raise TypeError("can't compare %s to %s" % (type(a).__name__, type(b).__name__))


class datetime(date):
    def __init__(self, year, month, day, hour=0, minute=0, second=0, microsecond=0, tzinfo=None):
        _civil.check(year, month, day, hour, minute, second, microsecond)
        self._y = year
        self._m = month
        self._d = day
        self._H = hour
        self._M = minute
        self._S = second
        self._us = microsecond
        self._tz = tzinfo

    hour = property(lambda self: self._H)
    minute = property(lambda self: self._M)
    second = property(lambda self: self._S)
    microsecond = property(lambda self: self._us)
    tzinfo = property(lambda self: self._tz)

    @classmethod
    def _from_unix_micros(cls, us, tz=None):
        f = _civil.from_unix_micros(us)
        return cls(f[0], f[1], f[2], f[3], f[4], f[5], f[6], tzinfo=tz)

    @classmethod
    def now(cls, tz=None):
        us = _civil.now_micros()
        if tz is not None:
            us = us + tz.utcoffset(None)._us
        return cls._from_unix_micros(us, tz)

    @classmethod
    def utcnow(cls):
        return cls._from_unix_micros(_civil.now_micros())

    @classmethod
    def today(cls):
        return cls.now()

    @classmethod
    def fromtimestamp(cls, ts, tz=None):
        us = _civil.round_micros(ts * 1000000)
        if tz is not None:
            us = us + tz.utcoffset(None)._us
        return cls._from_unix_micros(us, tz)

    @classmethod
    def utcfromtimestamp(cls, ts):
        return cls._from_unix_micros(_civil.round_micros(ts * 1000000))

    @classmethod
    def fromisoformat(cls, text):
        f = _civil.parse_iso(text, "datetime")
        tz = None
        if f[7] is not None:
            tz = timezone.utc if f[7] == 0 else timezone(_td(f[7]))
        return cls(f[0], f[1], f[2], f[3], f[4], f[5], f[6], tzinfo=tz)

    @classmethod
    def strptime(cls, text, fmt):
        f = _civil.strptime(text, fmt)
        tz = None
        if f[7] is not None:
            if f[8]:
                tz = timezone(_td(f[7]), f[8])
            else:
                tz = timezone.utc if f[7] == 0 else timezone(_td(f[7]))
        return cls(f[0], f[1], f[2], f[3], f[4], f[5], f[6], tzinfo=tz)

    @classmethod
    def combine(cls, d, t=None):
        return cls(d.year, d.month, d.day)

    def date(self):
        return date(self._y, self._m, self._d)

    def utcoffset(self):
        return None if self._tz is None else self._tz.utcoffset(self)

    def tzname(self):
        return None if self._tz is None else self._tz.tzname(self)

    def dst(self):
        return None if self._tz is None else self._tz.dst(self)

    def _offset_us(self):
        off = self.utcoffset()
        return None if off is None else off._us

    def _local_micros(self):
        return _civil.to_unix_micros(self._y, self._m, self._d, self._H, self._M, self._S, self._us)

    def timestamp(self):
        off = self._offset_us()
        if off is None:
            off = 0
        return (self._local_micros() - off) / 1000000

    def isoformat(self, sep="T", timespec="auto"):
        return _civil.isoformat(self._y, self._m, self._d, self._H, self._M, self._S, self._us, sep, timespec, self._offset_us())

    def strftime(self, fmt):
        name = None if self._tz is None else self._tz.tzname(self)
        return _civil.strftime(self._y, self._m, self._d, self._H, self._M, self._S, self._us, fmt, self._offset_us(), name)

    def replace(self, year=None, month=None, day=None, hour=None, minute=None, second=None, microsecond=None, tzinfo=True):
        return datetime(
            self._y if year is None else year,
            self._m if month is None else month,
            self._d if day is None else day,
            self._H if hour is None else hour,
            self._M if minute is None else minute,
            self._S if second is None else second,
            self._us if microsecond is None else microsecond,
            tzinfo=self._tz if tzinfo is True else tzinfo,
        )

    def astimezone(self, tz=None):
        if tz is None:
            tz = timezone.utc
        off = self._offset_us()
        utc = self._local_micros() - (0 if off is None else off)
        return datetime._from_unix_micros(utc + tz.utcoffset(None)._us, tz)

    def __str__(self):
        return self.isoformat(" ")

    def __repr__(self):
        tz = None if self._tz is None else repr(self._tz)
        return _civil.dt_repr(self._y, self._m, self._d, self._H, self._M, self._S, self._us, tz)

    def _utc_key(self):
        off = self._offset_us()
        return self._local_micros() - (0 if off is None else off)

    def _check(self, other):
        if not isinstance(other, datetime):
            raise TypeError("can't compare %s to %s" % (type(self).__name__, type(other).__name__))
        if (self._tz is None) != (other._tz is None):
            raise TypeError("can't compare offset-naive and offset-aware datetimes")

    def __eq__(self, other):
        if not isinstance(other, datetime) or (self._tz is None) != (other._tz is None):
            return False
        return self._utc_key() == other._utc_key()

    def __lt__(self, other):
        self._check(other)
        return self._utc_key() < other._utc_key()

    def __le__(self, other):
        self._check(other)
        return self._utc_key() <= other._utc_key()

    def __gt__(self, other):
        self._check(other)
        return self._utc_key() > other._utc_key()

    def __ge__(self, other):
        self._check(other)
        return self._utc_key() >= other._utc_key()

    def __hash__(self):
        return hash(self._utc_key())

    def __add__(self, other):
        if isinstance(other, timedelta):
            return datetime._from_unix_micros(self._local_micros() + other._us, self._tz)
        return NotImplemented

    def __radd__(self, other):
        return self.__add__(other)

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return datetime._from_unix_micros(self._local_micros() - other._us, self._tz)
        if isinstance(other, datetime):
            if (self._tz is None) != (other._tz is None):
                raise TypeError("can't subtract offset-naive and offset-aware datetimes")
            return _td(self._utc_key() - other._utc_key())
        return NotImplemented


MINYEAR = 1
MAXYEAR = 9999
