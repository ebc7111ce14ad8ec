"""Writes gold.jsonl: five Norwegian (Bokmål) news texts written for claimledger's tests, annotated by hand.

The texts are our own (no outlet's copy), in the register of NTB and NRK wire copy; the
annotations follow ../../../../shared/eval/FORMAT.md. Run it after editing the list below.
"""

import json
from pathlib import Path

A = lambda source, cue, content, certainty="asserted", anonymous=False: {  # noqa: E731
    "source": source, "cue": cue, "content": content, "certainty": certainty, "anonymous": anonymous}
Q = lambda text, value, approx="exact", counted=None: {  # noqa: E731
    "text": text, "value": value, "approx": approx, "counted": counted}

DOCS = [
    {"id": "no-own-01", "published": "2025-02-03",
     "text": ("Russland har flyttet flere soldater til grensen mot Finland, ifølge finske myndigheter.\n\n"
              "Den finske grensevakten opplyser at rundt 2 000 soldater er samlet i området. "
              "Kreml avviser opplysningene.\n\n"
              "– Vi følger situasjonen tett, sier forsvarsminister Antti Häkkänen til NTB."),
     "attributions": [A("finske myndigheter", "ifølge", "Russland har flyttet flere soldater til grensen mot Finland"),
                      A("Den finske grensevakten", "opplyser", "rundt 2 000 soldater er samlet i området"),
                      A("Kreml", "avviser", "opplysningene", "denied"),
                      A("forsvarsminister Antti Häkkänen", "sier", "Vi følger situasjonen tett")],
     "quantities": [Q("rundt 2 000", 2000, "about", "soldater")]},
    {"id": "no-own-02", "published": "2025-03-11",
     "text": ("Minst 14 personer ble drept i et droneangrep mot Odesa natt til tirsdag, "
              "opplyser ukrainske myndigheter.\n\n"
              "Ifølge guvernøren ble over 40 personer skadd. Det fryktes at dødstallet vil stige.\n\n"
              "Russlands forsvarsdepartement hevder at angrepet rettet seg mot militære mål."),
     "attributions": [A("ukrainske myndigheter", "opplyser",
                        "Minst 14 personer ble drept i et droneangrep mot Odesa natt til tirsdag"),
                      A("guvernøren", "Ifølge", "ble over 40 personer skadd"),
                      A(None, "fryktes", "Det fryktes at dødstallet vil stige", "estimated", True),
                      A("Russlands forsvarsdepartement", "hevder", "angrepet rettet seg mot militære mål", "alleged")],
     "quantities": [Q("Minst 14", 14, "over", "personer"), Q("over 40", 40, "over", "personer")]},
    {"id": "no-own-03", "published": "2025-01-20",
     "text": ("Politiet i Oslo har pågrepet tre personer etter skyteepisoden på Grønland søndag kveld.\n\n"
              "Politiet opplyser at en mann i 30-årene ble alvorlig skadd. "
              "Ifølge VG skal de pågrepne være kjent for politiet fra før.\n\n"
              "Operasjonsleder Rune Hekkelstrand sier at det ikke er fare for andre."),
     "attributions": [A("Politiet", "opplyser", "en mann i 30-årene ble alvorlig skadd"),
                      A("VG", "Ifølge", "skal de pågrepne være kjent for politiet fra før", "reported"),
                      A("Operasjonsleder Rune Hekkelstrand", "sier", "det ikke er fare for andre")],
     "quantities": [Q("tre", 3, "exact", "personer")]},
    {"id": "no-own-04", "published": "2025-04-02",
     "text": ("Regjeringen vil bruke 5,5 milliarder kroner på ny luftvern, skriver NTB.\n\n"
              "Statsminister Jonas Gahr Støre sier at pengene skal brukes over fem år. "
              "Forsvarssjefen mener at Norge trenger minst tre nye systemer.\n\n"
              "Ifølge opplysninger fra departementet er avtalen ennå ikke signert."),
     "attributions": [A("NTB", "skriver", "Regjeringen vil bruke 5,5 milliarder kroner på ny luftvern"),
                      A("Statsminister Jonas Gahr Støre", "sier", "pengene skal brukes over fem år"),
                      A("Forsvarssjefen", "mener", "Norge trenger minst tre nye systemer", "estimated"),
                      A("departementet", "Ifølge", "er avtalen ennå ikke signert", "reported")],
     "quantities": [Q("5,5 milliarder", 5500000000, "exact", "kroner"), Q("fem", 5, "exact", "år"),
                    Q("minst tre", 3, "over", "nye systemer")]},
    {"id": "no-own-05", "published": "2025-05-14",
     "text": ("Et tankskip som mistenkes for å ha skadet en undersjøisk kabel i Østersjøen, "
              "er blitt stanset av svensk kystvakt.\n\n"
              "Kystvakten bekrefter at skipet ligger ved anker utenfor Gotland. "
              "Rederiet benekter at skipet har skadet kabelen.\n\n"
              "Ifølge Reuters er det andre gang på tre måneder at en kabel i området blir skadet."),
     "attributions": [A(None, "mistenkes", "å ha skadet en undersjøisk kabel i Østersjøen", "estimated", True),
                      A("Kystvakten", "bekrefter", "skipet ligger ved anker utenfor Gotland", "confirmed"),
                      A("Rederiet", "benekter", "skipet har skadet kabelen", "denied"),
                      A("Reuters", "Ifølge", "er det andre gang på tre måneder at en kabel i området blir skadet")],
     "quantities": [Q("tre", 3, "exact", "måneder")]},
]

if __name__ == "__main__":
    out = Path(__file__).with_name("gold.jsonl")
    with out.open("w", encoding="utf-8") as f:
        for d in DOCS:
            f.write(json.dumps({"lang": "no", **d}, ensure_ascii=False) + "\n")
    print(f"wrote {len(DOCS)} articles to {out}")
