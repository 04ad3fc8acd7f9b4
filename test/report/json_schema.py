#!/usr/bin/env python3
# json_schema.py: check a JSON report against the schema golden file.
#
# Usage: json_schema.py REPORT.json SCHEMA.golden
# The schema is every key path with the types allowed there, one a line
# ("a.b[]: null|string"). The report must have exactly the golden's paths,
# each with types among the allowed ones, except those below a list that
# is empty in this report. Prints what differs; status 1.
import json
import sys


def kind(v):
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "bool"
    if isinstance(v, (int, float)):
        return "number"
    if isinstance(v, str):
        return "string"
    return "list" if isinstance(v, list) else "object"


def walk(path, v, seen):
    if path:
        seen.setdefault(path, set()).add(kind(v))
    if isinstance(v, dict):
        for k, x in v.items():
            walk(f"{path}.{k}" if path else k, x, seen)
    elif isinstance(v, list):
        if not v:
            empty.add(path + "[]")
        for x in v:
            walk(path + "[]", x, seen)


def under_empty(path):
    return any(path == e or path.startswith(e + ".") for e in empty)


seen = {}
empty = set()
walk("", json.load(open(sys.argv[1])), seen)
golden = {}
for line in open(sys.argv[2]):
    path, types = line.strip().split(": ")
    golden[path] = set(types.split("|"))
bad = 0
for path in sorted(set(seen) | set(golden)):
    if path not in golden:
        print(f"not in the schema: {path}: {'|'.join(sorted(seen[path]))}")
        bad = 1
    elif path not in seen and not under_empty(path):
        print(f"missing from the report: {path}")
        bad = 1
    elif path in seen and not seen[path] <= golden[path]:
        print(f"{path}: {'|'.join(sorted(seen[path]))}, schema says "
              f"{'|'.join(sorted(golden[path]))}")
        bad = 1
sys.exit(bad)
