#!/usr/bin/env python3
"""The longest functions under a source folder, by lines.

    scripts/long-fns.py [DIR] [--top N] [--tests]

A function runs from its `fn` line to the closing brace at the same
indentation (rustfmt's layout), both counted; doc comments and attributes
are not. Test modules (`#[cfg(test)] mod ... {`) and src/**/tests.rs are
left out unless --tests. Default: src/, the 10 longest.
"""

import argparse
import pathlib
import re

FN = re.compile(r"^(\s*)(?:pub(?:\([^)]*\))?\s+)?(?:const\s+)?(?:async\s+)?(?:unsafe\s+)?"
                r"(?:extern\s+\"[^\"]*\"\s+)?fn\s+(\w+)")
TEST_MOD = re.compile(r"^(\s*)(?:pub(?:\([^)]*\))?\s+)?mod\s+\w+\s*\{")


def indent(line):
    return len(line) - len(line.lstrip(" "))


def functions(path, tests):
    lines = path.read_text().splitlines()
    out = []
    skip_until = None  # indentation of a test module's closing brace
    cfg_test = False
    for i, line in enumerate(lines):
        if skip_until is not None:
            if line.rstrip() == " " * skip_until + "}":
                skip_until = None
            continue
        if not tests and line.strip() == "#[cfg(test)]":
            cfg_test = True
            continue
        if cfg_test:
            cfg_test = False
            m = TEST_MOD.match(line)
            if m:
                skip_until = len(m.group(1))
                continue
        m = FN.match(line)
        if not m:
            continue
        ind = len(m.group(1))
        # The signature: up to its `{` (a body) or `;` (none).
        j = i
        while j < len(lines):
            s = lines[j].rstrip()
            if s.endswith(";") and "{" not in s:
                j = None
                break
            if "{" in s:
                break
            j += 1
        if j is None or j >= len(lines):
            continue
        if lines[j].rstrip().endswith("}") and lines[j].count("{") == lines[j].count("}"):
            out.append((j - i + 1, f"{path}:{i + 1}", m.group(2)))
            continue
        for k in range(j + 1, len(lines)):
            s = lines[k].rstrip()
            if s == " " * ind + "}":
                out.append((k - i + 1, f"{path}:{i + 1}", m.group(2)))
                break
            if s and indent(s) < ind:
                break
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir", nargs="?", default="src")
    ap.add_argument("--top", type=int, default=10)
    ap.add_argument("--tests", action="store_true")
    a = ap.parse_args()
    found = []
    for path in sorted(pathlib.Path(a.dir).rglob("*.rs")):
        if not a.tests and path.name == "tests.rs":
            continue
        found += functions(path, a.tests)
    found.sort(key=lambda f: (-f[0], f[1]))
    for n, where, name in found[: a.top]:
        print(f"{n:5}  {name:32} {where}")


if __name__ == "__main__":
    main()
