"""Write ``knowledge/centros_poblados.yaml`` from the INEI list of centros poblados.

    python scripts/make_localities.py [../shared/reference/puno_centros_poblados.csv]

The reference list (INEI, Censos Nacionales 2017; see ``SOURCES.md`` beside it) has one row
per centro poblado: district ubigeo, name in capitals, coordinates. The bot needs only the
names by district, in the form people write them: "UROS CHULLUNI (ORCONPLAYA)" gives
"Uros Chulluni" and "Orconplaya"; "WILUYO - SALCEDO" gives "Wiluyo - Salcedo" and "Salcedo";
"ISLA SUASI" gives "Isla Suasi" and "Suasi"; "LUQUINA CHICO" gives "Luquina Chico" and
"Luquina" (people leave out the part's word: Chico, Grande, Alto, Bajo...).
Names that are a district's own name or capital are left out (the bot knows them already),
and so are names of fewer than four letters.
"""

from __future__ import annotations

import csv
import re
import sys
from array import array
from collections import defaultdict
from pathlib import Path

from bot.core.common_words import is_common, read_common_words
from bot.core.text import normalize

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "reference" / "puno_centros_poblados.csv"
OUT = ROOT / "knowledge" / "centros_poblados.yaml"
SEPARATOR = "|"  # one line per district: the names, separated by "|"
SMALL_WORDS = {"De", "Del", "La", "Las", "Los", "El", "Y", "E"}
# the last word that names a part of a place: "Luquina Chico" is also said "Luquina"
PART_WORDS = {
    "CHICO",
    "CHICA",
    "GRANDE",
    "ALTO",
    "ALTA",
    "BAJO",
    "BAJA",
    "CENTRO",
    "I",
    "II",
    "III",
}

HEADER = """\
# CENTROS POBLADOS del departamento, por distrito (ubigeo del INEI): el bot los reconoce
# en los mensajes ("vivo en la comunidad de Copani") y responde por su distrito y provincia.
#
# ARCHIVO GENERADO: no lo edite a mano. Se escribe con
#     python scripts/make_localities.py ../shared/reference/puno_centros_poblados.csv
# desde la lista del INEI (Censos Nacionales 2017, 9 372 centros poblados de Puno; ver
# SOURCES.md junto a esa lista). Los barrios de las ciudades están en barrios.yaml.
# Un nombre entre paréntesis en la lista es otro nombre del mismo lugar; "X - Y" da también Y;
# "Isla X" da también X; "X Chico", "X Grande", "X Alto"... dan también X.
# Cada distrito es una línea: sus centros poblados separados por "|". En "urban", los que el
# INEI cuenta como urbanos: si un nombre está en varios distritos, se prefiere el urbano.

source: >-
  INEI, Censos Nacionales 2017: Directorio de centros poblados (paquete ubigeo de
  J. Castagnetto, MIT)
districts:
"""


def title(name: str) -> str:
    words = [w.capitalize() for w in name.split()]
    return " ".join(w if i == 0 or w not in SMALL_WORDS else w.lower() for i, w in enumerate(words))


def names(raw: str, common: array[int], districts: set[str]) -> list[str]:
    """The name and its other names: "(...)" is another name, "X - Y" also gives Y, "X Chico"
    also gives X unless X is a common word ("Puerto Arturo Chico" is not "Puerto") or a
    district's name ("Vilque Chico" is not the district Vilque)."""
    found = []
    inside = re.findall(r"\(([^)]*)\)", raw)
    main = re.sub(r"\([^)]*\)", " ", raw)
    found.append(main)
    found += inside
    if " - " in main:
        found.append(main.split(" - ")[-1])
    if main.startswith("ISLA "):
        found.append(main[len("ISLA ") :])
    head, _, last = main.strip().rpartition(" ")
    folded = normalize(head)
    if head and last in PART_WORDS and not is_common(common, folded) and folded not in districts:
        found.append(head)
    cleaned = [" ".join(n.replace(",", " ").split()) for n in found]
    return [title(n) for n in cleaned if sum(c.isalpha() for c in n) >= 4]


def main(argv: list[str]) -> int:
    source = Path(argv[1]) if len(argv) > 1 else DEFAULT
    by_district: dict[str, dict[str, None]] = defaultdict(dict)
    urban: dict[str, dict[str, None]] = defaultdict(dict)
    capitals: dict[str, set[str]] = defaultdict(set)
    common = read_common_words(ROOT / "knowledge")
    with source.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        capitals[row["ubigeo"]].add(row["district"].upper())
    districts = {normalize(row["district"]) for row in rows}
    for row in rows:
        for name in names(row["name"], common, districts):
            if name.upper() not in capitals[row["ubigeo"]]:
                by_district[row["ubigeo"]][name] = None
                if row["kind"] == "urbano":
                    urban[row["ubigeo"]][name] = None
    lines = [HEADER]
    for ubigeo in sorted(by_district):
        lines.append(f'  "{ubigeo}": "{SEPARATOR.join(by_district[ubigeo])}"\n')
    lines.append("urban:\n")
    for ubigeo in sorted(urban):
        lines.append(f'  "{ubigeo}": "{SEPARATOR.join(urban[ubigeo])}"\n')
    OUT.write_text("".join(lines), encoding="utf-8")
    total = sum(len(v) for v in by_district.values())
    print(f"{OUT.name}: {total} nombres en {len(by_district)} distritos (de {len(rows)} filas)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
