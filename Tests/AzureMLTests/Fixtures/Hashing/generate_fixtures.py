#!/usr/bin/env python3
"""Generates the hashing and ignore-file fixtures that Tests/AzureMLTests checks the Swift code against.

Documentation of how the committed JSON files were made; the tests never run it.

    pip install pathspec                                   # the open-source gitwildmatch oracle
    pip download azure-ai-ml==1.35.2 --no-deps -d /tmp/sdk  # the SDK itself, for the pattern module it vendors
    python3 -c "import zipfile,glob; zipfile.ZipFile(glob.glob('/tmp/sdk/*.whl')[0]).extractall('/tmp/sdk/x')"
    python3 generate_fixtures.py /tmp/sdk/x/azure/ai/ml/_utils/_pathspec.py

Writes, next to this script:
- ignore-patterns.json: one entry per pattern line: its effect, or the error it raises, and which of a shared list
  of relative paths it matches. The expected values come from the pattern module azure-ai-ml 1.35.2 vendors (a copy
  of an older pathspec `GitWildMatchPattern`); `pathspec` records what pip's pathspec says where it differs.
- ignore-files.json: whole ignore files (comments, blank lines, CRLF, BOM, negations) and the paths they exclude,
  with the SDK's rule (`IgnoreFile.is_file_excluded`: lines right-stripped, the last matching pattern wins).
- trees.json: small folder trees (files, empty folders, symbolic links, ignore files) that the Swift tests build in a
  temporary folder, with the file list, content hash (v202208) and object hash a re-implementation of the SDK's
  `get_content_hash` / `get_object_hash` computes for them.
- static-trees.json: the same values for the committed folders under Trees/.
- ignore-fuzz.json: seeded random patterns and paths over a small alphabet rich in glob syntax, with the indices of
  the paths each pattern matches (or its error), as a differential test of the SDK's pattern semantics.
- anonymous-environments.json: `CliV2AnonymousEnvironment` versions re-implemented from §4.2 of the reference
  (`Environment._generate_anonymous_name_version`), for image-based and build-context environments.
"""

import hashlib
import importlib.util
import json
import os
import re
import shutil
import sys
import tempfile
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent

# ---------------------------------------------------------------------------------------------------------------------
# Pattern oracles


def load_sdk_pattern_class(path):
    spec = importlib.util.spec_from_file_location("sdk_pathspec", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.GitWildMatchPattern


def evaluate(pattern_class, line, paths):
    """(effect, error, matched indices) of one pattern line."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            pattern = pattern_class(line)
        except Exception as error:  # GitWildMatchPatternError or re.error, as the SDK would raise
            return None, type(error).__name__, []
        if pattern.include is None:
            return None, None, []
        effect = "exclude" if pattern.include else "include"
        return effect, None, [i for i, p in enumerate(paths) if pattern.match_file(p) is not None]


PATHS = [
    "a.py", "b.PY", "d/a.py", "d/e/a.py", "a.pyc", ".py", "a.py/x", "foo", "foo/x", "foo/x/y", "d/foo", "d/foo/x",
    "food", "xfoo", "Foo", "FOO/x", "a/b", "a/b/c", "a/x/b", "a/x/y/b", "ab", "a/bc", "x/a/b", "x", "d/x", "x/y",
    "x/y/z", "!x", "#x", "x#", "sp", " sp", "sp ", "foo ", "a b", "ax", "bx", "cx", "dx", "Ax", "]x", "^x", "-x",
    "\\x", "[x", "[ab]x", "_x", "`x", "acb", "a/c/b", "a//b", "../a.py", "../foo/x", "../../x", "a\n", "a\nb",
    "é.txt", "dir/é", "ñ/x", "data/train.csv", "data/test.csv", "data/raw/train.csv", "logs/run.log", "run.log",
    "src/logs/x.log", "build/out", "node_modules/p/i.js", "src/node_modules/i.js", ".amlignore", ".gitignore",
    "d/.gitignore", ".git/config", ".git", "secret.env", "d/secret.env", "keep.env", "outputs/model.pkl",
    "mlruns/0/meta.yaml", "__pycache__/m.cpython-311.pyc", "src/__pycache__/m.pyc", "a.txt", "A.TXT", "z/a.txt",
]

PATTERNS = [
    # comments, blank lines, whitespace
    "#comment", "# comment", "\\#x", "", "   ", "\t", "  sp  ", "sp\t", "foo ", "foo\\ ", " \\ ", "a b",
    # negation
    "!*.py", "!foo", "\\!x", "!", "!/", "!#x",
    # plain names: match at any depth, file or folder
    "foo", "a.py", "x", "*.py", "*.PY", "*.log", ".py", "*", "**", "***", "?", "??", "a?b", "a*", "*a*", "a**b",
    # directory-only patterns
    "foo/", "a/b/", "x/", "*/", "**/", "logs/", "__pycache__/", ".git/",
    # anchoring: a slash at the start or in the middle anchors to the root
    "/foo", "/x", "/a.py", "a/b", "/a/b", "/a/b/", "d/foo", "data/*.csv", "/data/*.csv", "foo/*", "foo/**",
    "foo/**/", "x/y", "/", "//", "a//b", "./foo", "../a.py",
    # double asterisks
    "**/x", "**/foo", "**/a.py", "x/**", "a/**/b", "a/**/**/b", "**/**/a", "**/b/**", "data/**/train.csv",
    "**/node_modules", "**/node_modules/**", "*/foo", "*/x/*",
    # character classes
    "[a-c]x", "[!a]x", "[^a]x", "[]]x", "[!]]x", "[]-]x", "[a-]x", "[\\]]x", "[!]x", "[x", "[ab]x", "\\[ab]x",
    "[[:alpha:]]x", "[z-a]x", "[a-c-e]x", "[^-a]x", "[!^]x", "[\\\\]x", "[é]*", "[a-ñ]/x",
    # escapes
    "\\*.py", "\\?", "a\\", "\\a\\b", "\\ sp", "\\!foo", "\\\\x", "a\\/b",
    # unicode
    "é.txt", "*.txt", "ñ", "dir/é",
    # realistic
    "*.pyc", "secret.env", "*.env", "!keep.env", "outputs/", "mlruns", ".git", ".gitignore", ".amlignore",
]


def make_pattern_table(sdk_class):
    from pathspec.patterns.gitwildmatch import GitWildMatchPattern as PipPattern

    entries = []
    for line in PATTERNS:
        effect, error, matches = evaluate(sdk_class, line, PATHS)
        entry = {"line": line, "effect": effect, "error": error, "matches": [PATHS[i] for i in matches]}
        pip_effect, pip_error, pip_matches = evaluate(PipPattern, line, PATHS)
        if (pip_effect, pip_error is None, pip_matches) != (effect, error is None, matches):
            entry["pathspec"] = {
                "effect": pip_effect, "error": pip_error, "matches": [PATHS[i] for i in pip_matches]
            }
        entries.append(entry)
    import pathspec

    return {
        "oracle": "azure-ai-ml 1.35.2 azure/ai/ml/_utils/_pathspec.py GitWildMatchPattern",
        "comparison": f"pathspec {pathspec.__version__} GitWildMatchPattern (key `pathspec` where it differs)",
        "paths": PATHS,
        "patterns": entries,
    }


def make_fuzz_table(sdk_class):
    import random

    rng = random.Random(20220801)
    glob_chars = ["a", "b", "A", "*", "*", "?", "[", "]", "!", "^", "-", "\\", " ", ".", "é"]
    name_chars = ["a", "b", "A", ".", "-", "^", "[", "]", "!", "\\", " ", "*", "é"]

    def segment(chars):
        return "".join(rng.choice(chars) for _ in range(rng.randint(1, 3)))

    def pattern():
        parts = ["**" if rng.random() < 0.2 else segment(glob_chars) for _ in range(rng.randint(1, 3))]
        text = "/".join(parts)
        if rng.random() < 0.2:
            text = "/" + text
        if rng.random() < 0.2:
            text += "/"
        if rng.random() < 0.15:
            text = "!" + text
        return text

    def path():
        text = "/".join(segment(name_chars) for _ in range(rng.randint(1, 3)))
        return text + "\n" if rng.random() < 0.03 else text

    patterns = sorted({pattern() for _ in range(700)})
    paths = sorted({path() for _ in range(250)})
    entries = []
    for line in patterns:
        effect, error, matches = evaluate(sdk_class, line, paths)
        entries.append({"line": line, "effect": effect, "error": error, "matches": matches})
    return {"paths": paths, "patterns": entries}


# ---------------------------------------------------------------------------------------------------------------------
# Ignore files, with the SDK's IgnoreFile rules (re-implemented: lines read as utf-8-sig with universal newlines,
# right-stripped, each made a pattern; the last pattern that matches decides)


def ignore_lines(text):
    text = text.encode("utf-8").decode("utf-8-sig")
    lines = re.split(r"\r\n|\r|\n", text)
    if lines and lines[-1] == "":
        lines.pop()
    return [line.rstrip() for line in lines]


class Ignore:
    def __init__(self, sdk_class, text):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            self.patterns = [sdk_class(line) for line in ignore_lines(text)]

    def excluded(self, relative):
        if not self.patterns:
            return False
        if relative.startswith("/"):
            relative = relative[1:]
        elif relative.startswith("./"):
            relative = relative[2:]
        matched = False
        for pattern in self.patterns:
            if pattern.include is not None and pattern.match_file(relative) is not None:
                matched = pattern.include
        return matched


IGNORE_FILES = [
    ("empty", ""),
    ("comments and blanks only", "# nothing\n\n   \n#*.py\n"),
    ("simple", "*.pyc\n__pycache__/\nlogs/\n"),
    ("negation after exclusion re-includes", "*.env\n!keep.env\n"),
    ("negation before exclusion is overridden", "!keep.env\n*.env\n"),
    ("negation of a file inside an excluded folder", "data/\n!data/train.csv\n"),
    ("anchored and unanchored", "/x\nfoo\n/a/b\n"),
    ("double asterisks", "**/node_modules\ndata/**/train.csv\nx/**\n"),
    ("CRLF line ends and trailing spaces", "*.log   \r\nfoo/ \r\n\r\n"),
    ("CR line ends", "*.log\rfoo\r"),
    ("byte order mark", "\ufeff*.py\n"),
    ("no final newline", "*.txt"),
    ("leading spaces are stripped too", "   *.log\n\t!run.log\n"),
    ("escaped hash and bang", "\\#x\n\\!x\n"),
    ("excludes itself", ".amlignore\n.gitignore\n"),
    ("everything but", "*\n!*.py\n"),
    ("folder then negated folder contents", "d/\n!d/foo/\n"),
    ("character classes", "[a-c]x\n[!a]x\n"),
]


def make_ignore_file_table(sdk_class):
    cases = []
    for name, text in IGNORE_FILES:
        ignore = Ignore(sdk_class, text)
        cases.append({"name": name, "text": text, "excluded": [p for p in PATHS if ignore.excluded(p)]})
    return {"paths": PATHS, "files": cases}


# ---------------------------------------------------------------------------------------------------------------------
# Hashes: an independent re-implementation of §4.3 of the reference (get_content_hash v202208 and get_object_hash)


def resolve_link(path):
    path = Path(path)
    while path.is_symlink():
        path = path.resolve()
    return path


def find_ignore(sdk_class, root):
    for name in (".amlignore", ".gitignore"):
        candidate = Path(root, name)
        if candidate.exists():
            text = candidate.read_bytes().decode("utf-8")
            return Ignore(sdk_class, text), candidate.resolve().parent
    return None, None


def excluded(ignore, base, path):
    if ignore is None:
        return False
    return ignore.excluded(os.path.relpath(Path(path).absolute(), base))


def upload_files(sdk_class, root):
    """(path to read, relative POSIX path) of every file, as the SDK lists a code folder: os.walk with links."""
    root = Path(root)
    ignore, base = find_ignore(sdk_class, root)
    files = []
    for folder, _, names in os.walk(root, followlinks=True):
        real = Path(folder).resolve().absolute()
        for name in names:
            if excluded(ignore, base, real.joinpath(name).as_posix()):
                continue
            relative = Path(folder).relative_to(root).joinpath(name).as_posix()
            files.append((resolve_link(real.joinpath(name)).as_posix(), relative))
    return sorted(files, key=lambda f: f[1].lower())


def content_hash(sdk_class, path):
    path = resolve_link(Path(path))
    if path.is_dir():
        files = upload_files(sdk_class, path)
    else:
        files = [(path.as_posix(), path.name)]
    digest = hashlib.sha256()
    digest.update(str(len(files)).encode())
    for file, relative in files:
        digest.update(("#" + relative + "#").encode())
        digest.update(str(os.path.getsize(file)).encode())
    for file, _ in files:
        digest.update(Path(file).read_bytes())
    return digest.hexdigest(), [relative for _, relative in files]


def object_hash(sdk_class, path):
    digest = hashlib.sha256(b"Initialize for october 2021 AML CLI version")
    path = Path(path)
    if path.is_dir():
        ignore, base = find_ignore(sdk_class, path)

        def walk(folder):
            for child in sorted(Path(folder).iterdir(), key=lambda p: str(p).lower()):
                if excluded(ignore, base, child):
                    continue
                digest.update(child.name.encode())
                if child.is_symlink():
                    child = resolve_link(child)
                if child.is_file():
                    digest.update(child.read_bytes())
                elif child.is_dir():
                    walk(child)

        walk(path)
    else:
        digest.update(resolve_link(path).read_bytes())
    return digest.hexdigest()


# ---------------------------------------------------------------------------------------------------------------------
# Trees built at test time (so that symbolic links, empty folders and odd names need not live in git)


def content_of(entry):
    if "repeat" in entry:
        unit = entry["repeat"].encode()
        return (unit * (entry["size"] // len(unit) + 1))[: entry["size"]]
    return entry.get("content", "").encode()


def build(tree, into):
    for entry in tree["entries"]:
        target = Path(into, entry["path"])
        target.parent.mkdir(parents=True, exist_ok=True)
        if entry.get("dir"):
            target.mkdir(exist_ok=True)
        elif "symlink" in entry:
            os.symlink(entry["symlink"], target)
        else:
            target.write_bytes(content_of(entry))


TREES = [
    {"name": "single file", "entries": [{"path": "train.py", "content": "print('hi')\n"}], "root": "train.py"},
    {"name": "empty file", "entries": [{"path": "empty.txt"}], "root": "empty.txt"},
    {
        "name": "file bigger than a chunk",
        "entries": [{"path": "big.bin", "repeat": "0123456789abcdef\n", "size": 5000}],
        "root": "big.bin",
    },
    {
        "name": "nested folders with case-mixed names",
        "entries": [
            {"path": "src/Zeta.txt", "content": "Z"},
            {"path": "src/_under.txt", "content": "_"},
            {"path": "src/alpha.txt", "content": "a"},
            {"path": "src/Beta/one.txt", "content": "1"},
            {"path": "src/beta.txt", "content": "b"},
            {"path": "src/b/x.txt", "content": "x"},
            {"path": "src/b-c.txt", "content": "-"},
            {"path": "src/b.c/y.txt", "content": "y"},
        ],
        "root": "src",
    },
    {
        "name": "empty folders count in the object hash only",
        "entries": [
            {"path": "src/a.txt", "content": "a"},
            {"path": "src/empty", "dir": True},
            {"path": "src/deep/er/est", "dir": True},
        ],
        "root": "src",
    },
    {
        "name": "amlignore wins over gitignore",
        "entries": [
            {"path": "src/.amlignore", "content": "*.log\n"},
            {"path": "src/.gitignore", "content": "*.txt\n"},
            {"path": "src/a.txt", "content": "a"},
            {"path": "src/run.log", "content": "log"},
            {"path": "src/sub/b.log", "content": "log"},
        ],
        "root": "src",
    },
    {
        "name": "gitignore used without amlignore",
        "entries": [
            {"path": "src/.gitignore", "content": "*.txt\n!keep.txt\n"},
            {"path": "src/a.txt", "content": "a"},
            {"path": "src/keep.txt", "content": "k"},
            {"path": "src/main.py", "content": "m"},
        ],
        "root": "src",
    },
    {
        "name": "nested and parent ignore files do not apply",
        "entries": [
            {"path": ".amlignore", "content": "*.py\n"},
            {"path": "src/main.py", "content": "m"},
            {"path": "src/sub/.gitignore", "content": "*.txt\n"},
            {"path": "src/sub/a.txt", "content": "a"},
        ],
        "root": "src",
    },
    {
        "name": "ignore file that excludes itself",
        "entries": [
            {"path": "src/.amlignore", "content": ".amlignore\n"},
            {"path": "src/main.py", "content": "m"},
        ],
        "root": "src",
    },
    {
        "name": "directory pattern keeps the folder name in the object hash",
        "entries": [
            {"path": "src/.amlignore", "content": "outputs/\n/logs\n"},
            {"path": "src/main.py", "content": "m"},
            {"path": "src/outputs/model.pkl", "content": "p"},
            {"path": "src/outputs/deep/x", "content": "x"},
            {"path": "src/logs/a.log", "content": "l"},
            {"path": "src/sub/logs/b.log", "content": "l"},
        ],
        "root": "src",
    },
    {
        "name": "symbolic links to a file and a folder inside",
        "entries": [
            {"path": "src/real/a.txt", "content": "a"},
            {"path": "src/real/b.txt", "content": "bb"},
            {"path": "src/link-dir", "symlink": "real"},
            {"path": "src/link-file.txt", "symlink": "real/b.txt"},
        ],
        "root": "src",
    },
    {
        "name": "symbolic links to outside the root",
        "entries": [
            {"path": "shared/lib/util.py", "content": "u"},
            {"path": "shared/data.csv", "content": "1,2\n"},
            {"path": "src/main.py", "content": "m"},
            {"path": "src/lib", "symlink": "../shared/lib"},
            {"path": "src/data.csv", "symlink": "../shared/data.csv"},
        ],
        "root": "src",
    },
    {
        "name": "ignore rules see a linked folder's real path",
        "entries": [
            {"path": "src/.amlignore", "content": "/real/\n"},
            {"path": "src/real/a.txt", "content": "a"},
            {"path": "src/alias", "symlink": "real"},
        ],
        "root": "src",
    },
    {
        "name": "root reached through a symbolic link",
        "entries": [
            {"path": "code/.amlignore", "content": "*.log\n"},
            {"path": "code/main.py", "content": "m"},
            {"path": "code/x.log", "content": "l"},
            {"path": "alias", "symlink": "code"},
        ],
        "root": "alias",
    },
    {
        "name": "single file reached through a symbolic link",
        "entries": [{"path": "real/train.py", "content": "t"}, {"path": "entry.py", "symlink": "real/train.py"}],
        "root": "entry.py",
    },
    {
        "name": "non-ASCII names",
        "entries": [
            {"path": "src/é.txt", "content": "e"},
            {"path": "src/ñ/x.txt", "content": "n"},
            {"path": "src/E.txt", "content": "E"},
            {"path": "src/.amlignore", "content": "ñ/\n"},
        ],
        "root": "src",
    },
]


def make_tree_table(sdk_class):
    results = []
    for tree in TREES:
        with tempfile.TemporaryDirectory() as scratch:
            build(tree, scratch)
            root = Path(scratch, tree["root"])
            chash, files = content_hash(sdk_class, root)
            results.append(dict(tree, contentHash=chash, objectHash=object_hash(sdk_class, root), files=files))
    return {"trees": results}


def make_static_table(sdk_class):
    results = []
    base = HERE / "Trees"
    for root in sorted(p for p in base.iterdir()):
        chash, files = content_hash(sdk_class, root)
        results.append(
            {"root": root.name, "contentHash": chash, "objectHash": object_hash(sdk_class, root), "files": files}
        )
    return {"trees": results}


# ---------------------------------------------------------------------------------------------------------------------
# Anonymous environment versions (§4.2): `a.join(b)` puts `a` between every character of `b`


def sha(text):
    return hashlib.sha256(text.encode("utf8")).hexdigest()


def image_version(image, inference_config=None, conda_file=None):
    text = "".join(sha(image))
    if inference_config:
        text = text.join(sha(inference_config))
    if conda_file:
        text = text.join(sha(conda_file))
    return sha(text)


def build_version(upload_hash, dockerfile_path=None):
    if not dockerfile_path:
        return sha("".join(sha(upload_hash)))
    return sha("".join(sha(upload_hash)).join(sha(dockerfile_path)))


CONDA = "channels:\n- conda-forge\ndependencies:\n- python=3.10\n- pip\n- pip:\n  - mlflow\nname: myenv\n"
INFERENCE = (
    "liveness_route:\n  path: /live\n  port: 5001\nreadiness_route:\n  path: /ready\n  port: 5001\n"
    "scoring_route:\n  path: /score\n  port: 5001\n"
)
IMAGES = [
    {"image": "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest"},
    {"image": "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest", "condaFile": CONDA},
    {"image": "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest", "inferenceConfig": INFERENCE},
    {
        "image": "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest",
        "inferenceConfig": INFERENCE,
        "condaFile": CONDA,
    },
    {"image": "python:3.11-slim", "condaFile": "name: é\n"},
    {"image": "python", "condaFile": ""},
]
BUILDS = [
    {"buildContextHash": "b885ab0a0ea9168067ae99da0c8a3c0c16bcdc7cf36d840531734cd63724db05"},
    {
        "buildContextHash": "b885ab0a0ea9168067ae99da0c8a3c0c16bcdc7cf36d840531734cd63724db05",
        "dockerfilePath": "Dockerfile",
    },
    {"buildContextHash": "0" * 64, "dockerfilePath": "docker/Dockerfile.gpu"},
    {"buildContextHash": "0" * 64, "dockerfilePath": ""},
]


def make_environment_table():
    images = [
        dict(case, version=image_version(case["image"], case.get("inferenceConfig"), case.get("condaFile")))
        for case in IMAGES
    ]
    builds = [
        dict(case, version=build_version(case["buildContextHash"], case.get("dockerfilePath"))) for case in BUILDS
    ]
    return {"images": images, "builds": builds}


def write(name, value):
    with open(HERE / name, "w", encoding="utf-8") as out:
        json.dump(value, out, indent=1, ensure_ascii=False)
        out.write("\n")


def main():
    sdk_class = load_sdk_pattern_class(sys.argv[1])
    write("ignore-patterns.json", make_pattern_table(sdk_class))
    write("ignore-files.json", make_ignore_file_table(sdk_class))
    write("ignore-fuzz.json", make_fuzz_table(sdk_class))
    write("trees.json", make_tree_table(sdk_class))
    write("static-trees.json", make_static_table(sdk_class))
    write("anonymous-environments.json", make_environment_table())


if __name__ == "__main__":
    main()
