import itertools
import operator

users = [("ada", "en"), ("bob", "fr"), ("cy", "en"), ("dee", "de"), ("eve", "fr"), ("fay", "en")]
for lang, group in itertools.groupby(sorted(users, key=operator.itemgetter(1)), key=operator.itemgetter(1)):
    names = [name for name, _ in group]
    for batch_no, batch in enumerate(itertools.zip_longest(*[iter(names)] * 2, fillvalue=None), 1):
        print(lang, batch_no, [n for n in batch if n])
