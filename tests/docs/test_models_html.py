"""Tests of scripts/models_html.py, the docs/models.md → models.html converter.

Run: python3 -m unittest discover -s tests/docs
"""

import importlib.util
import os
import re
import subprocess
import sys
import tempfile
import unittest
from html.parser import HTMLParser

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCRIPT = os.path.join(ROOT, "scripts", "models_html.py")
MODELS = os.path.join(ROOT, "docs", "models.md")

sys.dont_write_bytecode = True  # keep scripts/ free of __pycache__
spec = importlib.util.spec_from_file_location("models_html", SCRIPT)
models_html = importlib.util.module_from_spec(spec)
spec.loader.exec_module(models_html)

REQUIRED = [
    "conventions",
    "ticket-value",
    "lottery-engine",
    "allocation",
    "secondary-market",
    "primary-market",
    "mechanisms",
    "mainnet-page",
    "references",
]

VOID = {"meta", "br", "hr", "img", "link", "input", "col", "wbr"}


class Structure(HTMLParser):
    """Collects ids, tag counts and nesting errors."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors, self.ids, self.tags = [], [], [], {}
        self.attrs = []

    def handle_starttag(self, tag, attrs):
        self.tags[tag] = self.tags.get(tag, 0) + 1
        self.attrs.append((tag, dict(attrs)))
        ident = dict(attrs).get("id")
        if ident is not None:
            self.ids.append(ident)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags[tag] = self.tags.get(tag, 0) + 1
        self.attrs.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()


def parse(page):
    p = Structure()
    p.feed(page)
    p.close()
    return p


def read_models():
    with open(MODELS, encoding="utf-8") as f:
        return f.read()


class ModelsPage(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.md = read_models()
        cls.page = models_html.page(cls.md)
        cls.parsed = parse(cls.page)

    def test_every_required_anchor_is_a_heading_id(self):
        for anchor in REQUIRED:
            self.assertIn(anchor, self.parsed.ids, anchor)
            self.assertRegex(self.page, rf'<h2 id="{anchor}">', anchor)

    def test_the_markdown_has_each_required_heading_once(self):
        for anchor in REQUIRED:
            found = [
                line
                for line in self.md.splitlines()
                if line.startswith("## ") and models_html.slug(models_html.plain(line[3:]), set()) == anchor
            ]
            self.assertEqual(len(found), 1, anchor)

    def test_every_internal_link_resolves(self):
        links = re.findall(r"\]\(#([^)\s]+)\)", self.md)
        self.assertGreater(len(links), 10)
        for anchor in links:
            self.assertIn(anchor, self.parsed.ids, f"](#{anchor}) has no heading")
        for (tag, attrs) in self.parsed.attrs:
            href = attrs.get("href", "")
            if tag == "a" and href.startswith("#"):
                self.assertIn(href[1:], self.parsed.ids, href)

    def test_ids_are_unique(self):
        self.assertEqual(len(self.parsed.ids), len(set(self.parsed.ids)))

    def test_standalone_page(self):
        self.assertTrue(self.page.startswith("<!doctype html>\n"))
        self.assertIn('<html lang="en">', self.page)
        self.assertEqual(self.parsed.tags.get("h1"), 1)
        self.assertEqual(self.parsed.tags.get("title"), 1)
        self.assertRegex(self.page, r"<title>[^<]+</title>")
        self.assertIn('<a href="./">', self.page)
        self.assertIn("ET Explorer</a>", self.page)
        self.assertIn('name="viewport"', self.page)
        self.assertIn("max-width: 46rem", self.page)
        # Nothing loaded from elsewhere: no scripts, no stylesheets, no images.
        self.assertNotIn("<script", self.page)
        self.assertNotIn("<link", self.page)
        self.assertNotIn("<img", self.page)

    def test_well_nested(self):
        self.assertEqual(self.parsed.errors, [])
        self.assertEqual(self.parsed.stack, [])

    def test_tables_and_lists_of_the_document_render(self):
        rules = [line for line in self.md.splitlines() if re.match(r"^\|\s*-{3,}", line)]
        self.assertEqual(self.parsed.tags.get("table"), len(rules))
        self.assertGreater(self.parsed.tags.get("ul", 0), 5)
        self.assertGreaterEqual(self.parsed.tags.get("ol", 0), 2)
        self.assertGreater(self.parsed.tags.get("li", 0), 40)

    def test_lists_are_one_level_deep(self):
        # The converter joins indented lines into the item above: a nested list would
        # silently become one long item.
        for n, line in enumerate(self.md.splitlines(), 1):
            self.assertNotRegex(line, r"^\s+([-*+]|\d+[.)])\s", f"docs/models.md:{n} nests a list")

    def test_no_markdown_left_in_the_text(self):
        body = self.page[self.page.index("<main>") :]
        outside_code = re.sub(r"<code>.*?</code>", "", body, flags=re.S)
        for mark in ["`", "**", "](", "\n## ", "\n| "]:
            self.assertNotIn(mark, outside_code, mark)

    def test_deterministic(self):
        self.assertEqual(models_html.page(self.md), self.page)
        with tempfile.TemporaryDirectory() as tmp:
            outs = []
            for name in ("a/models.html", "b/models.html"):
                out = os.path.join(tmp, name)
                subprocess.run([sys.executable, SCRIPT, out], check=True, cwd=tmp)
                with open(out, "rb") as f:
                    outs.append(f.read())
            self.assertEqual(outs[0], outs[1])
            self.assertEqual(outs[0].decode("utf-8"), self.page)

    def test_unchanged_output_is_not_rewritten(self):
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "models.html")
            subprocess.run([sys.executable, SCRIPT, out], check=True)
            os.utime(out, (1_000_000_000, 1_000_000_000))
            subprocess.run([sys.executable, SCRIPT, out], check=True)
            self.assertEqual(os.stat(out).st_mtime, 1_000_000_000)


class Converter(unittest.TestCase):
    SAMPLE = "\n".join(
        [
            "# Title *here*",
            "",
            "Intro with `a | b < c`, **bold**, *italic*, [a link](#part-two) and",
            "<https://example.org/x>.",
            "",
            "## Part two",
            "",
            "- first item",
            "  continued",
            "- second with `code`",
            "",
            "1. one",
            "2. two",
            "",
            "| name | formula |",
            "| --- | --- |",
            "| mean | `μ / (n d + 1)` |",
            "| pipe | `x | y` |",
            "",
            "```sh",
            "echo <hi> && **not bold**",
            "```",
            "",
            "## Part two",
        ]
    )

    def setUp(self):
        self.title, self.body, self.ids = models_html.convert(self.SAMPLE)

    def test_headings_get_github_ids(self):
        self.assertEqual(self.ids, ["title-here", "part-two", "part-two-1"])
        self.assertEqual(self.title, "Title here")
        self.assertIn('<h1 id="title-here">Title <em>here</em></h1>', self.body)
        self.assertEqual(models_html.slug("The ET-Simulation study (§4.1)", set()), "the-et-simulation-study-41")

    def test_inline(self):
        self.assertIn("<code>a | b &lt; c</code>", self.body)
        self.assertIn("<strong>bold</strong>", self.body)
        self.assertIn("<em>italic</em>", self.body)
        self.assertIn('<a href="#part-two">a link</a>', self.body)
        self.assertIn('<a href="https://example.org/x">https://example.org/x</a>', self.body)

    def test_lists(self):
        self.assertIn("<ul>\n<li>first item continued</li>\n<li>second with <code>code</code></li>\n</ul>", self.body)
        self.assertIn("<ol>\n<li>one</li>\n<li>two</li>\n</ol>", self.body)

    def test_table(self):
        self.assertIn("<th>name</th><th>formula</th>", self.body)
        self.assertIn("<tr><td>mean</td><td><code>μ / (n d + 1)</code></td></tr>", self.body)
        self.assertIn("<tr><td>pipe</td><td><code>x | y</code></td></tr>", self.body)

    def test_code_block_is_literal(self):
        self.assertIn(
            '<pre><code class="language-sh">echo &lt;hi&gt; &amp;&amp; **not bold**</code></pre>',
            self.body,
        )


if __name__ == "__main__":
    unittest.main()
