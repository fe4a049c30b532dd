# bytearray changes in place: append, extend, +=, item and slice assignment, del, pop.
buf = bytearray()
buf.append(72)
buf.extend(b"ell")
buf += b"o"
buf.extend([33, 33])
print(buf)
buf[0] = ord("J")
buf[1:3] = b"EE"
buf[-2:] = b"?"
print(buf)
del buf[0]
print(buf, buf.pop(), buf)
buf.insert(0, 74)
buf.reverse()
print(buf, buf.copy() == buf, buf.copy() is buf)
buf.clear()
print(buf, len(buf))
for bad in (256, -1):
    try:
        buf.append(bad)
    except ValueError as e:
        print("ValueError:", e)
