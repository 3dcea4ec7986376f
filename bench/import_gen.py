#!/usr/bin/env python3
"""Writes N synthetic referrals as CSV (the batch intake format of SPEC.md).

Personal numbers are synthetic only (month + 80, the tax authority's test
register), with valid control digits; every row is a distinct person.
Usage: import_gen.py N FILE
"""
import sys

W1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
W2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
TYPES = ("fastlege", "sykehus", "kommunal_tjeneste", "nav", "skole", "parorende", "bruker", "barnehage", "annen")
NEEDS = ("Trenger koordinering av tjenester",
         "Mange innleggelser siste halvår, bor alene",
         "Familien har kontakt med skole, barnevern og BUP; ønsker \"én dør inn\"",
         "Psykisk helse og rus, uten fast bolig, ønsker hjelp med bolig og arbeid",
         "Skrøpelig, flere fall; pårørende er slitne")


def people():
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


def main():
    n = int(sys.argv[1])
    with open(sys.argv[2], "w", encoding="utf-8", newline="") as out:
        out.write("external_id,fnr,name,reporter_type,reporter_name,received,need\r\n")
        for i, fnr in enumerate(people()):
            if i >= n:
                break
            need = NEEDS[i % len(NEEDS)]
            if '"' in need or ',' in need:
                need = '"' + need.replace('"', '""') + '"'
            month = 1 + i % 10
            day = 1 + i % 28
            out.write(f"EXT-{i:08},{fnr},Person {i},{TYPES[i % len(TYPES)]},Melder {i % 97},"
                      f"2026-{month:02}-{day:02},{need}\r\n")


if __name__ == "__main__":
    main()
