#!/usr/bin/env python3
"""Generate the expected outputs of the Python conformance suite from real CPython 3.11.

For every case ``cases/<topic>/<name>.py`` this writes, next to it:

* ``<name>.stdout`` -- what the program printed on standard output,
* ``<name>.stderr`` -- what it printed on standard error (tracebacks),
* ``<name>.status`` -- its exit status, as a decimal number and a newline.

Each case is run the way the playground's CLI is run: the working directory is the case's
folder, the program is named by its bare file name (``python3 name.py``), and the environment
has ``PYTHONHASHSEED=0`` and ``PYTHONIOENCODING=utf-8`` (every other ``PYTHON*`` variable is
removed so the machine's settings cannot leak in).

Why a small launcher instead of a plain ``python3 name.py``: since Python 3.9 the interpreter
turns the script name given on the command line into an absolute path, so tracebacks would read
``File "/home/someone/.../name.py"``. The playground has no such path to show. The launcher
(``LAUNCHER`` below) compiles the file under its bare name and runs it as ``__main__``, then hands
an uncaught exception to CPython's own ``sys.excepthook`` with the launcher's frame removed, so
the traceback text is still printed by CPython itself. To prove the launcher changes nothing but
the path, every case is ALSO run as a plain ``python3 name.py`` and the two runs must agree
exactly once the absolute path in the plain run's ``File "..."`` lines is replaced by the bare
name; any disagreement aborts the generation. No output is ever edited otherwise.

Usage (from anywhere)::

    python3 tests/python/generate.py          # (re)write every expected output
    python3 tests/python/generate.py --check  # write nothing; fail if any output is stale
    python3 tests/python/generate.py --vary-hash-seed  # also fail if any output changes when
                                                       # PYTHONHASHSEED is 1 instead of 0

The script refuses to run unless ``python3`` is CPython 3.11.x, the project's reference.
It is idempotent: files whose content is unchanged are not rewritten, and outputs whose case
was deleted are removed. ``--vary-hash-seed`` guards the rule that a case must not depend on
string hashing (our interpreter does not reproduce CPython's hash of ``str``): every case is run
once more with another seed and must print exactly the same.
"""

import os
import pathlib
import subprocess
import sys

SUITE_DIR = pathlib.Path(__file__).resolve().parent
CASES_DIR = SUITE_DIR / "cases"
PYTHON = "python3"
TIMEOUT_SECONDS = 60
OUTPUT_SUFFIXES = (".stdout", ".stderr", ".status")

# Runs as `python3 -c LAUNCHER name.py`. It keeps to module level (no helper function) so it adds
# as few frames as possible beneath the program. RECURSION_OFFSET compensates for the two levels
# it does add (its own module frame and the exec() call both count against the recursion limit),
# so that RecursionError tracebacks report the same repeat count as a plain run. It was measured:
# with 0 or 1 the count differs from the plain run; the cross-check below keeps verifying it.
LAUNCHER = r"""
import sys, types
sys.argv[:] = sys.argv[1:]
_name = sys.argv[0]
with open(_name, "rb") as _file:
    _source = _file.read()
_main = types.ModuleType("__main__")
_main.__file__ = _name
_main.__builtins__ = __builtins__
_launcher_module = sys.modules["__main__"]
sys.modules["__main__"] = _main
sys.setrecursionlimit(sys.getrecursionlimit() + RECURSION_OFFSET)
try:
    exec(compile(_source, _name, "exec"), _main.__dict__)
except SystemExit:
    raise
except BaseException as _exc:
    _tb = _exc.__traceback__
    while _tb is not None and _tb.tb_frame.f_code.co_filename != _name:
        _tb = _tb.tb_next
    _exc.__traceback__ = _tb
    sys.excepthook(type(_exc), _exc, _tb)
    sys.exit(1)
"""
RECURSION_OFFSET = 2


def child_environment():
    """The environment of every run: the caller's, minus PYTHON* settings, plus the fixed two."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def require_reference_python(env):
    """Exit unless `python3` is CPython 3.11.x; returns its full version string."""
    probe = subprocess.run(
        [PYTHON, "-c", "import sys, platform; print(platform.python_implementation(), "
         "'.'.join(map(str, sys.version_info[:3])))"],
        capture_output=True, text=True, env=env, check=False,
    )
    implementation, _, version = probe.stdout.strip().partition(" ")
    if probe.returncode != 0 or implementation != "CPython" or not version.startswith("3.11."):
        sys.exit(f"generate.py: `{PYTHON}` is {probe.stdout.strip() or 'unusable'}; "
                 "the reference is CPython 3.11.x, refusing to generate")
    return version


def run(argv, cwd, env):
    """Run one program; returns (stdout bytes, stderr bytes, exit status)."""
    done = subprocess.run(argv, cwd=cwd, env=env, capture_output=True,
                          timeout=TIMEOUT_SECONDS, check=False)
    return done.stdout, done.stderr, done.returncode


def run_case(case, env):
    """Run one case through the launcher and cross-check it against a plain `python3 name.py`.

    Returns (outputs, problem): outputs maps suffix to bytes; problem is None or a description
    of how the two runs disagreed."""
    launcher = LAUNCHER.replace("RECURSION_OFFSET", str(RECURSION_OFFSET))
    out, err, status = run([PYTHON, "-c", launcher, case.name], case.parent, env)
    plain_out, plain_err, plain_status = run([PYTHON, case.name], case.parent, env)
    absolute = f'File "{case.resolve()}"'.encode()
    bare = f'File "{case.name}"'.encode()
    plain_err = plain_err.replace(absolute, bare)
    problem = None
    if (out, status) != (plain_out, plain_status):
        problem = "stdout or exit status differs between launcher and plain run"
    elif err != plain_err:
        problem = ("stderr differs between launcher and plain run:\n--- launcher\n"
                   + err.decode("utf-8", "replace") + "--- plain (path replaced)\n"
                   + plain_err.decode("utf-8", "replace"))
    if str(SUITE_DIR).encode() in out + err:
        problem = "an absolute path is still visible in the output"
    outputs = {".stdout": out, ".stderr": err, ".status": f"{status}\n".encode()}
    return outputs, problem


def main():
    check_only = "--check" in sys.argv[1:]
    vary_hash_seed = "--vary-hash-seed" in sys.argv[1:]
    env = child_environment()
    version = require_reference_python(env)
    cases = sorted(CASES_DIR.glob("*/*.py"))
    written, unchanged, stale, problems = [], 0, [], []
    statuses = {}
    for case in cases:
        outputs, problem = run_case(case, env)
        rel = case.relative_to(CASES_DIR).as_posix()
        if problem:
            problems.append((rel, problem))
            continue
        if vary_hash_seed:
            other_seed = dict(env, PYTHONHASHSEED="1")
            if run_case(case, other_seed)[0] != outputs:
                problems.append((rel, "output depends on the str hash seed (PYTHONHASHSEED)"))
                continue
        status = int(outputs[".status"])
        statuses[status] = statuses.get(status, 0) + 1
        for suffix, content in outputs.items():
            target = case.with_suffix(suffix)
            if target.exists() and target.read_bytes() == content:
                unchanged += 1
                continue
            stale.append(target.relative_to(CASES_DIR).as_posix())
            if not check_only:
                target.write_bytes(content)
                written.append(target)
    # Outputs left behind by a deleted or renamed case.
    orphans = [p for suffix in OUTPUT_SUFFIXES for p in CASES_DIR.glob(f"*/*{suffix}")
               if not p.with_suffix(".py").exists()]
    for orphan in orphans:
        stale.append(orphan.relative_to(CASES_DIR).as_posix() + " (orphan)")
        if not check_only:
            orphan.unlink()

    topics = sorted({c.parent.name for c in cases})
    print(f"CPython {version}: {len(cases)} cases in {len(topics)} topics")
    for topic in topics:
        count = sum(1 for c in cases if c.parent.name == topic)
        print(f"  {topic:<28}{count:>4}")
    print("exit statuses: " + ", ".join(f"{s}: {n}" for s, n in sorted(statuses.items())))
    for rel, problem in problems:
        print(f"PROBLEM {rel}: {problem}")
    if check_only:
        for path in stale:
            print(f"stale: {path}")
        print(f"check: {len(stale)} stale output files, {unchanged} up to date")
    else:
        print(f"wrote {len(written)} files, {unchanged} unchanged, removed {len(orphans)} orphans")
    if problems or (check_only and stale):
        sys.exit(1)


if __name__ == "__main__":
    main()
