# Wrong argument counts and keywords given to built-in functions and str methods: CPython words
# each mistake by how the function takes its arguments.


def said(f, *args, **kwargs):
    try:
        f(*args, **kwargs)
    except TypeError as e:
        print(e)


s = "abc"
said(s.upper, 1)
said(s.upper, x=1)
said(s.find)
said(s.find, "a", 1, 2, 3)
said(s.replace, "a")
said(s.replace, "a", "b", x=1)
said(s.center)
said(s.ljust, 1, " ", 2)
said(s.zfill)
said(s.split, 1, 2, 3)
said(s.strip, 1, 2)
said(s.partition)
said(s.encode, 1, 2, 3)
said(s.startswith)
said(s.join)
said(s.__len__, 1)
said(str.upper)
said(str.find)
said(s.isdigit, 1)
said(s.title, 1)

said(len)
said(len, 1, 2)
said(len, x=1)
said(getattr)
said(getattr, 1, "a", 2, 3)
said(isinstance, 1)
said(divmod, 1)
said(sorted)
said(hex)
said(iter)
said(next)
said(abs, 1, 2)
said(hasattr, 1)
said(setattr, 1, "a")
said(callable)
said(ord, "a", "b")
said(chr)
said(repr)
said(filter, None)
said(reversed)
said(any)

# Called directly, a method taking positional arguments only names its type.
try:
    s.find("a", x=1)
except TypeError as e:
    print(e)
