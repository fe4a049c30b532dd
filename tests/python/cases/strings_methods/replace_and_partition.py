s = "one two two three"
print(s.replace("two", "2"))
print(s.replace("two", "2", 1))
print("user@example.com".partition("@"))
print("a/b/c".rpartition("/"))
print("no-sep".partition(":"))
