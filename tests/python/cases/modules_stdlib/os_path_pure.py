# os.path's string functions (POSIX rules); what exists on disk is the project's business
# (see the flask layer's project_os_path_project_files scenario).
import os
import os.path
from os import path
from os.path import join, splitext

print(path is os.path, os.path.sep, os.sep if hasattr(os, "sep") else "/")
for name in ["", "/", "//", "///", "a", "a/", "/a/b/", "a/./b/../c", "../x", "/../x", "a/..",
             "//a//b", ".bashrc", "a.b/c", "a/b.tar.gz", "..", "...", "a/...x", "/x/.y.z", "x."]:
    print(repr(name), path.split(name), splitext(name), path.normpath(name),
          path.basename(name), path.dirname(name), path.isabs(name))
print(join("a", "b", "/c", "d"), join("", "x"), join("a/", "b"), join("a", ""), join("/"))
for target, start in [("/a/b/c", "/a"), ("/a", "/a/b/c"), ("/a", "/a"), ("/x/y", "/a/b"),
                      ("/a/b/", "/a/b/c/"), ("/", "/a")]:
    print(path.relpath(target, start))
try:
    path.relpath("")
except ValueError as error:
    print("ValueError:", error)
