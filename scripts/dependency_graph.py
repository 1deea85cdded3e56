#!/usr/bin/env python3
"""The library's stage folders as a dependency graph: folders are nodes, and an edge A -> B
means a Swift file in folder A names a type, protocol, enum or top-level function declared in
folder B. Prints the edges and any cycle between folders; exits 1 when there is a cycle.

    python3 scripts/dependency_graph.py            # Sources/Winnow, first-level folders
    python3 scripts/dependency_graph.py --dot      # the same graph in Graphviz form

A lexical reading, not a compiler's: comments and string literals are stripped, then every
identifier is looked up among the declared names. Names declared in two folders (an extension
is not a declaration) are ambiguous and skipped.
"""

import argparse
import collections
import os
import re
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LIBRARY = os.path.join(REPO, "Sources", "Winnow")
# Top-level declarations only: a nested type (`InputFailure.Code`) is reached through its
# outer one, and a method name says nothing about folders.
DECLARATION = re.compile(
    r"^(?:(?:public|internal|package|fileprivate|private|final|indirect|@\w+(?:\([^)]*\))?)\s+)*"
    r"(?:struct|class|enum|protocol|actor|typealias|func)\s+([A-Za-z_]\w*)",
    re.M,
)
IDENTIFIER = re.compile(r"\b[A-Za-z_]\w*\b")
COMMENT_OR_STRING = re.compile(r'//[^\n]*|/\*.*?\*/|"""(?:.|\n)*?"""|"(?:\\.|[^"\\\n])*"', re.S)


def folder_files():
    for folder in sorted(os.listdir(LIBRARY)):
        path = os.path.join(LIBRARY, folder)
        if not os.path.isdir(path):
            continue
        for root, _, names in os.walk(path):
            for name in sorted(names):
                if name.endswith(".swift"):
                    yield folder, os.path.join(root, name)


def read_code(path):
    with open(path, encoding="utf-8") as handle:
        return COMMENT_OR_STRING.sub(" ", handle.read())


def graph():
    code = [(folder, read_code(path)) for folder, path in folder_files()]
    owners = collections.defaultdict(set)
    for folder, text in code:
        for name in DECLARATION.findall(text):
            owners[name].add(folder)
    edges = collections.defaultdict(lambda: collections.defaultdict(set))
    for folder, text in code:
        for name in set(IDENTIFIER.findall(text)):
            homes = owners.get(name)
            if homes and len(homes) == 1:
                (home,) = homes
                if home != folder:
                    edges[folder][home].add(name)
    return edges


def cycles(edges):
    """Strongly connected components of more than one folder (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []
    counter = [0]

    def visit(node):
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for target in sorted(edges.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(set(edges) | {t for targets in edges.values() for t in targets}):
        if node not in index:
            visit(node)
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dot", action="store_true", help="print Graphviz instead")
    parser.add_argument("--why", action="store_true", help="name the types behind each edge")
    args = parser.parse_args()
    edges = graph()
    if args.dot:
        print("digraph winnow {")
        for source in sorted(edges):
            for target in sorted(edges[source]):
                print(f'  "{source}" -> "{target}";')
        print("}")
    else:
        for source in sorted(edges):
            print(f"{source:<12} -> {', '.join(sorted(edges[source]))}")
            if args.why:
                for target in sorted(edges[source]):
                    print(f"{'':<15}{target}: {', '.join(sorted(edges[source][target]))}")
    found = cycles(edges)
    for component in found:
        print("cycle:", " <-> ".join(component), file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
