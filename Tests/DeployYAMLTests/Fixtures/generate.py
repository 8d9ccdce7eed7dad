#!/usr/bin/env python3
"""Regenerates the PyYAML vectors in this directory.

Run with PyYAML 6 (`pip install 'PyYAML>=6,<7'`) from this directory: `python3 generate.py`.
Writes resolver-vectors.json, dump-vectors.json and dump-random.json. The inputs are listed here; the
expected values are whatever PyYAML's SafeLoader and `yaml.dump(..., sort_keys=True)` produce.
"""
import datetime
import json
import math
import os
import random

import yaml

assert yaml.__version__.startswith("6."), yaml.__version__

# Each entry is the YAML text of one scalar document.
RESOLVER_INPUTS = [
    # null
    "", "~", "null", "Null", "NULL", "nULL", "!!null anything", "''", "'~'",
    # bool
    "true", "True", "TRUE", "tRUE", "false", "False", "FALSE", "yes", "Yes", "YES", "yEs", "no", "No", "NO",
    "on", "On", "ON", "off", "Off", "OFF", "y", "n", "Y", "N", "'yes'", '"true"', "!!bool yEs", "!!str yes",
    # int
    "0", "-0", "+0", "12", "-12", "+12", "1_000", "012", "0o17", "0_7", "08", "0x1F", "0x_1f", "-0x1F", "0b101",
    "-0b1_01", "190:20:30", "-1:30", "1:60", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
    "-9223372036854775809", "0x7FFFFFFFFFFFFFFFFF", "123456789012345678901234567890", "1:2:3:4:5:6:7:8:9:10:11:12",
    "!!int '42'", "!!int 0o17", "!!int +0x10", "'12'", "! 123", '! "123"',
    # float
    "1.0", "-1.5", "+2.", ".5", "-.5", "1.", "1e3", "1.0e+3", "1.0e3", "1.5E-10", "6.8523015e+5", "1_000.5",
    "190:20:30.15", ".inf", "-.inf", "+.Inf", ".INF", ".nan", ".NaN", ".NAN", "-.nan", "1.0e+400", "0.1",
    "1e-5", "3.14159265358979323846", "!!float 1", "!!float 1e3", "!!float '-0'", "._5", "1..2",
    # timestamp
    "2001-12-14", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5", "2001-12-15T02:59:43.1Z",
    "2002-12-14", "2001-1-1 1:00:00", "2001-1-1", "2001-12-14 21:59:43.1234567", "2001-12-14  21:59:43 Z",
    # strings and oddities
    "abc", "1e3x", "0x", "0b", "0b2", "--1", "1:6x", "<<", "=", "'='", "a b", "12 34", "1,000", "0.1.2",
    "2001-13-01x", "\"\\t\"", "|\n  literal\n", ">\n  folded\n  text\n",
]

# Mapping-level resolver cases: each document is a mapping, the expected value is the dict.
MAPPING_INPUTS = [
    "base: &b {a: 1, b: 2}\nderived:\n  <<: *b\n  b: 3\n",
    "one: &o {a: 1}\ntwo: &t {a: 2, c: 3}\nm:\n  <<: [*o, *t]\n  d: 4\n",
]


def describe(value):
    if value is None:
        return {"type": "null"}
    if isinstance(value, bool):
        return {"type": "bool", "value": "true" if value else "false"}
    if isinstance(value, int):
        return {"type": "int", "value": str(value)}
    if isinstance(value, float):
        return {"type": "float", "value": repr(value)}
    if isinstance(value, str):
        return {"type": "string", "value": value}
    if isinstance(value, datetime.datetime):
        return {"type": "timestamp", "value": value.isoformat(" ")}
    if isinstance(value, datetime.date):
        return {"type": "timestamp", "value": value.isoformat()}
    raise TypeError(type(value))


def resolver_vectors():
    vectors = []
    for text in RESOLVER_INPUTS:
        try:
            expected = describe(yaml.safe_load(text))
        except Exception as error:  # PyYAML raises ValueError, KeyError or ConstructorError
            expected = {"type": "error", "value": type(error).__name__}
        vectors.append({"yaml": text, "expected": expected})
    return vectors


def double_quoted(text):
    """A YAML double-quoted scalar for any text, escaping everything outside printable ASCII."""
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif " " <= ch <= "~":
            out.append(ch)
        elif ord(ch) <= 0xFF:
            out.append("\\x%02X" % ord(ch))
        elif ord(ch) <= 0xFFFF:
            out.append("\\u%04X" % ord(ch))
        else:
            out.append("\\U%08X" % ord(ch))
    return '"' + "".join(out) + '"'


CORPUS = os.environ.get("CORPUS", "../../../../shared/conformance/corpus")
CONDA_FILES = [
    "own/lightgbm/environment/conda.yml",
    "assets/environment/conda-yamls/pydata.yml",
    "assets/model/mlflow-model/conda.yaml",
]

LONG = "a" + " word" * 30
DUMP_INPUTS = {
    "env1-conda": "name: myenv\nchannels:\n  - conda-forge\ndependencies:\n  - python=3.10\n  - pip\n  - pip:\n    - mlflow\n",
    "empty-mapping": "{}",
    "empty-collections": "a: []\nb: {}\nc: [[], {}]\n",
    "scalars-at-root": "hello",
    "int-at-root": "42",
    "null-at-root": "~",
    "empty-string-root": "''",
    "quoting": "\n".join(
        f"k{i}: {double_quoted(v)}" for i, v in enumerate([
            "yes", "no", "on", "null", "~", "", "1.0", "1", "0x10", "1e3", "2001-12-14", "=", "<<", "true",
            "a: b", "a #b", "#a", "a#b", " lead", "trail ", "-", "- a", "-a", "?", "? a", ":", "a:b", "[a]",
            "{a}", "a,b", "a]", "*a", "&a", "!a", "|a", ">a", "'a'", '"a"', "%a", "@a", "`a", "---", "...",
            "--- a", "tab\there", "multi\nline", "multi\n\nline", "trailing\n", "\nleading", "back\\slash",
            "quote's", 'dq"', "\u00e9t\u00e9", "\u4e2d\u6587", "emoji \U0001F600", "nbsp\u00a0x", "bell\u0007",
            "del\u007f", "bom\ufeff", "nel\u0085x", "ls\u2028x",
        ])
    ) + "\n",
    "long-strings": "\n".join([
        f"plain: {LONG}",
        f"single: '{LONG}: x'",
        f"double: \"{LONG}\\u00e9\"",
        "nospace: " + "x" * 120,
        "spaces: '" + ("ab  " * 30) + "'",
        "list:\n  - " + LONG + "\n  - " + ("b " * 60).strip(),
        "nested:\n  deeper:\n    deepest: " + LONG,
        "multiline: \"" + "line one is long enough " * 3 + "\\n" + "and line two " * 5 + "\"",
    ]) + "\n",
    "long-key": ("k" * 122) + ": short\n" + ("j" * 123) + ": key too long for a simple key\n",
    "numbers": "\n".join([
        "i: 12", "neg: -7", "big: 123456789012345678901234567890", "hex: 0xFF", "oct: 017", "sexa: 1:30",
        "f: 1.5", "f2: 0.1", "f3: 1.0e+16", "f4: 1.0e-5", "f5: 100.0", "f6: 1.0e+300", "f7: -0.0", "inf: .inf",
        "ninf: -.inf", "nan: .nan", "f8: 3.14159265358979323846", "f9: 1.0e+15", "f10: 12345678901234567.0",
        "t: true", "n: null", "e: ", "date: 2001-12-14", "dt: 2001-12-14t21:59:43.10-05:00",
        "dtz: 2001-12-15T02:59:43.1Z", "naive: 2001-12-14 21:59:43",
    ]) + "\n",
    "non-string-keys": "1: a\n2.5: b\ntrue: c\n",
    "mixed-keys": "b: 1\n1: a\na: 2\n",
    "nested": "a:\n  b:\n    - c: 1\n      d: [1, 2]\n    - - x\n      - y\n    - []\n  e: {f: {g: h}}\nlist:\n- - - deep\n",
    "sequence-root": "- b\n- a: 1\n  c: 2\n- - x\n  - y\n- ''\n",
    "aliases": "base: &b\n  image: x\n  tags: &t [a, b]\nuse: *b\nmore:\n  <<: *b\n  extra: *t\n",
    "unicode-keys": "\u00e9t\u00e9: summer\nz: last\na: first\n\u4e2d: x\n",
    "sorted-codepoints": "B: 1\na: 2\n_: 3\nZ: 4\n'1': 5\n' ': 6\n\u00c0: 7\n",
}


REPOSITORY_CONDA_FILES = ["manifests/environment/conda.yaml"]


def dump_vectors():
    vectors = []
    for path in REPOSITORY_CONDA_FILES:
        with open(os.path.join("../../..", path), encoding="utf-8") as handle:
            text = handle.read()
        vectors.append({"name": path, "input": text, "output": yaml.dump(yaml.safe_load(text), sort_keys=True)})
    for path in CONDA_FILES:
        with open(os.path.join(CORPUS, path), encoding="utf-8") as handle:
            text = handle.read()
        vectors.append({"name": "corpus/" + path, "input": text, "output": yaml.dump(yaml.safe_load(text), sort_keys=True)})
    for name, text in DUMP_INPUTS.items():
        vectors.append({"name": name, "input": text, "output": yaml.dump(yaml.safe_load(text), sort_keys=True)})
    return vectors


def random_value(rng, depth):
    kind = rng.random()
    if depth < 4 and kind < 0.25:
        return [random_value(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    if depth < 4 and kind < 0.5:
        return {random_key(rng): random_value(rng, depth + 1) for _ in range(rng.randint(0, 5))}
    return random_scalar(rng)


ALPHABET = "abcxyz ABC019_-.:#'\"\\/!&*?|>%@`,[]{}~=<\t\n\u00e9\u00a0\u4e2d\U0001F600"


def random_text(rng):
    choice = rng.random()
    if choice < 0.2:
        return rng.choice(["yes", "No", "null", "~", "", "1.0", "0x1F", "1e3", "2001-12-14", "-", "=", "<<", "---"])
    if choice < 0.3:
        return " ".join("".join(rng.choice("abcdefgh") for _ in range(rng.randint(1, 12))) for _ in range(rng.randint(5, 25)))
    return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 30)))


def random_key(rng):
    if rng.random() < 0.85:
        return "".join(rng.choice("abcdefghij_-.") for _ in range(rng.randint(1, 10)))
    return random_text(rng)


def random_scalar(rng):
    kind = rng.randint(0, 7)
    if kind == 0:
        return None
    if kind == 1:
        return rng.random() < 0.5
    if kind == 2:
        return rng.randint(-10**20, 10**20) if rng.random() < 0.2 else rng.randint(-1000, 1000)
    if kind == 3:
        return rng.choice([rng.uniform(-1e6, 1e6), 10 ** rng.uniform(-30, 30), float(rng.randint(0, 10**17)),
                           rng.random(), math.inf, -math.inf, 0.0, 1e16, 1e-5])
    return random_text(rng)


def random_vectors(count=300):
    rng = random.Random(20240601)
    vectors = []
    for index in range(count):
        data = random_value(rng, 0)
        text = yaml.dump(data, sort_keys=False, allow_unicode=rng.random() < 0.5, width=rng.choice([40, 80, 1000]),
                         default_flow_style=rng.choice([False, None]))
        if yaml.safe_load(text) != data and not (isinstance(data, float) and math.isnan(data)):
            continue
        vectors.append({"name": f"random-{index}", "input": text, "output": yaml.dump(yaml.safe_load(text), sort_keys=True)})
    return vectors


def write(name, data):
    with open(name, "w", encoding="utf-8") as handle:
        json.dump(data, handle, ensure_ascii=False, indent=1)
        handle.write("\n")


if __name__ == "__main__":
    write("resolver-vectors.json", resolver_vectors())
    write("dump-vectors.json", dump_vectors())
    write("dump-random.json", random_vectors())
