print(ord("A"), ord("é"), ord("€"))
print(chr(65), chr(233), chr(8364))
word = "naïve"
print(len(word))
print(word.encode("utf-8"))
print(len(word.encode("utf-8")))
print("€".encode("utf-8").decode("latin-1"))
