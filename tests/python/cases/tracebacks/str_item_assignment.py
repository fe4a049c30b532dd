name = "flask"
name[0] = "F"
