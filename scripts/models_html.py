#!/usr/bin/env python3
"""Turns docs/models.md into a standalone HTML page (no dependencies beyond Python 3).

Usage: scripts/models_html.py [OUT] [--input MD]
  OUT    where to write the page (default: print it). The file is rewritten only when
         its content changes, so a watcher (trunk serve) sees no change on a rebuild.
  MD     the Markdown source (default: docs/models.md beside this script's repository).

Trunk runs it as a pre_build hook (Trunk.toml) and copies the page to dist/models.html
(the copy-file link in index.html).

The converter covers the Markdown the document uses, nothing more: ATX headings (with
GitHub-style ids, so `#ticket-value` links work as on GitHub), paragraphs, bullet and
numbered lists (one level, continuation lines indented), pipe tables, fenced code
blocks, inline code, **bold**, *italic*, [links](url) and <https://autolinks>.
The output is deterministic: the same input gives the same bytes.
"""

import html
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_INPUT = os.path.join(ROOT, "docs", "models.md")

CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #fcfcfa; color: #1f2328;
  font: 17px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 46rem; margin: 0 auto; padding: 1rem 1.1rem 4rem; }
nav.back { max-width: 46rem; margin: 0 auto; padding: .8rem 1.1rem 0; font-size: .95rem; }
h1 { font-size: 1.9rem; line-height: 1.25; margin: 1rem 0 1rem; }
h2 { font-size: 1.45rem; line-height: 1.3; margin: 2.6rem 0 .8rem; padding-bottom: .25rem;
  border-bottom: 1px solid #d8dee4; }
h3 { font-size: 1.15rem; margin: 1.8rem 0 .6rem; }
h4 { font-size: 1rem; margin: 1.4rem 0 .5rem; }
h2 a.anchor, h3 a.anchor, h4 a.anchor { color: inherit; text-decoration: none; }
p, ul, ol { margin: .7rem 0; }
ul, ol { padding-left: 1.5rem; }
li { margin: .3rem 0; }
a { color: #0b5cad; }
a:visited { color: #5b3c9b; }
code { font: .88em/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
  background: #eff1f3; border-radius: 4px; padding: .08em .3em; overflow-wrap: break-word; }
pre { background: #f3f4f6; border: 1px solid #e1e4e8; border-radius: 6px; padding: .8rem 1rem;
  overflow-x: auto; line-height: 1.45; }
pre code { background: none; padding: 0; overflow-wrap: normal; }
.table { overflow-x: auto; margin: .9rem 0; -webkit-overflow-scrolling: touch; }
table { border-collapse: collapse; font-size: .92rem; line-height: 1.45; min-width: 60%; }
th, td { border: 1px solid #d8dee4; padding: .35rem .6rem; text-align: left; vertical-align: top; }
th { background: #f3f4f6; }
td:first-child code { white-space: nowrap; }
tr:nth-child(even) td { background: #fafbfc; }
@media (max-width: 600px) {
  body { font-size: 16px; }
  h1 { font-size: 1.55rem; }
  h2 { font-size: 1.3rem; }
  main { padding: .6rem .9rem 3rem; }
  table { font-size: .85rem; }
}
"""


def slug(text, seen):
    """GitHub's heading id: lower case, punctuation dropped, spaces to hyphens,
    `-1`, `-2`, … appended to repeats."""
    s = re.sub(r"[^\w\- ]", "", text.strip().lower())
    s = s.replace(" ", "-")
    base, n = s, 0
    while s in seen:
        n += 1
        s = f"{base}-{n}"
    seen.add(s)
    return s


def plain(md):
    """The visible text of inline Markdown (for ids and the title)."""
    md = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", md)
    md = re.sub(r"<(https?://[^>]+)>", r"\1", md)
    return md.replace("`", "").replace("**", "").replace("*", "")


def inline(md):
    """Inline Markdown to HTML: code spans first (their content is literal), then
    escaping, links, bold and italic."""
    codes = []

    def keep_code(m):
        codes.append("<code>" + html.escape(m.group(2), quote=False) + "</code>")
        return f"\x00{len(codes) - 1}\x00"

    text = re.sub(r"(`+)(.+?)\1", keep_code, md)
    text = html.escape(text, quote=False)
    links = []

    def keep(s):
        links.append(s)
        return f"\x01{len(links) - 1}\x01"

    text = re.sub(
        r"&lt;(https?://[^\s&]+)&gt;",
        lambda m: keep(f'<a href="{html.escape(m.group(1))}">{m.group(1)}</a>'),
        text,
    )
    text = re.sub(
        r"\[([^\]]+)\]\(([^)\s]+)\)",
        lambda m: keep(f'<a href="{html.escape(html.unescape(m.group(2)))}">{emphasis(m.group(1))}</a>'),
        text,
    )
    text = emphasis(text)
    text = re.sub(r"\x01(\d+)\x01", lambda m: links[int(m.group(1))], text)
    return re.sub(r"\x00(\d+)\x00", lambda m: codes[int(m.group(1))], text)


def emphasis(text):
    text = re.sub(r"\*\*(?=\S)(.+?)(?<=\S)\*\*", r"<strong>\1</strong>", text)
    return re.sub(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])", r"<em>\1</em>", text)


def split_row(line):
    """The cells of a pipe-table row; pipes inside code spans do not split."""
    line = line.strip()
    if line.startswith("|"):
        line = line[1:]
    if line.endswith("|") and not line.endswith("\\|"):
        line = line[:-1]
    cells, cur, in_code = [], [], False
    for ch in line:
        if ch == "`":
            in_code = not in_code
        if ch == "|" and not in_code:
            cells.append("".join(cur).strip())
            cur = []
        else:
            cur.append(ch)
    cells.append("".join(cur).strip())
    return cells


TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
BULLET = re.compile(r"^[-*+]\s+(.*)$")
NUMBERED = re.compile(r"^(\d+)[.)]\s+(.*)$")
FENCE = re.compile(r"^(```|~~~)\s*([\w+-]*)\s*$")


def convert(md):
    """Markdown to `(title, body_html, ids)`."""
    lines = md.replace("\r\n", "\n").split("\n")
    out, ids, seen, title = [], [], set(), None
    i = 0

    def starts_block(line):
        return (
            not line.strip()
            or HEADING.match(line)
            or BULLET.match(line)
            or NUMBERED.match(line)
            or FENCE.match(line.strip())
            or line.lstrip().startswith("|")
        )

    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if not stripped:
            i += 1
            continue
        fence = FENCE.match(stripped)
        if fence:
            lang = fence.group(2)
            body = []
            i += 1
            while i < len(lines) and lines[i].strip() != fence.group(1):
                body.append(lines[i])
                i += 1
            i += 1
            cls = f' class="language-{lang}"' if lang else ""
            out.append(f"<pre><code{cls}>" + html.escape("\n".join(body), quote=False) + "</code></pre>")
            continue
        heading = HEADING.match(line)
        if heading:
            level, text = len(heading.group(1)), heading.group(2)
            ident = slug(plain(text), seen)
            ids.append(ident)
            if level == 1:
                title = title or plain(text)
                out.append(f'<h1 id="{ident}">{inline(text)}</h1>')
            else:
                out.append(f'<h{level} id="{ident}"><a class="anchor" href="#{ident}">{inline(text)}</a></h{level}>')
            i += 1
            continue
        if stripped.startswith("|") and i + 1 < len(lines) and TABLE_RULE.match(lines[i + 1]):
            head = split_row(lines[i])
            rows = []
            i += 2
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(split_row(lines[i]))
                i += 1
            t = ['<div class="table"><table>']
            t.append("<thead><tr>" + "".join(f"<th>{inline(c)}</th>" for c in head) + "</tr></thead>")
            t.append("<tbody>")
            for r in rows:
                r = (r + [""] * len(head))[: len(head)]
                t.append("<tr>" + "".join(f"<td>{inline(c)}</td>" for c in r) + "</tr>")
            t += ["</tbody>", "</table></div>"]
            out.append("\n".join(t))
            continue
        if BULLET.match(line) or NUMBERED.match(line):
            numbered = bool(NUMBERED.match(line))
            item_re = NUMBERED if numbered else BULLET
            items = []
            start = NUMBERED.match(line).group(1) if numbered else None
            while i < len(lines):
                cur = lines[i]
                m = item_re.match(cur)
                if m:
                    items.append([m.group(m.lastindex)])
                elif items and cur.strip() and (cur.startswith(" ") or not starts_block(cur)):
                    items[-1].append(cur.strip())
                elif not cur.strip() and i + 1 < len(lines) and item_re.match(lines[i + 1]):
                    pass  # a blank line between two items keeps the list going
                else:
                    break
                i += 1
            tag = "ol" if numbered else "ul"
            attr = f' start="{start}"' if numbered and start != "1" else ""
            lis = "\n".join(f"<li>{inline(' '.join(it))}</li>" for it in items)
            out.append(f"<{tag}{attr}>\n{lis}\n</{tag}>")
            continue
        para = [stripped]
        i += 1
        while i < len(lines) and not starts_block(lines[i]):
            para.append(lines[i].strip())
            i += 1
        out.append(f"<p>{inline(' '.join(para))}</p>")
    return title or "ET Explorer", "\n".join(out), ids


def page(md):
    """The whole standalone page."""
    title, body, _ = convert(md)
    return (
        "<!doctype html>\n"
        '<html lang="en">\n'
        "<head>\n"
        '<meta charset="utf-8" />\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1" />\n'
        '<meta name="description" content="The models behind ET Explorer: formulas, assumptions, '
        'parameters, verification and references." />\n'
        f"<title>{html.escape(title)} · ET Explorer</title>\n"
        f"<style>{CSS}</style>\n"
        "</head>\n"
        "<body>\n"
        '<nav class="back"><a href="./">← ET Explorer</a></nav>\n'
        "<main>\n"
        f"{body}\n"
        "</main>\n"
        "</body>\n"
        "</html>\n"
    )


def main(argv):
    args = list(argv)
    src = DEFAULT_INPUT
    if "--input" in args:
        k = args.index("--input")
        if k + 1 >= len(args):
            print("models_html.py: --input needs a path", file=sys.stderr)
            return 2
        src = args[k + 1]
        del args[k : k + 2]
    if len(args) > 1 or any(a.startswith("-") for a in args):
        print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
        return 2
    with open(src, encoding="utf-8") as f:
        result = page(f.read())
    if not args:
        sys.stdout.write(result)
        return 0
    out = args[0]
    try:
        with open(out, encoding="utf-8") as f:
            if f.read() == result:
                return 0
    except OSError:
        pass
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    tmp = out + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(result)
    os.replace(tmp, out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
