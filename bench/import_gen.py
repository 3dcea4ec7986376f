#!/usr/bin/env python3
"""Writes N synthetic referrals as CSV (the batch intake format of SPEC.md),
shaped like a real batch: rows in random order (personal numbers, dates and
reporters shuffled, not day after day) and some persons recurring (by
default 3 % of the rows name a person who has another row in the batch).

Personal numbers are synthetic only (month + 80, the tax authority's test
register), with valid control digits. The output is the same for the same
arguments (a fixed seed).

Usage: import_gen.py N FILE [--recurring PERCENT] [--ordered] [--seed S]
  --ordered   the old near-order file (one person per row, day after day),
              kept to show what order does to an index
"""
import argparse
import random

W1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
W2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
TYPES = ("fastlege", "sykehus", "kommunal_tjeneste", "nav", "skole", "parorende", "bruker", "barnehage", "annen")
NEEDS = ("Trenger koordinering av tjenester",
         "Mange innleggelser siste halvår, bor alene",
         "Familien har kontakt med skole, barnevern og BUP; ønsker \"én dør inn\"",
         "Psykisk helse og rus, uten fast bolig, ønsker hjelp med bolig og arbeid",
         "Skrøpelig, flere fall; pårørende er slitne")
GIVEN = ("Per", "Kari", "Ola", "Ingrid", "Åse", "Bjørn", "Sølvi", "Øystein", "Mette", "Nils", "Hanne", "Jørgen")
FAMILY = ("Hansen", "Johansen", "Olsen", "Larsen", "Berg", "Dahl", "Lie", "Moe", "Haugen", "Sæther", "Østby", "Kvåle")


def people():
    """Every valid synthetic fødselsnummer, born 1930-2024, in date order."""
    for year in range(1930, 2025):
        century_ok = range(100, 500) if year < 2000 else range(500, 1000)
        for individual in century_ok:
            for month in range(1, 13):
                for day in range(1, 29):
                    nine = f"{day:02}{month + 80:02}{year % 100:02}{individual:03}"
                    s = sum(int(nine[i]) * W1[i] for i in range(9))
                    k1 = (11 - s % 11) % 11
                    if k1 == 10:
                        continue
                    ten = nine + str(k1)
                    s = sum(int(ten[i]) * W2[i] for i in range(10))
                    k2 = (11 - s % 11) % 11
                    if k2 == 10:
                        continue
                    yield ten + str(k2)


def quoted(text):
    return '"' + text.replace('"', '""') + '"' if '"' in text or ',' in text else text


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("file")
    ap.add_argument("--recurring", type=float, default=3.0)
    ap.add_argument("--ordered", action="store_true")
    ap.add_argument("--seed", type=int, default=20261129)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    n = args.n
    if args.ordered:
        persons, picks = [], None
        for i, fnr in enumerate(people()):
            if i >= n:
                break
            persons.append(fnr)
        order = list(range(n))
    else:
        recurring = int(n * args.recurring / 100)
        distinct = n - recurring
        # Persons drawn from the whole register, not its first numbers.
        pool = []
        for fnr in people():
            pool.append(fnr)
            if len(pool) >= distinct * 4:
                break
        persons = rng.sample(pool, distinct)
        del pool
        # Each recurring row names a person who already has a row.
        picks = persons + [persons[rng.randrange(distinct)] for _ in range(recurring)]
        rng.shuffle(picks)
        persons = picks
        order = None
    names = {}
    with open(args.file, "w", encoding="utf-8", newline="") as out:
        out.write("external_id,fnr,name,reporter_type,reporter_name,received,need\r\n")
        for i in range(n):
            fnr = persons[i]
            if args.ordered:
                month, day = 1 + i % 10, 1 + i % 28
                name = f"Person {i}"
                rtype, need = TYPES[i % len(TYPES)], NEEDS[i % len(NEEDS)]
                reporter = f"Melder {i % 97}"
            else:
                month, day = rng.randint(1, 10), rng.randint(1, 28)
                name = names.get(fnr)
                if name is None:
                    name = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
                    names[fnr] = name
                rtype, need = rng.choice(TYPES), rng.choice(NEEDS)
                reporter = f"Melder {rng.randrange(97)}"
            # External ids are unique but not in file order either.
            ext = f"EXT-{(i * 7919 + 13) % (10 * n):09}" if not args.ordered else f"EXT-{i:08}"
            out.write(f"{ext},{fnr},{name},{rtype},{reporter},2026-{month:02}-{day:02},{quoted(need)}\r\n")


if __name__ == "__main__":
    main()
