#!/usr/bin/env python3
"""Checks the review page as Chromium rendered it (the DOM after its script ran) against the
findings `juesuan lint --format json` reports for the same folder:

- the script ran (body data-ready) and counted every finding;
- every finding appears once, in the section of its report, with its code, position and message;
- a finding on a drawn table cell is inside that cell's <td>, and the cell is marked;
- nothing is loaded from the network (no http(s) URL in any src/href, no <link>, no external script);
- at phone width the page itself does not scroll sideways (wide tables scroll in their box).

    python3 Tests/html/check_review_page.py findings.json rendered.html [phone-rendered.html]
"""
import json
import sys
from collections import Counter
from html.parser import HTMLParser

VOID = {"meta", "link", "br", "img", "input", "hr", "source", "wbr", "col", "area", "base", "embed", "param", "track"}


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children, self.content = tag, dict(attrs), parent, [], []

    def ancestor(self, pred):
        node = self.parent
        while node is not None:
            if pred(node):
                return node
            node = node.parent
        return None

    def all_text(self):
        return "".join(c if isinstance(c, str) else c.all_text() for c in self.content)

    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()

    def classes(self):
        return set(self.attrs.get("class", "").split())


class Tree(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", [], None)
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.current)
        self.current.children.append(node)
        self.current.content.append(node)
        if tag not in VOID:
            self.current = node

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.current = node.parent

    def handle_data(self, data):
        self.current.content.append(data)


def parse(path):
    tree = Tree()
    with open(path, encoding="utf-8") as f:
        tree.feed(f.read())
    return tree.root


def fail(message):
    print(f"check_review_page: FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def main():
    findings = json.load(open(sys.argv[1], encoding="utf-8"))
    root = parse(sys.argv[2])
    nodes = list(root.walk())
    body = next((n for n in nodes if n.tag == "body"), None)
    if body is None or body.attrs.get("data-ready") != "1":
        fail("the page's script did not run (no data-ready on <body>)")
    expected = [(f["path"], d["code"], d["line"], d["column"], d["message"]) for f in findings["files"] for d in f["diagnostics"]]
    if body.attrs.get("data-findings") != str(len(expected)):
        fail(f"the script counted {body.attrs.get('data-findings')} findings, lint reports {len(expected)}")

    shown = []
    on_cell = 0
    for node in nodes:
        if node.tag != "div" or "finding" not in node.classes():
            continue
        section = node.ancestor(lambda n: n.tag == "section" and "report" in n.classes())
        if section is None:
            fail(f"a finding outside any report: {node.attrs}")
        text = node.all_text()
        tag = next((c.all_text() for c in node.children if "tag" in c.classes()), "")
        message = text[len(tag):].strip()
        shown.append((section.attrs["data-path"], node.attrs["data-code"], int(node.attrs["data-line"]), int(node.attrs["data-column"]), message))

    missing = Counter(expected) - Counter(shown)
    extra = Counter(shown) - Counter(expected)
    if missing or extra:
        fail(f"findings differ from lint's: missing {list(missing)[:3]}, extra {list(extra)[:3]}")

    # A finding that starts in a drawn cell is inside that very cell.
    cells = {}
    for node in nodes:
        if node.tag == "td" and "data-column" in node.attrs:
            section = node.ancestor(lambda n: n.tag == "section" and "report" in n.classes())
            cells.setdefault((section.attrs["data-path"], int(node.attrs["data-line"])), []).append(node)
    for node in nodes:
        if node.tag != "div" or "finding" not in node.classes():
            continue
        section = node.ancestor(lambda n: n.tag == "section" and "report" in n.classes())
        line, column = int(node.attrs["data-line"]), int(node.attrs["data-column"])
        for td in cells.get((section.attrs["data-path"], line), []):
            start, end = int(td.attrs["data-column"]), int(td.attrs["data-end-column"])
            if start <= column < max(end, start + 1):
                holder = node.ancestor(lambda n: n.tag == "td")
                if holder is not td:
                    fail(f"{node.attrs['data-code']} at {line}:{column} is not in the cell it concerns ({td.all_text()[:20]!r})")
                if "bad" not in td.classes():
                    fail(f"the cell of {node.attrs['data-code']} at {line}:{column} is not marked")
                on_cell += 1

    for node in nodes:
        for key in ("src", "href"):
            value = node.attrs.get(key) or ""
            if value.startswith(("http:", "https:", "//")):
                fail(f"<{node.tag} {key}={value}> loads from the network")
        if node.tag == "link" or (node.tag == "script" and node.attrs.get("src")):
            fail(f"<{node.tag}> with an external resource")

    if len(sys.argv) > 3:
        phone = next(n for n in parse(sys.argv[3]).walk() if n.tag == "body")
        page, view = int(phone.attrs.get("data-page-width", "0")), int(phone.attrs.get("data-view-width", "0"))
        if view == 0 or view > 500:
            fail(f"the phone rendering was not at phone width ({view})")
        if page > view:
            fail(f"at phone width ({view} px) the page scrolls sideways ({page} px)")

    print(f"check_review_page: ok — {len(shown)} findings, {on_cell} of them on their table cell")


if __name__ == "__main__":
    main()
