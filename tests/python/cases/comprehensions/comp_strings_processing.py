raw = " Alice , bob,  CAROL ,, "
names = [part.strip().title() for part in raw.split(",") if part.strip()]
print(names)
initials = "".join(n[0] for n in names)
print(initials)
print({n.lower(): n for n in names})
