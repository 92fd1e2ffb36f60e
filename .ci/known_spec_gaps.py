#!/usr/bin/env python3
"""Judges a conformance report: every chapter must pass except the spec gaps listed here.

Each gap is written up in DIFFERENCES.md ("Conformance stories") with the evidence that the
API specification, not the server, is behind real ml-commons 3.3.
"""
import json
import sys

# (story path suffix, chapter title, text the failure message must contain)
KNOWN_SPEC_GAPS = [
    ("memory/message/get.yaml", "Get a message by ID.", "'updated_time' was unexpected"),
    ("memory/messages/get_all.yaml", "Get all messages (Initial Page).", "'updated_time' was unexpected"),
    ("memory/messages/get_all.yaml", "Get all messages (Subsequent Page).", "'updated_time' was unexpected"),
]


def main(path):
    with open(path) as handle:
        stories = json.load(handle)
    passed = failed = 0
    unexpected = []
    for story in stories:
        for section in ("prologues", "chapters", "epilogues"):
            for step in story.get(section, []):
                result = step.get("result")
                if result in ("PASSED", "SKIPPED") and section != "chapters":
                    continue
                if result == "PASSED":
                    passed += 1
                    continue
                messages = " | ".join(step.get("messages", []))
                known = any(
                    story["story"].endswith(suffix) and step.get("title") == title and text in messages
                    for suffix, title, text in KNOWN_SPEC_GAPS
                )
                if known:
                    print(f"known spec gap: {story['story'].split('/ml/ml/')[-1]} :: {step.get('title')}")
                    continue
                failed += 1
                unexpected.append(f"{story['story']} :: {section} :: {step.get('title')} :: {result} :: {messages}")
    for line in unexpected:
        print(f"UNEXPECTED: {line}")
    print(f"conformance: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
