"""Packs MarkupSafe's source distribution into a pure-Python wheel (no C speedups).

    python3 make_pure_wheel.py <markupsafe-X.Y.Z.tar.gz> <output folder>

MarkupSafe publishes wheels only with its compiled `_speedups` module; Pyodide cannot load a
Linux binary, and building its sdist needs a newer setuptools than the machine has. A wheel is
a zip of the package's files plus a `.dist-info` folder (the metadata, the tag, a list of files
with their digests), so the Python files are packed here directly. Without `_speedups` the
package falls back to its Python implementation, as on any platform that lacks the extension.
"""

import base64
import hashlib
import os
import sys
import tarfile
import zipfile


def digest(data):
    """The RECORD form of a file's SHA-256: urlsafe base64 without padding."""
    raw = hashlib.sha256(data).digest()
    return "sha256=" + base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def main(sdist, out_dir):
    members = {}
    metadata = None
    with tarfile.open(sdist) as archive:
        for member in archive.getmembers():
            if not member.isfile():
                continue
            parts = member.name.split("/")
            if parts[1:] == ["PKG-INFO"]:
                metadata = archive.extractfile(member).read()
            elif parts[1:3] == ["src", "markupsafe"] and len(parts) == 4:
                name = parts[3]
                # Python files and the typing marker; never the C source or its stub.
                if name.endswith(".py") or name == "py.typed":
                    members["markupsafe/" + name] = archive.extractfile(member).read()
    if metadata is None or "markupsafe/__init__.py" not in members:
        sys.exit(f"{sdist}: not a MarkupSafe source distribution")
    version = next(
        line.split(":", 1)[1].strip()
        for line in metadata.decode().splitlines()
        if line.startswith("Version:")
    )
    info = f"markupsafe-{version}.dist-info"
    members[f"{info}/METADATA"] = metadata
    members[f"{info}/WHEEL"] = (
        b"Wheel-Version: 1.0\nGenerator: make_pure_wheel.py\n"
        b"Root-Is-Purelib: true\nTag: py3-none-any\n"
    )
    record = "".join(
        f"{name},{digest(data)},{len(data)}\n" for name, data in sorted(members.items())
    )
    record += f"{info}/RECORD,,\n"
    members[f"{info}/RECORD"] = record.encode()
    path = os.path.join(out_dir, f"markupsafe-{version}-py3-none-any.whl")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as wheel:
        for name, data in members.items():
            wheel.writestr(name, data)
    print(path)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
