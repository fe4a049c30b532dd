# Identifiers are NFKC-normalized: a fullwidth, ligature or mathematical spelling is the same name.
ｃｏｕｎｔ = 3
print(count)
ﬁle_name = 'app.py'
print(file_name)
𝐱 = 10
print(x + 1)
café = 'latte'
print(café)
ｐｒｉｎｔ('fullwidth print works')
def ｇｒｅｅｔ(ｎａｍｅ):
    return 'hi ' + name
print(greet('alice'))
print(ｕｎｄｅｆｉｎｅｄ)
