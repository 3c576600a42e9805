#!/usr/bin/env python3
"""Writes a bulk-import document (POST /api/v1/import) of generated records, reproducibly (a seed parameter).

    python3 bench/import_doc.py --statements 100000 --seed 7 --out /tmp/import-100k.json [--ndjson]

Per 10 statements: one event between two or three of the participants, with 1 to 3 topics and a source.
Participants (one per 100 statements, at least 20) have an externalId, every third a Wikidata id too; topics
(one per 1,000 statements, at least 10). Statement texts come from the sentence vocabulary of generate.py
(French, English, Russian, Spanish, German, Portuguese, Italian with English translations). Keys carry the
seed, so documents of different seeds do not overlap.
"""
import argparse
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import generate  # noqa: E402  (the vocabulary of the bulk-load generator)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--statements", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", required=True)
    ap.add_argument("--ndjson", action="store_true", help="one record per line, with its collection")
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    tag = f"imp{args.seed}"
    n_events = max(1, args.statements // 10)
    n_people = max(20, args.statements // 100)
    n_topics = max(10, args.statements // 1000)
    langs = [l for l, _ in generate.LANG_WEIGHTS]
    weights = [w for _, w in generate.LANG_WEIGHTS]

    def sentence(lang):
        words = generate.LANG[lang]
        parts = [rnd.choice(words[k]) for k in ("subj", "verb", "noun", "adj", "conj", "noun")]
        text = " ".join(p[0] for p in parts) + "."
        return text, (None if lang == "en" else " ".join(p[1] for p in parts) + ".")

    countries = generate.TOP_COUNTRIES
    participants = []
    for i in range(n_people):
        p = {"externalId": f"{tag}-p{i}", "name": f"{rnd.choice(generate.FIRST_NAMES)} "
             f"{rnd.choice(generate.LAST_NAMES)} {tag}-{i}", "kind": "PERSON", "country": rnd.choice(countries),
             "title": rnd.choice(generate.TITLES)}
        if i % 3 == 0:
            p["wikidataId"] = f"Q{900_000_000 + args.seed * 1_000_000 + i}"
        participants.append(p)
    topics = [{"slug": f"{tag}-topic-{i}", "name": f"Topic {i} of {tag}"} for i in range(n_topics)]
    events, statements = [], []
    per_event = [args.statements // n_events] * n_events
    for i in range(args.statements - sum(per_event)):
        per_event[i] += 1
    types = list(generate.EVENT_TYPES)
    for e in range(n_events):
        people = rnd.sample(range(n_people), rnd.choice((2, 2, 3)))
        key = f"{tag}-e{e}"
        url = f"https://example.org/{tag}/{e}"
        events.append({
            "externalId": key, "title": f"Entretien {tag} {e}", "type": rnd.choice(types),
            "date": f"{rnd.randint(1990, 2025)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}",
            "participants": [{"participant": participants[p]["externalId"], "role": participants[p]["title"]}
                             for p in people],
            "topics": [topics[t]["slug"] for t in rnd.sample(range(n_topics), rnd.randint(1, 3))],
            "sources": [{"url": url, "publisher": "Xinhua", "language": "fr"}]})
        for k in range(per_event[e]):
            lang = rnd.choices(langs, weights)[0]
            text, translation = sentence(lang)
            speaker = participants[rnd.choice(people)]
            s = {"event": key, "position": k + 1,
                 "speaker": speaker.get("wikidataId") if k % 4 == 3 and "wikidataId" in speaker
                 else speaker["externalId"],
                 "text": text, "language": lang, "kind": rnd.choice(("REPORTED", "DIRECT_QUOTE")),
                 "topics": [rnd.choice(events[-1]["topics"])], "sourceUrl": url}
            if translation:
                s["translation"] = translation
            statements.append(s)
    document = {"participants": participants, "topics": topics, "events": events, "statements": statements}
    with open(args.out, "w", encoding="utf-8") as out:
        if args.ndjson:
            for collection, items in document.items():
                for item in items:
                    out.write(json.dumps({"collection": collection, **item}, ensure_ascii=False) + "\n")
        else:
            json.dump(document, out, ensure_ascii=False)
    print(f"{args.out}: {len(participants)} participants, {len(topics)} topics, {len(events)} events, "
          f"{len(statements)} statements, {os.path.getsize(args.out) / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
