def steps():
    log = []
    try:
        log.append("try")
        raise KeyError("k")
    except KeyError:
        log.append("except")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log
print(steps())
