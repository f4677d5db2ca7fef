#!/usr/bin/env python3
"""Runs of words that our own text shares with a source.

    scripts/copied-runs.py DATASET.toml SOURCE.txt... [--words 8]

Every text of the dataset that must be in our own words (summaries, notes,
contexts, tour steps, glossary, questions, objectives: everything but the
quotes' `text`, which is verbatim on purpose, and the sources' titles and
publishers) is compared with the source files given; each run of --words
words (default 8) found in a source is printed with where it is. Words are
compared in lower case without punctuation, so a changed comma hides
nothing. Words in double quotation marks are the source's on purpose (a
term of the article, a title in a citation) and break a run. Exit 1 when
a run is found. Not part of CI: the sources are not in the repository.
"""

import argparse
import re
import sys
import tomllib

# Verbatim by design, or not prose of ours.
SKIP = {("quote", "text"), ("source", "title"), ("source", "publisher"),
        ("source", "url"), ("source", "id")}


def words(text):
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    return re.findall(r"[a-z0-9']+", text.lower())


def texts(data):
    """(where, text) for every string of ours in the dataset."""
    for table, value in data.items():
        items = value if isinstance(value, list) else [value]
        for n, item in enumerate(items, 1):
            if not isinstance(item, dict):
                continue
            for key, v in item.items():
                if (table, key) in SKIP or key in ("id", "speaker", "source"):
                    continue
                where = f"{table} {item.get('id', n)}: {key}"
                if isinstance(v, str):
                    yield where, v
                elif isinstance(v, list):
                    for s in v:
                        if isinstance(s, str):
                            yield where, s


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("dataset")
    p.add_argument("sources", nargs="+")
    p.add_argument("--words", type=int, default=8)
    args = p.parse_args()
    with open(args.dataset, "rb") as f:
        data = tomllib.load(f)
    n = args.words
    runs = {}
    for path in args.sources:
        with open(path, encoding="utf-8") as f:
            w = words(f.read())
        for i in range(len(w) - n + 1):
            runs.setdefault(tuple(w[i:i + n]), path)
    found = 0
    checked = 0
    for where, text in texts(data):
        checked += 1
        ours = re.sub(r'"[^"]*"|\u201c[^\u201d]*\u201d', " | ", text)
        for segment in ours.split("|"):
            w = words(segment)
            for i in range(len(w) - n + 1):
                run = tuple(w[i:i + n])
                if run in runs:
                    found += 1
                    print(f"{where}: \"{' '.join(run)}\" is in {runs[run]}")
    print(f"{checked} texts checked against {len(args.sources)} sources: "
          f"{found} runs of {n} words copied", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
