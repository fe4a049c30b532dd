"""Issue 3, CPython side: the handler body in bench/handler_body.py, 100,000 calls.

Prints the same BENCH lines as bench/handler.rs (fastest of 5 rounds, ns per execution):
a call from the host loop (here a Python for-loop calling the function) and the loop that
lives inside the module (`loop(session, n)`).
"""
import pathlib
import sys
import time

EXECUTIONS = 100_000
ROUNDS = 5

namespace = {"__name__": "handler_body"}
source = (pathlib.Path(__file__).parent / "handler_body.py").read_text()
exec(compile(source, "handler_body.py", "exec"), namespace)
handler = namespace["handler"]
loop = namespace["loop"]


def host_round():
    session = {}
    start = time.perf_counter()
    for _ in range(EXECUTIONS):
        handler(session)
    elapsed = time.perf_counter() - start
    assert session["visits"] == EXECUTIONS
    return elapsed


def loop_round():
    session = {}
    start = time.perf_counter()
    loop(session, EXECUTIONS)
    elapsed = time.perf_counter() - start
    assert session["visits"] == EXECUTIONS
    return elapsed


for name, fn in (("handler_host_call_ns", host_round), ("handler_python_loop_ns", loop_round)):
    best = min(fn() for _ in range(ROUNDS))
    print(f"BENCH {name} {best * 1e9 / EXECUTIONS:.1f}")
print(f"BENCH python_version {sys.version.split()[0]}")
