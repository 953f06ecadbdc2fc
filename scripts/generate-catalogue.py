#!/usr/bin/env python3
"""Generate Sources/JuesuanCatalogue/EmbeddedCatalogue.generated.swift.

Usage: python3 scripts/generate-catalogue.py   (run from anywhere)

Reads data/functional-codes.tsv and data/economic-codes.tsv (columns
code<TAB>name<TAB>level, header line), validates them and embeds each file
as one Swift multi-line string literal in the same TSV form. The Swift side
parses the text once, lazily, on first use of `Catalogue.embedded`.

It embeds data/verified-codes.tsv (kind<TAB>code<TAB>name<TAB>evidence) the
same way, after checking that every verified code is in its catalogue with
exactly the verified name: `Catalogue.embedded` marks those entries verified
and keeps their evidence.

The output depends only on the input files, so it is deterministic.
The test JuesuanCatalogueTests/EmbeddedCatalogueTests checks that the
generated file matches the TSV files; rerun this script after editing them.
"""
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "data")
OUT = os.path.join(ROOT, "Sources", "JuesuanCatalogue", "EmbeddedCatalogue.generated.swift")

CATALOGUES = [
    # (swift property, file name, allowed levels)
    ("functionalTSV", "functional-codes.tsv", {"类": 3, "款": 5, "项": 7}),
    ("economicTSV", "economic-codes.tsv", {"类": 3, "款": 5}),
]
HEADER = "code\tname\tlevel"
VERIFIED = ("verifiedTSV", "verified-codes.tsv")
VERIFIED_HEADER = "kind\tcode\tname\tevidence"
KINDS = {"functional": "functional-codes.tsv", "economic": "economic-codes.tsv"}


def fail(path, lineno, message):
    sys.exit("%s:%d: %s" % (os.path.relpath(path, ROOT), lineno, message))


def read_rows(path, levels):
    with open(path, "rb") as f:
        raw = f.read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        sys.exit("%s: not UTF-8: %s" % (path, e))
    if text.startswith("\ufeff"):
        fail(path, 1, "byte order mark not allowed")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines or lines[0].rstrip("\r") != HEADER:
        fail(path, 1, "header must be %r" % HEADER)
    rows = []
    seen = set()
    previous = None
    for lineno, line in enumerate(lines[1:], start=2):
        line = line.rstrip("\r")
        fields = line.split("\t")
        if len(fields) != 3:
            fail(path, lineno, "expected 3 tab-separated columns")
        code, name, level = fields
        if not (code.isascii() and code.isdigit()):
            fail(path, lineno, "code %r is not ASCII digits" % code)
        if level not in levels or levels[level] != len(code):
            fail(path, lineno, "level %r does not fit code %s" % (level, code))
        if not name or name != name.strip():
            fail(path, lineno, "empty name or surrounding blanks")
        # The Swift literal is a plain (non-raw) multi-line string: forbid
        # anything that would need escaping there.
        for ch in name:
            if ch in '\\"' or ord(ch) < 0x20 or ord(ch) == 0x7F:
                fail(path, lineno, "character %r not allowed in a name" % ch)
        if code in seen:
            fail(path, lineno, "duplicate code %s" % code)
        if previous is not None and code < previous:
            fail(path, lineno, "codes not sorted (%s after %s)" % (code, previous))
        if len(code) > 3 and code[:len(code) - 2] not in seen:
            fail(path, lineno, "parent %s of %s missing" % (code[:len(code) - 2], code))
        seen.add(code)
        previous = code
        rows.append((code, name, level))
    return rows


def check_literal(path, lineno, text):
    # The Swift literal is a plain (non-raw) multi-line string: forbid
    # anything that would need escaping there.
    for ch in text:
        if ch in '\\"' or ord(ch) < 0x20 or ord(ch) == 0x7F:
            fail(path, lineno, "character %r not allowed" % ch)


def read_verified(path, catalogues):
    """Rows of verified-codes.tsv; each must name a catalogue code with its exact name."""
    with open(path, "rb") as f:
        text = f.read().decode("utf-8")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines or lines[0] != VERIFIED_HEADER:
        fail(path, 1, "header must be %r" % VERIFIED_HEADER)
    rows = []
    seen = set()
    for lineno, line in enumerate(lines[1:], start=2):
        fields = line.split("\t")
        if len(fields) != 4:
            fail(path, lineno, "expected 4 tab-separated columns")
        kind, code, name, evidence = fields
        if kind not in KINDS:
            fail(path, lineno, "kind %r is not functional or economic" % kind)
        if (kind, code) in seen:
            fail(path, lineno, "duplicate %s code %s" % (kind, code))
        seen.add((kind, code))
        names = catalogues[KINDS[kind]]
        if code not in names:
            fail(path, lineno, "verified %s code %s is not in data/%s; add it" % (kind, code, KINDS[kind]))
        if names[code] != name:
            fail(path, lineno, "verified name %r of %s differs from the catalogue's %r" % (name, code, names[code]))
        if not evidence.strip():
            fail(path, lineno, "no evidence")
        check_literal(path, lineno, evidence)
        rows.append(line)
    return rows


def main():
    parts = [
        "// generated by scripts/generate-catalogue.py from data/*.tsv — do not edit\n",
        "//\n",
        "// Each catalogue is its TSV file verbatim (header included, LF line ends).\n",
        "// Parsed once, lazily, by `Catalogue.embedded`.\n",
        "\n",
        "enum EmbeddedCatalogue {\n",
    ]
    counts = []
    catalogues = {}
    for prop, filename, levels in CATALOGUES:
        path = os.path.join(DATA, filename)
        rows = read_rows(path, levels)
        catalogues[filename] = {code: name for code, name, _ in rows}
        counts.append("%s: %d" % (filename, len(rows)))
        parts.append("    /// data/%s (%d codes)\n" % (filename, len(rows)))
        parts.append("    static let %s = \"\"\"\n" % prop)
        parts.append(HEADER + "\n")
        for code, name, level in rows:
            parts.append("%s\t%s\t%s\n" % (code, name, level))
        parts.append("\"\"\"\n")
        parts.append("\n")
    prop, filename = VERIFIED
    path = os.path.join(DATA, filename)
    verified = read_verified(path, catalogues)
    counts.append("%s: %d" % (filename, len(verified)))
    parts.append("    /// data/%s (%d codes known for certain, with their evidence)\n" % (filename, len(verified)))
    parts.append("    static let %s = \"\"\"\n" % prop)
    parts.append(VERIFIED_HEADER + "\n")
    for line in verified:
        parts.append(line + "\n")
    parts.append("\"\"\"\n")
    parts.append("}\n")
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("".join(parts))
    print("wrote %s (%s)" % (os.path.relpath(OUT, ROOT), ", ".join(counts)), file=sys.stderr)


if __name__ == "__main__":
    main()
