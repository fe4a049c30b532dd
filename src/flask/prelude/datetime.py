# A small `datetime` for the playground: the clock is the virtual one (UTC); enough of
# timedelta, datetime, date and timezone for session lifetimes and cookie expiry.
import time as _time

_DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
_DAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
_MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                "Dec"]


def _is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _days_before_year(y):
    y -= 1
    return y * 365 + y // 4 - y // 100 + y // 400


def _days_in_month(y, m):
    if m == 2 and _is_leap(y):
        return 29
    return _DAYS_IN_MONTH[m]


def _ymd_to_ord(y, m, d):
    days = _days_before_year(y)
    for mm in range(1, m):
        days += _days_in_month(y, mm)
    return days + d


def _ord_to_ymd(n):
    # Proleptic Gregorian, day 1 = 0001-01-01.
    n -= 1
    n400, n = divmod(n, 146097)
    year = n400 * 400 + 1
    n100, n = divmod(n, 36524)
    n4, n = divmod(n, 1461)
    n1, n = divmod(n, 365)
    year += n100 * 100 + n4 * 4 + n1
    if n1 == 4 or n100 == 4:
        return year - 1, 12, 31
    month = 1
    while n >= _days_in_month(year, month):
        n -= _days_in_month(year, month)
        month += 1
    return year, month, n + 1


_EPOCH_ORD = 719163


class timedelta:
    def __init__(self, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0,
                 weeks=0):
        total = (((weeks * 7 + days) * 24 + hours) * 60 + minutes) * 60 + seconds
        us = total * 1000000 + milliseconds * 1000 + microseconds
        us = int(round(us))
        self.days, rest = divmod(us, 86400 * 1000000)
        self.seconds, self.microseconds = divmod(rest, 1000000)

    def _us(self):
        return (self.days * 86400 + self.seconds) * 1000000 + self.microseconds

    def total_seconds(self):
        return self._us() / 1000000

    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta(microseconds=self._us() + other._us())
        return NotImplemented

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta(microseconds=self._us() - other._us())
        return NotImplemented

    def __neg__(self):
        return timedelta(microseconds=-self._us())

    def __mul__(self, n):
        return timedelta(microseconds=self._us() * n)

    def __rmul__(self, n):
        return timedelta(microseconds=self._us() * n)

    def __eq__(self, other):
        return isinstance(other, timedelta) and self._us() == other._us()

    def __lt__(self, other):
        return self._us() < other._us()

    def __le__(self, other):
        return self._us() <= other._us()

    def __gt__(self, other):
        return self._us() > other._us()

    def __ge__(self, other):
        return self._us() >= other._us()

    def __hash__(self):
        return hash(self._us())

    def __bool__(self):
        return self._us() != 0

    def __repr__(self):
        parts = []
        if self.days:
            parts.append(f"days={self.days}")
        if self.seconds:
            parts.append(f"seconds={self.seconds}")
        if self.microseconds:
            parts.append(f"microseconds={self.microseconds}")
        return "datetime.timedelta(" + ", ".join(parts) + ")"

    def __str__(self):
        mm, ss = divmod(self.seconds, 60)
        hh, mm = divmod(mm, 60)
        s = f"{hh}:{mm:02d}:{ss:02d}"
        if self.days:
            plural = "s" if abs(self.days) != 1 else ""
            s = f"{self.days} day{plural}, " + s
        if self.microseconds:
            s += f".{self.microseconds:06d}"
        return s


class timezone:
    def __init__(self, offset, name=None):
        self._offset = offset
        self._name = name

    def utcoffset(self, dt):
        return self._offset

    def tzname(self, dt):
        if self._name is not None:
            return self._name
        if not self._offset:
            return "UTC"
        return "UTC" + _fmt_offset(self._offset, ":")

    def __repr__(self):
        if self is timezone.utc:
            return "datetime.timezone.utc"
        return f"datetime.timezone({self._offset!r})"

    def __str__(self):
        return self.tzname(None)


timezone.utc = timezone(timedelta(0))


def _fmt_offset(off, sep):
    total = off.days * 86400 + off.seconds
    sign = "+"
    if total < 0:
        sign = "-"
        total = -total
    hh, rest = divmod(total, 3600)
    mm = rest // 60
    return f"{sign}{hh:02d}{sep}{mm:02d}"


class date:
    def __init__(self, year, month, day):
        if not 1 <= month <= 12:
            raise ValueError("month must be in 1..12")
        if not 1 <= day <= _days_in_month(year, month):
            raise ValueError("day is out of range for month")
        self.year = year
        self.month = month
        self.day = day

    @classmethod
    def today(cls):
        y, m, d = _ord_to_ymd(int(_time.time()) // 86400 + _EPOCH_ORD)
        return cls(y, m, d)

    def toordinal(self):
        return _ymd_to_ord(self.year, self.month, self.day)

    def weekday(self):
        return (self.toordinal() + 6) % 7

    def isoformat(self):
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def __str__(self):
        return self.isoformat()

    def __repr__(self):
        return f"datetime.date({self.year}, {self.month}, {self.day})"

    def __eq__(self, other):
        return type(other) is type(self) and self.toordinal() == other.toordinal()

    def __hash__(self):
        return hash(self.toordinal())

    def __lt__(self, other):
        return self.toordinal() < other.toordinal()

    def __gt__(self, other):
        return self.toordinal() > other.toordinal()

    def strftime(self, fmt):
        return datetime(self.year, self.month, self.day).strftime(fmt)


class datetime:
    def __init__(self, year, month, day, hour=0, minute=0, second=0, microsecond=0,
                 tzinfo=None):
        date(year, month, day)
        if not 0 <= hour <= 23:
            raise ValueError("hour must be in 0..23")
        if not 0 <= minute <= 59:
            raise ValueError("minute must be in 0..59")
        if not 0 <= second <= 59:
            raise ValueError("second must be in 0..59")
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.microsecond = microsecond
        self.tzinfo = tzinfo

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        secs = int(t // 1)
        us = int(round((t - secs) * 1000000))
        days, rest = divmod(secs, 86400)
        y, m, d = _ord_to_ymd(days + _EPOCH_ORD)
        hh, rest = divmod(rest, 3600)
        mm, ss = divmod(rest, 60)
        dt = cls(y, m, d, hh, mm, ss, us, tz)
        if tz is not None and tz.utcoffset(None):
            dt = dt + tz.utcoffset(None)
        return dt

    @classmethod
    def utcfromtimestamp(cls, t):
        return cls.fromtimestamp(t)

    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_time.time(), tz)

    @classmethod
    def utcnow(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    def _local_us(self):
        days = _ymd_to_ord(self.year, self.month, self.day) - _EPOCH_ORD
        return ((days * 24 + self.hour) * 60 + self.minute) * 60 * 1000000 + \
            self.second * 1000000 + self.microsecond

    def _utc_us(self):
        us = self._local_us()
        if self.tzinfo is not None:
            us -= self.tzinfo.utcoffset(self)._us()
        return us

    def _unix_seconds(self):
        return self._utc_us() // 1000000

    def timestamp(self):
        return self._utc_us() / 1000000

    def replace(self, year=None, month=None, day=None, hour=None, minute=None, second=None,
                microsecond=None, tzinfo=True):
        return datetime(
            self.year if year is None else year,
            self.month if month is None else month,
            self.day if day is None else day,
            self.hour if hour is None else hour,
            self.minute if minute is None else minute,
            self.second if second is None else second,
            self.microsecond if microsecond is None else microsecond,
            self.tzinfo if tzinfo is True else tzinfo,
        )

    def date(self):
        return date(self.year, self.month, self.day)

    def weekday(self):
        return self.date().weekday()

    def utcoffset(self):
        if self.tzinfo is None:
            return None
        return self.tzinfo.utcoffset(self)

    def astimezone(self, tz=None):
        if tz is None:
            tz = timezone.utc
        return datetime.fromtimestamp(self.timestamp(), tz)

    def __add__(self, other):
        if isinstance(other, timedelta):
            us = self._local_us() + other._us()
            dt = datetime.fromtimestamp(us // 1000000)
            return dt.replace(microsecond=us % 1000000, tzinfo=self.tzinfo)
        return NotImplemented

    def __radd__(self, other):
        return self.__add__(other)

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + (-other)
        if isinstance(other, datetime):
            if (self.tzinfo is None) != (other.tzinfo is None):
                raise TypeError("can't subtract offset-naive and offset-aware datetimes")
            return timedelta(microseconds=self._utc_us() - other._utc_us())
        return NotImplemented

    def _cmp_key(self, other):
        if (self.tzinfo is None) != (other.tzinfo is None):
            raise TypeError("can't compare offset-naive and offset-aware datetimes")
        return self._utc_us(), other._utc_us()

    def __eq__(self, other):
        if not isinstance(other, datetime):
            return False
        if (self.tzinfo is None) != (other.tzinfo is None):
            return False
        return self._utc_us() == other._utc_us()

    def __hash__(self):
        return hash(self._utc_us())

    def __lt__(self, other):
        a, b = self._cmp_key(other)
        return a < b

    def __le__(self, other):
        a, b = self._cmp_key(other)
        return a <= b

    def __gt__(self, other):
        a, b = self._cmp_key(other)
        return a > b

    def __ge__(self, other):
        a, b = self._cmp_key(other)
        return a >= b

    def isoformat(self, sep="T"):
        s = (f"{self.year:04d}-{self.month:02d}-{self.day:02d}{sep}"
             f"{self.hour:02d}:{self.minute:02d}:{self.second:02d}")
        if self.microsecond:
            s += f".{self.microsecond:06d}"
        if self.tzinfo is not None:
            s += _fmt_offset(self.tzinfo.utcoffset(self), ":")
        return s

    def __str__(self):
        return self.isoformat(" ")

    def __repr__(self):
        args = [self.year, self.month, self.day, self.hour, self.minute]
        if self.second or self.microsecond:
            args.append(self.second)
        if self.microsecond:
            args.append(self.microsecond)
        s = "datetime.datetime(" + ", ".join(str(a) for a in args)
        if self.tzinfo is not None:
            s += f", tzinfo={self.tzinfo!r}"
        return s + ")"

    def strftime(self, fmt):
        out = []
        i = 0
        while i < len(fmt):
            ch = fmt[i]
            if ch == "%" and i + 1 < len(fmt):
                code = fmt[i + 1]
                i += 2
                if code == "Y":
                    out.append(f"{self.year:04d}")
                elif code == "m":
                    out.append(f"{self.month:02d}")
                elif code == "d":
                    out.append(f"{self.day:02d}")
                elif code == "H":
                    out.append(f"{self.hour:02d}")
                elif code == "M":
                    out.append(f"{self.minute:02d}")
                elif code == "S":
                    out.append(f"{self.second:02d}")
                elif code == "a":
                    out.append(_DAY_NAMES[self.weekday()])
                elif code == "b":
                    out.append(_MONTH_NAMES[self.month - 1])
                elif code == "y":
                    out.append(f"{self.year % 100:02d}")
                elif code == "Z":
                    out.append(self.tzinfo.tzname(self) if self.tzinfo is not None else "")
                elif code == "z":
                    out.append(_fmt_offset(self.tzinfo.utcoffset(self), "")
                               if self.tzinfo is not None else "")
                elif code == "%":
                    out.append("%")
                else:
                    out.append("%" + code)
            else:
                out.append(ch)
                i += 1
        return "".join(out)


MINYEAR = 1
MAXYEAR = 9999
UTC = timezone.utc
