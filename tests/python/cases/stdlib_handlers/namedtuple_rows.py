import collections
import operator

Row = collections.namedtuple("Row", ["id", "title", "score"])
rows = [Row(1, "Flask", 9.5), Row(2, "Django", 8.0), Row(3, "Bottle", 9.5)]
for r in sorted(rows, key=operator.attrgetter("score", "title"), reverse=True):
    print(r.id, r.title, r.score)
print(rows[0]._asdict(), rows[1]._replace(score=8.5))
print(Row._fields, Row._make([4, "Pyramid", 7.0]))
