#!/usr/bin/env python3
"""The PostgreSQL server's own floor for a first import: its rows copied inside the server, nothing sent.

    python3 bench/import_floor.py [--db parley_import] [--without-derived-keys]

Run it on the database that `bench/import.sh pg N` leaves behind (one first import of N statements, then the same
document twice, which changes nothing). In one transaction that is rolled back, every row the first import wrote for
events and statements (their links, stored documents, word-index entries and history) is inserted again under new ids
by `insert ... select` from the rows already there, in the import's order and with every index, constraint and foreign
key in place (the tables are vacuumed first, so that runs one after the other measure the same). No client builds, parses or sends anything, so the total is the least time the server can take to write
that import, whatever Parley does. Prints the milliseconds of each table and the total, and statements/s at that floor.

--without-derived-keys drops, inside the same transaction, the foreign keys of the tables that only Parley writes from
other rows (stored documents, and every history table's key to its revision), to measure what they cost.
Needs psql on PATH; standard library only.
"""
import argparse
import re
import subprocess

SHIFT = 10_000_000  # new ids above every id the import gave
# The tables a first import writes for its events and statements, parents first, history last as the import does.
TABLES = ["event", "event_participant", "event_topic", "event_country", "event_source", "event_stems", "event_doc",
          "event_subject_country", "statement", "statement_topic", "statement_doc", "statement_csv",
          "event_aud", "event_participant_aud", "event_topic_aud", "event_source_aud", "statement_aud",
          "statement_topic_aud"]
DERIVED = ("statement_doc", "statement_csv", "event_doc", "event_full_doc")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="parley_import")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--user", default="postgres")
    parser.add_argument("--without-derived-keys", action="store_true")
    args = parser.parse_args()

    psql = ["psql", "-h", args.host, "-U", args.user, "-d", args.db]

    def query(sql):
        return subprocess.run(psql + ["-Atc", sql], check=True, capture_output=True, text=True).stdout.split()

    # the dead rows an earlier run of this script left (it rolls back) would slow this one's index writes
    subprocess.run(psql + ["-qc", "vacuum " + ", ".join(TABLES)], check=True)
    # the revision of the first import: the one with the most statements
    revision = query("select rev from statement_aud group by rev order by count(*) desc limit 1")[0]
    statements = int(query(f"select count(*) from statement_aud where rev = {revision}")[0])
    script = ["\\set ON_ERROR_STOP 1", "\\timing on", "begin;"]
    if args.without_derived_keys:
        for line in query("select conrelid::regclass || ':' || conname from pg_constraint where contype = 'f' and"
                          " (conrelid::regclass::text like '%\\_aud' or conrelid::regclass::text in"
                          f" ({', '.join(repr(t) for t in DERIVED)}))"):
            table, name = line.split(":")
            script.append(f"alter table {table} drop constraint {name};")
    script.append("insert into revinfo (rev, revtstmp, editor) select max(rev) + 1, 0, 'floor' from revinfo;")
    for table in TABLES:
        columns = query(f"select column_name from information_schema.columns where table_name = '{table}'"
                        " order by ordinal_position")
        values = []
        for column in columns:
            if column in ("id", "event_id", "statement_id"):
                values.append(f"{column} + {SHIFT}")
            elif column == "external_id":
                values.append(f"{column} || '-floor'")
            elif column == "rev":
                values.append("(select max(rev) from revinfo)")
            else:
                values.append(column)
        rows = f"rev = {revision}" if table.endswith("_aud") else "true"
        script.append(f"\\echo {table}")
        script.append(f"insert into {table} ({', '.join(columns)}) select {', '.join(values)} from {table}"
                      f" where {rows};")
    script.append("rollback;")
    out = subprocess.run(psql, input="\n".join(script), check=True, capture_output=True, text=True).stdout
    table, total = None, 0.0
    print(f"{'table':24} {'rows':>9} {'ms':>9}")
    for line in out.splitlines():
        if line in TABLES:
            table = line
        elif line.startswith("INSERT") and table:
            rows = int(line.split()[2])
        elif line.startswith("Time:") and table:
            took = float(re.match(r"Time: ([0-9.]+) ms", line).group(1))
            total += took
            print(f"{table:24} {rows:9,} {took:9.1f}")
            table = None
    print(f"{'total':24} {'':9} {total:9.1f}   {statements} statements: {statements / total * 1000:,.0f}/s at this floor")


if __name__ == "__main__":
    main()
