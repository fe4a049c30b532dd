# Forgetting the padding: what binascii says.
import base64
import binascii

for text in ["eyJhIjoxfQ", "eyJhIjoxfQ=", "eyJhIjoxfQ==", "eyJhIjoxfQ===", "abcde", "a"]:
    try:
        print(text, base64.b64decode(text))
    except binascii.Error as e:
        print(text, "->", type(e).__name__, e)
print(issubclass(binascii.Error, ValueError))
try:
    base64.urlsafe_b64decode("eyJhIjoxfQ")
except ValueError as e:
    print("ValueError caught:", e)
