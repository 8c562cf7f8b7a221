#!/usr/bin/env python3
"""Module import cycles in src/: which modules refer to which, and the
strongly connected components of that graph (each one is a cycle).

Two levels: top-level modules (api, web, store, ...) and the files inside
one top-level module (store::answers -> store::workflow). A reference is
any `crate::a::b` path or, inside a module, `super::x`; `use` lists with
braces are expanded. Test modules (`#[cfg(test)]` files named tests.rs or
*_tests.rs) are skipped: a test may reach anywhere.

    python3 scripts/module_cycles.py [src]
"""
import os
import re
import sys
from collections import defaultdict

ROOT = sys.argv[1] if len(sys.argv) > 1 else "src"


def module_of(path):
    rel = os.path.relpath(path, ROOT)[:-3].split(os.sep)
    if rel[-1] in ("mod", "lib", "main"):
        rel = rel[:-1]
    return rel


def strip_tests(text):
    # Cut `#[cfg(test)] mod tests { ... }` at the end of a file (the house
    # puts them last).
    m = re.search(r"#\[cfg\(test\)\]\s*mod \w+\s*\{", text)
    return text[: m.start()] if m else text


def expand_use(text):
    # crate::{a::x, b} -> crate::a::x crate::b (one level of braces is
    # enough to name the module referred to).
    out = []
    for m in re.finditer(r"(crate|super)::\{([^}]*)\}", text, re.S):
        for part in m.group(2).split(","):
            part = part.strip()
            if part:
                out.append(f"{m.group(1)}::{part}")
    return out


def refs(text):
    found = re.findall(r"\b((?:crate|super)(?:::\w+)+)", text)
    return found + expand_use(text)


def scc(graph):
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in list(graph):
        if v not in index:
            visit(v)
    return out


def main():
    top = defaultdict(set)
    inner = defaultdict(lambda: defaultdict(set))
    files = []
    for d, _, names in os.walk(ROOT):
        for n in names:
            if n.endswith(".rs") and n != "tests.rs" and not n.endswith("_tests.rs"):
                files.append(os.path.join(d, n))
    for f in files:
        mod = module_of(f)
        if not mod:
            continue
        text = strip_tests(open(f, encoding="utf-8").read())
        for r in refs(text):
            parts = r.split("::")
            if parts[0] == "super":
                # super:: inside a/b.rs means a; inside a/mod.rs means crate.
                base = mod[:-1] if not f.endswith("mod.rs") else mod[:-1]
                target = base + parts[1:]
            else:
                target = parts[1:]
            if not target:
                continue
            top[mod[0]]
            if target[0] != mod[0]:
                top[mod[0]].add(target[0])
                top[target[0]]
            elif len(mod) > 1 and len(target) > 1 and target[1] != mod[1]:
                g = inner[mod[0]]
                g[mod[1]].add(target[1])
                g[target[1]]
    cycles = [("crate", c) for c in scc(top)]
    for name, g in sorted(inner.items()):
        cycles += [(name, c) for c in scc(g)]
    for where, comp in cycles:
        print(f"{where}: " + " <-> ".join(comp))
    print(f"{len(cycles)} cycle(s)")


main()
