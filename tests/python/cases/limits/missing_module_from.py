print("loading")
from requests import get
