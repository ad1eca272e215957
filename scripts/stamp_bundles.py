#!/usr/bin/env python3
"""Stamps the page bundles' URLs with their content (a Trunk post_build hook).

The page bundles (page-<page>.js and page-<page>_bg.wasm, see index.html) keep fixed
names, so a browser could pair a cached old script with a new wasm after a deploy.
This replaces the loader's `const build = "dev";` in the staged index.html with a hash
of every bundle file, which the loader appends to both URLs (`?v=<hash>`): a new build
is a new URL, an unchanged one stays cached.

Usage: scripts/stamp_bundles.py [DIR]  (default: $TRUNK_STAGING_DIR)
"""

import hashlib
import os
import sys


def main() -> int:
    folder = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("TRUNK_STAGING_DIR", "")
    if not folder:
        print("stamp_bundles: no folder (pass one or run as a Trunk hook)", file=sys.stderr)
        return 2
    digest = hashlib.sha256()
    names = sorted(n for n in os.listdir(folder) if n.startswith("page-"))
    for name in names:
        with open(os.path.join(folder, name), "rb") as f:
            digest.update(name.encode() + b"\0" + f.read())
    index = os.path.join(folder, "index.html")
    with open(index, encoding="utf-8") as f:
        text = f.read()
    placeholder = 'const build = "dev";'
    if placeholder not in text:
        print("stamp_bundles: index.html has no build placeholder", file=sys.stderr)
        return 1
    text = text.replace(placeholder, f'const build = "{digest.hexdigest()[:16]}";')
    with open(index, "w", encoding="utf-8") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
