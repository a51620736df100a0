#!/usr/bin/env python3
"""Kring's catalogue check.

Lists every msgid the program uses (Dutch, the source language) by reading
its C sources: the words given to tr(), ui_tr() and the PDF's T(), the reasons given to
invalid(), gap() and print_said(), every string marked N_() in a table, and
the singular and plural given to trn(). Then checks each catalogue in
assets/po/: a msgid the program uses and the catalogue lacks (or leaves
untranslated), or one it has and the program no longer uses, is an error;
so is a plural word without msgid_plural or without every form the
catalogue's Plural-Forms counts.

    python3 assets/po/msgids.py            check every catalogue
    python3 assets/po/msgids.py --list     print the msgids, one per line
"""
import glob
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
STRING = r'"(?:[^"\\\n]|\\.)*"'
STRINGS = r'((?:%s\s*)+)' % STRING
CALLS = [
    r'\btr\(\s*[^,()]+,\s*' + STRINGS,
    r'\bui_tr\(\s*[^,()]+,\s*' + STRINGS,
    r'\bN_\(\s*' + STRINGS,
    r'\bT\(\s*d,\s*' + STRINGS,  # the printed plan's words (export/pdf.c)
    r'\binvalid\(\s*[^,()]+,\s*' + STRINGS,
    r'\bgap\(\s*[^,]+,[^;]*?,\s*' + STRINGS + r'\)',
    r'\bprint_said\(\s*[^,()]+,\s*[^,()]+,\s*' + STRINGS,
    # either of two words: tr(c, a ? "..." : "...")
    r'\b(?:ui_)?tr\(\s*[^,()]+,\s*[^,;"]*\?\s*' + STRINGS,
    r'\b(?:ui_)?tr\(\s*[^,()]+,\s*[^,;"]*\?\s*' + STRING + r'\s*:\s*' + STRINGS,
]


def unescape(lit):
    out = bytearray()
    for part in re.findall(STRING, lit):
        body = part[1:-1]
        i = 0
        while i < len(body):
            c = body[i]
            if c != '\\':
                out += c.encode()
                i += 1
                continue
            e = body[i + 1]
            if e == 'x':
                j = i + 2
                while j < len(body) and j < i + 4 and body[j] in '0123456789abcdefABCDEF':
                    j += 1
                out.append(int(body[i + 2:j], 16))
                i = j
            else:
                out += {'n': b'\n', 't': b'\t', '"': b'"', '\\': b'\\', "'": b"'"}.get(e, e.encode())
                i += 2
    return out.decode('utf-8')


PLURAL = r'\btrn\(\s*[^,()]+,\s*' + STRINGS + r',\s*' + STRINGS + r','


def used(plurals=None):
    ids = set()
    for path in glob.glob(os.path.join(ROOT, 'app', '**', '*.c'), recursive=True):
        if path.endswith('bench.c'):
            continue
        src = open(path, encoding='utf-8').read()
        src = re.sub(r'/\*.*?\*/', lambda m: ' ' * len(m.group(0)), src, flags=re.S)
        for pattern in CALLS:
            for m in re.finditer(pattern, src, flags=re.S):
                text = unescape(m.group(1))
                if text:
                    ids.add(text)
        for m in re.finditer(PLURAL, src, flags=re.S):
            ids.add(unescape(m.group(1)))
            if plurals is not None:
                plurals[unescape(m.group(1))] = unescape(m.group(2))
    return ids


def po_unescape(s):
    return s.encode().decode('unicode_escape').encode('latin-1').decode('utf-8')


PO_STRINGS = r'((?:"(?:[^"\\]|\\.)*"\s*)+)'


def po_text(group):
    return po_unescape(''.join(re.findall(r'"((?:[^"\\]|\\.)*)"', group)))


def catalogue(path):
    """{msgid: msgstr}, {msgid: (msgid_plural, [forms])}, nplurals."""
    entries, plural_entries = {}, {}
    text = open(path, encoding='utf-8').read()
    for m in re.finditer(r'^msgid ' + PO_STRINGS + r'msgstr ' + PO_STRINGS, text, flags=re.M):
        mid = po_text(m.group(1))
        if mid:
            entries[mid] = po_text(m.group(2))
    for m in re.finditer(r'^msgid ' + PO_STRINGS + r'msgid_plural ' + PO_STRINGS +
                         r'((?:msgstr\[\d\] ' + PO_STRINGS + r')+)', text, flags=re.M):
        forms = [po_text(f) for f in re.findall(r'msgstr\[\d\] ' + PO_STRINGS, m.group(3))]
        mid = po_text(m.group(1))
        entries[mid] = forms[0]
        plural_entries[mid] = (po_text(m.group(2)), forms)
    n = re.search(r'nplurals=(\d+)', text)
    return entries, plural_entries, int(n.group(1)) if n else 2


def main():
    plurals = {}
    ids = used(plurals)
    if '--list' in sys.argv:
        for i in sorted(ids):
            print(i)
        return 0
    bad = 0
    for path in sorted(glob.glob(os.path.join(ROOT, 'assets', 'po', '*.po'))):
        name = os.path.basename(path)
        cat, plural_cat, nplurals = catalogue(path)
        for mid, plural in sorted(plurals.items()):
            if mid not in cat:
                continue
            if mid not in plural_cat:
                print('%s: not a plural entry: %s' % (name, mid))
                bad += 1
                continue
            their, forms = plural_cat[mid]
            if their != plural:
                print('%s: another msgid_plural: %s' % (name, mid))
                bad += 1
            if len(forms) != nplurals or not all(forms):
                print('%s: %d of %d plural forms: %s' % (name, sum(1 for f in forms if f),
                                                         nplurals, mid))
                bad += 1
        for mid in sorted(set(plural_cat) - set(plurals)):
            if mid in ids:
                print('%s: a plural entry for a word that has none: %s' % (name, mid))
                bad += 1
        for mid in sorted(ids - set(cat)):
            print('%s: missing: %s' % (name, mid))
            bad += 1
        for mid in sorted(i for i in ids & set(cat) if not cat[i]):
            print('%s: not translated: %s' % (name, mid))
            bad += 1
        for mid in sorted(set(cat) - ids):
            print('%s: not used by Kring: %s' % (name, mid))
            bad += 1
        print('%s: %d of %d words' % (name, len(ids & set(cat)), len(ids)))
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
