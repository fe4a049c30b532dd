print("loading")
from flask_sqlalchemy import SQLAlchemy
