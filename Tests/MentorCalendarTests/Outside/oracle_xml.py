#!/usr/bin/env python3
"""Reads XML documents with expat (Python's pyexpat, namespaces on) and prints their events, as the
oracle for mentord's XMLEventReader (Tests/MentorCalendarTests/XMLOracle.swift).

Input, on stdin: a JSON list of documents, each base64. Output, on stdout: a JSON list with, for
each document, null when expat finds it not well-formed, else its events: ["s", namespace, local],
["t", text] (adjacent pieces joined) or ["e", namespace, local].
"""

import base64
import json
import sys
import xml.parsers.expat

SEPARATOR = "\x01"


def name(expanded):
    namespace, _, local = expanded.rpartition(SEPARATOR)
    return namespace, local


def events(document):
    found = []

    def text(data):
        if found and found[-1][0] == "t":
            found[-1][1] += data
        else:
            found.append(["t", data])

    parser = xml.parsers.expat.ParserCreate(namespace_separator=SEPARATOR)
    parser.StartElementHandler = lambda element, attributes: found.append(["s", *name(element)])
    parser.EndElementHandler = lambda element: found.append(["e", *name(element)])
    parser.CharacterDataHandler = text
    try:
        parser.Parse(document, True)
    except (xml.parsers.expat.ExpatError, LookupError):
        # LookupError: an encoding neither expat nor Python's codecs know.
        return None
    return [event for event in found if event != ["t", ""]]


def main():
    documents = json.load(sys.stdin)
    json.dump([events(base64.b64decode(document)) for document in documents], sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
