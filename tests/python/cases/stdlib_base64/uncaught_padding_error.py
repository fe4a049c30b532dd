# An uncaught binascii.Error names its module in the last line.
import binascii

print(binascii.a2b_base64("aGk="))
binascii.a2b_base64("aGk")
