# The playground's `itertools`, written for the playground as generators. Each public function
# checks its arguments when called (as CPython's iterator types do in their constructors) and
# hands the work to a generator, so errors come at the call and results stay lazy.
# Deliberate difference: the results are generator objects, not `itertools.<name>` types.


def _int_arg(value):
    if not isinstance(value, int):
        raise TypeError(
            "'%s' object cannot be interpreted as an integer" % type(value).__name__
        )
    return value


def _counting(n, step):
    while True:
        yield n
        n += step


def count(start=0, step=1):
    if not isinstance(start, (int, float)) or not isinstance(step, (int, float)):
        raise TypeError("a number is required")
    return _counting(start, step)


def _cycling(iterable):
    seen = []
    for item in iterable:
        seen.append(item)
        yield item
    while seen:
        yield from seen


def cycle(iterable):
    return _cycling(iter(iterable))


def _repeating(obj, times):
    if times is None:
        while True:
            yield obj
    for _ in range(times):
        yield obj


def repeat(object, times=None):
    if times is not None:
        _int_arg(times)
    return _repeating(object, times)


def _chaining(iterables):
    for iterable in iterables:
        yield from iterable


def chain(*iterables):
    return _chaining(iterables)


def _chain_from_iterable(iterable):
    return _chaining(iter(iterable))


chain.from_iterable = _chain_from_iterable


def _slice_index(value):
    if value is None:
        return None
    if not isinstance(value, int) or value < 0:
        return -1
    return value


def _slicing(it, start, stop, step):
    # Never draws an item past `stop` from the source: a shared iterator keeps the rest.
    position = 0
    wanted = start
    if stop is not None and stop <= 0:
        return
    for item in it:
        if position == wanted:
            yield item
            wanted += step
        position += 1
        if stop is not None and position >= stop:
            return


def islice(iterable, *args):
    if not 1 <= len(args) <= 3:
        if not args:
            raise TypeError("islice expected at least 2 arguments, got 1")
        raise TypeError("islice expected at most 4 arguments, got %d" % (len(args) + 1))
    if len(args) == 1:
        start, stop, step = None, args[0], None
    else:
        start, stop, step = (tuple(args) + (None,))[:3]
    stop_i = _slice_index(stop)
    if stop_i == -1 and len(args) == 1:
        raise ValueError(
            "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize."
        )
    start_i = _slice_index(start)
    step_i = _slice_index(step)
    if -1 in (start_i, stop_i, step_i):
        raise ValueError(
            "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize."
        )
    if step_i == 0:
        raise ValueError("Step for islice() must be a positive integer or None.")
    return _slicing(iter(iterable), start_i or 0, stop_i, step_i or 1)


class groupby:
    # One shared iterator: moving to the next key empties the previous group, as in CPython.
    def __init__(self, iterable, key=None):
        self._source = iter(iterable)
        self._keyfunc = key
        self._have = False
        self._key = None
        self._value = None
        self._group_key = None
        self._token = None

    def __iter__(self):
        return self

    def _advance(self):
        self._value = next(self._source)
        self._key = self._value if self._keyfunc is None else self._keyfunc(self._value)
        self._have = True

    def __next__(self):
        # A new token: the group handed out before stops yielding.
        self._token = object()
        if not self._have:
            self._advance()
        while self._started and self._key == self._group_key:
            self._advance()
        self._started = True
        self._group_key = self._key
        return (self._key, self._members(self._key, self._token))

    _started = False

    def _members(self, key, token):
        while self._token is token and self._have and self._key == key:
            yield self._value
            try:
                self._advance()
            except StopIteration:
                self._have = False
                self._key = object()
                return


def _accumulating(it, func, initial):
    total = initial
    if total is None:
        for total in it:
            yield total
            break
        else:
            return
    else:
        yield total
    for item in it:
        total = total + item if func is None else func(total, item)
        yield total


def accumulate(iterable, func=None, *, initial=None):
    return _accumulating(iter(iterable), func, initial)


def _producing(pools):
    results = [()]
    for pool in pools:
        results = [prefix + (item,) for prefix in results for item in pool]
    yield from results


def product(*iterables, repeat=1):
    repeat = _int_arg(repeat)
    if repeat < 0:
        raise ValueError("repeat argument cannot be negative")
    pools = [tuple(p) for p in iterables] * repeat
    return _producing(pools)


def _arranging(pool, r, used, chosen):
    if len(chosen) == r:
        yield tuple(chosen)
        return
    for index in range(len(pool)):
        if not used[index]:
            used[index] = True
            chosen.append(pool[index])
            yield from _arranging(pool, r, used, chosen)
            chosen.pop()
            used[index] = False


def permutations(iterable, r=None):
    pool = tuple(iterable)
    if r is None:
        r = len(pool)
    else:
        r = _int_arg(r)
        if r < 0:
            raise ValueError("r must be non-negative")
    if r > len(pool):
        return iter(())
    return _arranging(pool, r, [False] * len(pool), [])


def _choosing(pool, r, start, chosen, again):
    if len(chosen) == r:
        yield tuple(chosen)
        return
    for index in range(start, len(pool)):
        chosen.append(pool[index])
        yield from _choosing(pool, r, index if again else index + 1, chosen, again)
        chosen.pop()


def combinations(iterable, r):
    pool = tuple(iterable)
    r = _int_arg(r)
    if r < 0:
        raise ValueError("r must be non-negative")
    if r > len(pool):
        return iter(())
    return _choosing(pool, r, 0, [], False)


def combinations_with_replacement(iterable, r):
    pool = tuple(iterable)
    r = _int_arg(r)
    if r < 0:
        raise ValueError("r must be non-negative")
    if not pool and r:
        return iter(())
    return _choosing(pool, r, 0, [], True)


def _zipping_longest(iterators, fillvalue):
    live = len(iterators)
    if not live:
        return
    done = [False] * live
    while True:
        row = []
        for i, it in enumerate(iterators):
            if done[i]:
                row.append(fillvalue)
                continue
            try:
                row.append(next(it))
            except StopIteration:
                done[i] = True
                live -= 1
                if not live:
                    return
                row.append(fillvalue)
        yield tuple(row)


def zip_longest(*iterables, fillvalue=None):
    return _zipping_longest([iter(x) for x in iterables], fillvalue)


def _taking(predicate, it):
    for item in it:
        if not predicate(item):
            return
        yield item


def takewhile(predicate, iterable):
    return _taking(predicate, iter(iterable))


def _dropping(predicate, it):
    for item in it:
        if not predicate(item):
            yield item
            break
    yield from it


def dropwhile(predicate, iterable):
    return _dropping(predicate, iter(iterable))


def _starmapping(function, it):
    for args in it:
        yield function(*args)


def starmap(function, iterable):
    return _starmapping(function, iter(iterable))


def _pairing(it):
    for previous in it:
        for item in it:
            yield (previous, item)
            previous = item
        return


def pairwise(iterable):
    return _pairing(iter(iterable))


def _filtering_false(predicate, it):
    for item in it:
        if not (bool(item) if predicate is None else predicate(item)):
            yield item


def filterfalse(function, iterable):
    return _filtering_false(function, iter(iterable))


def _compressing(data, selectors):
    for item, keep in zip(data, selectors):
        if keep:
            yield item


def compress(data, selectors):
    return _compressing(iter(data), iter(selectors))


def _teeing(source, mine, everyone):
    while True:
        if not mine:
            try:
                item = next(source)
            except StopIteration:
                return
            for queue in everyone:
                queue.append(item)
        yield mine.pop(0)


def tee(iterable, n=2):
    n = _int_arg(n)
    if n < 0:
        raise ValueError("n must be >= 0")
    source = iter(iterable)
    queues = [[] for _ in range(n)]
    return tuple(_teeing(source, q, queues) for q in queues)
