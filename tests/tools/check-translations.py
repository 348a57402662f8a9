#!/usr/bin/env python3
"""Fails when a translation is missing or unfinished.

Runs lupdate over the sources into temporary copies of the .ts files, so a string added to the
code but not yet to the .ts files is caught too, then checks that every message has a finished,
non-empty translation (every plural form for %n messages)."""
import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path


def refreshed_copy(lupdate, source, ts, workdir):
    copy = Path(workdir) / Path(ts).name
    shutil.copy(ts, copy)
    dirs = [str(Path(source) / d) for d in ("app", "viewer", "net")]
    subprocess.run([lupdate, "-no-obsolete", "-locations", "none", "-silent", *dirs, "-ts", str(copy)],
                   check=True)
    return copy


def problems_in(ts_path, name):
    problems = []
    root = ET.parse(ts_path).getroot()
    for context in root.iter("context"):
        ctx = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "missing"
            forms = translation.findall("numerusform") if translation is not None else []
            texts = [f.text for f in forms] if forms else [translation.text if translation is not None else None]
            if kind in ("unfinished", "missing", "vanished", "obsolete") or not all(t and t.strip() for t in texts):
                problems.append(f"{name}: [{ctx}] {source!r}: {kind or 'empty'}")
    return problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lupdate", required=True)
    parser.add_argument("--source", required=True)
    parser.add_argument("ts", nargs="+")
    args = parser.parse_args()
    problems = []
    with tempfile.TemporaryDirectory() as workdir:
        for ts in args.ts:
            copy = refreshed_copy(args.lupdate, args.source, ts, workdir)
            problems += problems_in(copy, Path(ts).name)
    for problem in problems:
        print(problem)
    print(f"translations: {len(problems)} problems in {len(args.ts)} files")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
