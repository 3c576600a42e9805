#!/usr/bin/env python3
"""Reproducible synthetic data for benchmarking Parley (Python 3.11, standard library only).

Writes one or more CSV files per table into an output folder, ready for bench/load.sh:

    python3 bench/generate.py --seed 42 --scale 1.0 --out /tmp/bench-csv

At scale 1: 100,000 events (1990-01-01..2025-12-31), 10,000 participants, 300 topics, ~1,000,000 statements,
but no search index: Parley indexes the loaded statements and events at its first start (org.parley.event.IndexBackfill,
with the stemmers of org.parley.search.SearchTerms), which bench/load.sh waits for.

Every generated id is above 1,000,000 so it never collides with rows Parley already holds (the seed event uses
small ids). Large tables are split into parts of at most --part-rows rows (table.000.csv, table.001.csv, ...), so
that loaders can commit as they go. A header row names the columns of each file. NULL is an empty unquoted field;
no generated text is empty. meta.json describes the ranges and the parameters run.sh uses for its queries.
"""
import argparse
import csv
import datetime as dt
import json
import os
import random
import re
import sys
import time
import unicodedata

ID_BASE = 1_000_000

# ISO 3166-1 alpha-2, as java.util.Locale.getISOCountries() lists them (Parley's CountryCodes).
ALL_COUNTRIES = """AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT
BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK
FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE
JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ
MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO
RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW
TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW""".split()

# Popularity order for the Zipf skew: the rest follow in alphabetical order.
TOP_COUNTRIES = """US CN RU FR GB DE JP IN TR IR UA IT BR SA KZ PK IL EG KR KP ES CA AU ZA MX ID PL AE QA SY VN
BY AF IQ NG ET AR VE CU SE NO FI RS HU GR PT BE NL CH AT""".split()

COUNTRY_NAMES = {
    "US": "United States", "CN": "China", "RU": "Russia", "FR": "France", "GB": "the United Kingdom",
    "DE": "Germany", "JP": "Japan", "IN": "India", "TR": "Türkiye", "IR": "Iran", "UA": "Ukraine", "IT": "Italy",
    "BR": "Brazil", "SA": "Saudi Arabia", "KZ": "Kazakhstan", "PK": "Pakistan", "IL": "Israel", "EG": "Egypt",
    "KR": "South Korea", "KP": "North Korea", "ES": "Spain", "CA": "Canada", "AU": "Australia", "ZA": "South Africa",
    "MX": "Mexico", "ID": "Indonesia", "PL": "Poland", "AE": "the United Arab Emirates", "QA": "Qatar",
}

CITIES = ["Beijing", "Moscow", "Washington", "Paris", "London", "Berlin", "Genève", "Wien", "New York", "Bruxelles",
          "Astana", "Tōkyō", "New Delhi", "Ankara", "Brasília", "São Paulo", "Ciudad de México", "Bogotá", "Québec",
          "Zürich", "München", "Sotchi", "Saint-Pétersbourg", "Tunxi", "Doha", "Riyadh", "Kyiv", "Minsk", "Roma",
          "Madrid", "Lisboa", "Helsinki", "Oslo", "Stockholm", "Kraków", "Praha", "Budapest", "Beograd", "Tbilisi"]

# type -> (weight, cameo, plover_type, plover_mode, goldstein)
EVENT_TYPES = {
    "PHONE_CALL": (25, "041", "CONSULT", "phone", 1.0),
    "VIDEO_CALL": (6, "041", "CONSULT", "phone", 1.0),
    "MEETING": (22, "044", "CONSULT", "third-party", 2.5),
    "VISIT": (12, "042", "CONSULT", "visit", 1.9),
    "SUMMIT": (5, "040", "CONSULT", "multilateral", 1.0),
    "NEGOTIATION": (7, "046", "CONSULT", None, 7.0),
    "AGREEMENT": (5, "057", "AGREE", None, 8.0),
    "JOINT_STATEMENT": (6, "019", "AGREE", None, 3.4),
    "STATEMENT": (9, "010", None, None, 0.0),
    "OTHER": (3, "040", None, None, 1.0),
}
TYPE_PHRASE = {
    "PHONE_CALL": "hold phone talks on", "VIDEO_CALL": "hold a video call on", "MEETING": "meet to discuss",
    "VISIT": "visit focuses on", "SUMMIT": "summit addresses", "NEGOTIATION": "negotiate on",
    "AGREEMENT": "sign an agreement on", "JOINT_STATEMENT": "issue a joint statement on",
    "STATEMENT": "statement on", "OTHER": "exchange views on",
}

FIRST_NAMES = ["Sergey", "Wang", "Anna", "Emmanuel", "Olaf", "María", "João", "Jürgen", "Zoë", "François", "Hélène",
               "José", "Ángel", "Çağlar", "Dmitri", "Ekaterina", "Li", "Chen", "Fatima", "Ahmed", "Yuki", "Hiroshi",
               "Priya", "Rahul", "Kwame", "Amara", "Lars", "Søren", "Ingrid", "Åsa", "Mikhail", "Olena", "Tomás",
               "Inês", "Gonçalo", "Renée", "Noël", "Björn", "Małgorzata", "Lech", "Nguyễn", "Kassym", "Ilham",
               "Recep", "Mehmet", "Aylin", "Pedro", "Lucía", "Andrés", "Camille", "Benoît", "Sébastien", "Gérard",
               "Karin", "Annalena", "Heiko", "Yasmin", "Omar", "Leila", "Nadia", "Viktor", "Péter", "Zsófia"]
LAST_NAMES = ["Lavrov", "Yi", "Müller", "Dubois", "Schröder", "García", "Gonçalves", "Pérez", "Núñez", "Øvergaard",
              "Kowalczyk", "Wiśniewski", "Novák", "Dvořák", "Horváth", "Petrović", "Đoković", "Yılmaz", "Öztürk",
              "Ivanov", "Petrova", "Smirnov", "Kuznetsova", "Zhang", "Liu", "Tanaka", "Suzuki", "Sharma", "Patel",
              "Okafor", "Mensah", "Haddad", "Khalil", "Nasser", "Johansson", "Lindqvist", "Virtanen", "Mäkinen",
              "Fernández", "Martínez", "Rodríguez", "Lefèvre", "Girard", "Mercier", "Bernard", "Weiß", "Fischer",
              "Becker", "Hoffmann", "Silva", "Araújo", "Conceição", "Smith", "Johnson", "Brown", "Taylor", "Clarke",
              "Rossi", "Esposito", "Bianchi", "Nakamura", "Kim", "Park", "Lee", "Tokayev", "Aliyev", "Papadopoulos"]
TITLES = ["Minister of Foreign Affairs", "President", "Prime Minister", "Deputy Foreign Minister", "Ambassador",
          "Special Envoy", "Minister of Defence", "National Security Adviser", "Vice President", "Chancellor",
          "Secretary of State", "Spokesperson of the Ministry of Foreign Affairs"]
ORG_STEMS = ["Organization for Security and Co-operation", "Council of Cooperation", "Economic Community",
             "Treaty Organization", "Development Bank", "Union", "Forum", "Commission", "Alliance", "Agency",
             "Contact Group", "Partnership", "Secretariat", "Assembly", "Monitoring Mission"]
ORG_QUALIFIERS = ["Eurasian", "Atlantic", "Pacific", "African", "Arab", "Andean", "Nordic", "Baltic", "Caspian",
                  "Danube", "Mekong", "Sahel", "Balkan", "Caribbean", "Central Asian", "Black Sea", "Arctic",
                  "Indian Ocean", "Mediterranean", "Gulf", "Latin American", "Southeast Asian", "Great Lakes",
                  "Horn of Africa", "South Asian", "Alpine", "Amazonian", "Lusophone", "Francophone", "Ibero-American"]

TOPIC_THEMES = ["regional-security", "economic-cooperation", "arms-control", "energy", "trade", "climate-change",
                "nuclear-nonproliferation", "counter-terrorism", "sanctions", "human-rights", "migration",
                "cybersecurity", "public-health", "food-security", "maritime-security", "peacekeeping",
                "humanitarian-aid", "investment", "infrastructure", "space-cooperation", "water-resources",
                "border-demarcation", "cultural-exchange", "education", "transport-corridors", "debt-relief",
                "digital-economy", "election-observation", "refugees", "disarmament"]
TOPIC_REGIONS = ["", "central-asia", "middle-east", "south-caucasus", "korean-peninsula", "horn-of-africa",
                 "sahel", "balkans", "baltic", "arctic", "south-china-sea", "black-sea", "eastern-mediterranean",
                 "latin-america", "great-lakes", "gulf", "indo-pacific", "eastern-europe", "west-africa",
                 "southern-africa", "andes", "caribbean", "mekong", "afghanistan", "syria", "libya", "yemen",
                 "venezuela", "ukraine", "taiwan-strait", "kashmir", "western-sahara", "cyprus", "sudan",
                 "myanmar", "haiti", "nagorno-karabakh", "iran-nuclear", "persian-gulf", "danube"]
SEED_SLUGS = {"china-russia-relations", "head-of-state-diplomacy", "beijing-winter-olympics-2022",
              "kazakhstan-unrest", "csto", "external-interference", "colour-revolutions",
              "terrorism-separatism-extremism", "central-asia-security", "covid-19-pandemic", "sco"}

PUBLISHERS = [("Xinhua", "fr"), ("TASS", "ru"), ("Reuters", "en"), ("Agence France-Presse", "fr"),
              ("EFE", "es"), ("Agência Lusa", "pt"), ("Deutsche Presse-Agentur", "de"), ("RIA Novosti", "ru"),
              ("Associated Press", "en"), ("ANSA", "it"), ("Ministry of Foreign Affairs", "en"),
              ("Kazinform", "ru"), ("Le Monde", "fr"), ("El País", "es"), ("Folha de S.Paulo", "pt")]
OFFSETS = [0, 3600, 7200, 10800, 19800, 28800, 32400, -18000, -14400]  # seconds, as Hibernate stores them

# ---------------------------------------------------------------------------------------------------------------
# Word lists: (word in the language, English). Sentences are built from them in parallel so that the English
# translation matches the text.
LANG = {
    "fr": {
        "subj": [("La partie chinoise", "The Chinese side"), ("Le ministre", "The minister"),
                 ("Le président", "The president"), ("La délégation", "The delegation"),
                 ("Le porte-parole", "The spokesperson"), ("Les deux parties", "Both sides")],
        "verb": [("a souligné l'importance de", "stressed the importance of"),
                 ("s'est déclaré prêt à renforcer", "said he was ready to strengthen"),
                 ("a appelé à approfondir", "called for deepening"), ("a salué", "welcomed"),
                 ("s'oppose fermement à", "firmly opposes"), ("a réaffirmé son soutien à", "reaffirmed support for"),
                 ("a évoqué", "discussed"), ("a exprimé sa préoccupation quant à", "expressed concern about")],
        "noun": [("la sécurité", "security"), ("la coopération", "cooperation"), ("l'économie", "economy"),
                 ("les négociations", "negotiations"), ("la stabilité", "stability"),
                 ("les révolutions de couleur", "colour revolutions"), ("l'ingérence extérieure", "external interference"),
                 ("la souveraineté", "sovereignty"), ("l'intégrité territoriale", "territorial integrity"),
                 ("le développement", "development"), ("la prospérité", "prosperity"), ("l'énergie", "energy"),
                 ("les échanges commerciaux", "trade"), ("la confiance mutuelle", "mutual trust"),
                 ("le multilatéralisme", "multilateralism"), ("la désescalade", "de-escalation"),
                 ("les sanctions unilatérales", "unilateral sanctions"), ("la santé publique", "public health"),
                 ("l'intégration régionale", "regional integration"), ("la non-prolifération", "non-proliferation"),
                 ("le dialogue stratégique", "strategic dialogue"), ("la coordination", "coordination"),
                 ("les infrastructures", "infrastructure"), ("la sécurité alimentaire", "food security")],
        "adj": [("régionale", "regional"), ("bilatérale", "bilateral"), ("stratégique", "strategic"),
                ("durable", "lasting"), ("étroite", "close"), ("pragmatique", "pragmatic"), ("égale", "equal")],
        "conj": [("et", "and"), ("ainsi que", "as well as"), ("dans le domaine de", "in the field of")],
        "tail": [("dans la région", "in the region"), ("entre les deux pays", "between the two countries"),
                 ("au sein des Nations unies", "within the United Nations"), ("à long terme", "in the long term")],
    },
    "es": {
        "subj": [("El ministro", "The minister"), ("La delegación", "The delegation"), ("El presidente", "The president"),
                 ("La cancillería", "The foreign ministry"), ("Ambas partes", "Both sides")],
        "verb": [("subrayó la importancia de", "stressed the importance of"), ("pidió reforzar", "called for strengthening"),
                 ("celebró", "welcomed"), ("rechazó", "rejected"), ("reafirmó su compromiso con", "reaffirmed its commitment to"),
                 ("expresó su preocupación por", "expressed concern about")],
        "noun": [("la seguridad", "security"), ("la cooperación", "cooperation"), ("la economía", "economy"),
                 ("las negociaciones", "negotiations"), ("la estabilidad", "stability"), ("la soberanía", "sovereignty"),
                 ("el diálogo político", "political dialogue"), ("la integración", "integration"),
                 ("la energía", "energy"), ("el comercio", "trade"), ("la inversión", "investment"),
                 ("la migración", "migration"), ("la transición energética", "energy transition"),
                 ("los derechos humanos", "human rights"), ("la región andina", "the Andean region"),
                 ("la cooperación técnica", "technical cooperation"), ("la lucha contra el narcotráfico", "the fight against drug trafficking")],
        "adj": [("regional", "regional"), ("bilateral", "bilateral"), ("estratégica", "strategic"),
                ("económica", "economic"), ("pacífica", "peaceful"), ("sostenible", "sustainable")],
        "conj": [("y", "and"), ("así como", "as well as"), ("en materia de", "in the area of")],
        "tail": [("en la región", "in the region"), ("entre ambos países", "between both countries"),
                 ("en el marco de la ONU", "within the UN framework"), ("a largo plazo", "in the long term")],
    },
    "pt": {
        "subj": [("O ministro", "The minister"), ("A delegação", "The delegation"), ("O presidente", "The president"),
                 ("O Itamaraty", "Itamaraty"), ("As duas partes", "Both sides")],
        "verb": [("destacou a importância de", "stressed the importance of"), ("defendeu", "advocated"),
                 ("saudou", "welcomed"), ("reafirmou o compromisso com", "reaffirmed commitment to"),
                 ("manifestou preocupação com", "expressed concern about")],
        "noun": [("a cooperação", "cooperation"), ("a segurança", "security"), ("a economia", "economy"),
                 ("as negociações", "negotiations"), ("a integração", "integration"), ("a soberania", "sovereignty"),
                 ("o comércio", "trade"), ("a inovação", "innovation"), ("a transição energética", "energy transition"),
                 ("a erradicação da fome", "the eradication of hunger"), ("a Amazônia", "the Amazon"),
                 ("a paz", "peace"), ("o desenvolvimento", "development"), ("a educação", "education")],
        "adj": [("regional", "regional"), ("bilateral", "bilateral"), ("estratégica", "strategic"),
                ("sustentável", "sustainable"), ("econômica", "economic")],
        "conj": [("e", "and"), ("bem como", "as well as"), ("no âmbito de", "within")],
        "tail": [("na região", "in the region"), ("entre os dois países", "between the two countries"),
                 ("no âmbito dos BRICS", "within BRICS"), ("a longo prazo", "in the long term")],
    },
    "de": {
        "subj": [("Der Minister", "The minister"), ("Die Bundesregierung", "The federal government"),
                 ("Der Kanzler", "The chancellor"), ("Die Delegation", "The delegation"), ("Beide Seiten", "Both sides")],
        "verb": [("betonte die Bedeutung der", "stressed the importance of"), ("forderte eine stärkere", "called for stronger"),
                 ("begrüßte die", "welcomed the"), ("lehnte die", "rejected the"), ("sprach über die", "talked about the")],
        "noun": [("Zusammenarbeit", "cooperation"), ("Sicherheit", "security"), ("Wirtschaft", "economy"),
                 ("Verhandlungen", "negotiations"), ("Stabilität", "stability"), ("Souveränität", "sovereignty"),
                 ("Energieversorgung", "energy supply"), ("Abrüstung", "disarmament"), ("Rüstungskontrolle", "arms control"),
                 ("Menschenrechte", "human rights"), ("Handelsbeziehungen", "trade relations"),
                 ("Klimaschutz", "climate protection"), ("Außenpolitik", "foreign policy"), ("Entwicklung", "development")],
        "adj": [("regionale", "regional"), ("bilaterale", "bilateral"), ("strategische", "strategic"),
                ("europäische", "European"), ("gemeinsame", "joint"), ("friedliche", "peaceful")],
        "conj": [("und", "and"), ("sowie", "as well as"), ("im Bereich der", "in the field of")],
        "tail": [("in der Region", "in the region"), ("zwischen beiden Ländern", "between both countries"),
                 ("im Rahmen der Vereinten Nationen", "within the United Nations"), ("langfristig", "in the long term")],
    },
    "ru": {
        "subj": [("Министр", "The minister"), ("Российская сторона", "The Russian side"), ("Президент", "The president"),
                 ("Делегация", "The delegation"), ("Стороны", "The sides")],
        "verb": [("подчеркнул важность", "stressed the importance of"), ("призвал укреплять", "called for strengthening"),
                 ("приветствовал", "welcomed"), ("выступил против", "spoke against"), ("обсудил", "discussed"),
                 ("выразил обеспокоенность", "expressed concern about")],
        "noun": [("безопасность", "security"), ("сотрудничество", "cooperation"), ("экономику", "economy"),
                 ("переговоры", "negotiations"), ("стабильность", "stability"), ("суверенитет", "sovereignty"),
                 ("цветные революции", "colour revolutions"), ("внешнее вмешательство", "external interference"),
                 ("стратегическое партнёрство", "strategic partnership"), ("энергетику", "energy"),
                 ("торговлю", "trade"), ("многополярность", "multipolarity"), ("bezopasnost'", "security"),
                 ("sotrudnichestvo", "cooperation"), ("peregovory", "negotiations"), ("razoruzhenie", "disarmament")],
        "adj": [("региональную", "regional"), ("двустороннюю", "bilateral"), ("стратегическую", "strategic"),
                ("взаимовыгодную", "mutually beneficial"), ("всеобъемлющую", "comprehensive")],
        "conj": [("и", "and"), ("а также", "as well as"), ("в области", "in the field of")],
        "tail": [("в регионе", "in the region"), ("между двумя странами", "between the two countries"),
                 ("в рамках ОДКБ", "within the CSTO"), ("в долгосрочной перспективе", "in the long term")],
    },
    "it": {
        "subj": [("Il ministro", "The minister"), ("La Farnesina", "The Farnesina"), ("Il presidente", "The president"),
                 ("Entrambe le parti", "Both sides")],
        "verb": [("ha sottolineato l'importanza di", "stressed the importance of"), ("ha chiesto di rafforzare", "called for strengthening"),
                 ("ha accolto con favore", "welcomed"), ("ha discusso", "discussed")],
        "noun": [("la sicurezza", "security"), ("la cooperazione", "cooperation"), ("l'economia", "economy"),
                 ("i negoziati", "negotiations"), ("la stabilità", "stability"), ("la sovranità", "sovereignty"),
                 ("l'immigrazione", "immigration"), ("la libertà di navigazione", "freedom of navigation"),
                 ("il partenariato", "partnership"), ("la crescita", "growth")],
        "adj": [("regionale", "regional"), ("bilaterale", "bilateral"), ("strategica", "strategic"),
                ("mediterranea", "Mediterranean"), ("europea", "European")],
        "conj": [("e", "and"), ("nonché", "as well as"), ("nel campo di", "in the field of")],
        "tail": [("nella regione", "in the region"), ("tra i due paesi", "between the two countries"),
                 ("nel Mediterraneo", "in the Mediterranean"), ("a lungo termine", "in the long term")],
    },
    "en": {
        "subj": [("The minister", None), ("The president", None), ("The delegation", None),
                 ("The spokesperson", None), ("Both sides", None)],
        "verb": [("stressed the importance of", None), ("called for strengthening", None), ("welcomed", None),
                 ("rejected", None), ("reaffirmed support for", None), ("expressed concern about", None)],
        "noun": [("security", None), ("cooperation", None), ("the economy", None), ("negotiations", None),
                 ("stability", None), ("sovereignty", None), ("energy security", None), ("trade", None),
                 ("nuclear non-proliferation", None), ("maritime security", None), ("climate finance", None),
                 ("supply chains", None), ("critical minerals", None), ("humanitarian access", None)],
        "adj": [("regional", None), ("bilateral", None), ("strategic", None), ("comprehensive", None),
                ("pragmatic", None)],
        "conj": [("and", None), ("as well as", None), ("in the field of", None)],
        "tail": [("in the region", None), ("between the two countries", None), ("at the United Nations", None),
                 ("in the long term", None)],
    },
}
LANG_WEIGHTS = [("fr", 24), ("en", 22), ("ru", 16), ("es", 12), ("de", 10), ("pt", 8), ("it", 8)]
# The speaker's country suggests the language the source reports in.
COUNTRY_LANG = {"FR": "fr", "BE": "fr", "CH": "fr", "RU": "ru", "BY": "ru", "KZ": "ru", "ES": "es", "MX": "es",
                "AR": "es", "VE": "es", "CU": "es", "BR": "pt", "PT": "pt", "DE": "de", "AT": "de", "IT": "it",
                "US": "en", "GB": "en", "CA": "en", "AU": "en", "CN": "fr"}

# ---------------------------------------------------------------------------------------------------------------
_MARK_CATS = ("Mn", "Mc", "Me")


def zipf_weights(n, s):
    return [1.0 / (i + 1) ** s for i in range(n)]


def cumulative(weights):
    out, acc = [], 0.0
    for w in weights:
        acc += w
        out.append(acc)
    return out


class PartWriter:
    """CSV rows into table.NNN.csv files of at most part_rows rows each, with a header row."""

    def __init__(self, out, table, header, part_rows):
        self.out, self.table, self.header, self.part_rows = out, table, header, part_rows
        self.part, self.rows, self.total, self.f, self.w = -1, 0, 0, None, None
        self._open()

    def _open(self):
        if self.f:
            self.f.close()
        self.part += 1
        self.rows = 0
        self.f = open(os.path.join(self.out, f"{self.table}.{self.part:03d}.csv"), "w", newline="", encoding="utf-8")
        self.w = csv.writer(self.f, lineterminator="\n")
        self.w.writerow(self.header)

    def row(self, values):
        if self.rows >= self.part_rows:
            self._open()
        self.w.writerow(values)
        self.rows += 1
        self.total += 1

    def raw(self, lines, count):
        """Pre-formatted lines (no quoting needed), count rows; a part may overflow by one batch."""
        if self.rows >= self.part_rows:
            self._open()
        self.f.write(lines)
        self.rows += count
        self.total += count

    def close(self):
        self.f.close()


def ts(d, seconds):
    """timestamp with time zone literal both H2 and PostgreSQL read."""
    t = dt.datetime(d.year, d.month, d.day) + dt.timedelta(seconds=seconds)
    return t.strftime("%Y-%m-%d %H:%M:%S+00:00")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--out", default="bench-data")
    ap.add_argument("--part-rows", type=int, default=2_000_000, help="rows per CSV part (default 2,000,000)")
    a = ap.parse_args()
    started = time.time()
    rnd = random.Random(a.seed)
    os.makedirs(a.out, exist_ok=True)
    for f in os.listdir(a.out):
        if f.endswith(".csv"):
            os.remove(os.path.join(a.out, f))

    n_events = max(10, int(round(100_000 * a.scale)))
    n_participants = max(len(ALL_COUNTRIES) * 2 + 20, int(round(10_000 * a.scale)))
    n_topics = 300  # topics do not scale: they are a vocabulary
    stmt_mean = 10

    def W(table, header):
        return PartWriter(a.out, table, header, a.part_rows)

    # --- countries, Zipf-skewed -------------------------------------------------------------------------------
    ranked = TOP_COUNTRIES + sorted(set(ALL_COUNTRIES) - set(TOP_COUNTRIES))
    country_cum = cumulative(zipf_weights(len(ranked), 1.05))

    def pick_country():
        return rnd.choices(ranked, cum_weights=country_cum)[0]

    # --- topics -------------------------------------------------------------------------------------------------
    slugs = []
    for region in TOPIC_REGIONS:
        for theme in TOPIC_THEMES:
            slug = f"{theme}-{region}" if region else theme
            if slug not in SEED_SLUGS:
                slugs.append(slug)
    # the 30 bare themes first (the common ones), then a reproducible choice of theme-region pairs
    rest = slugs[len(TOPIC_THEMES):]
    rnd.shuffle(rest)
    slugs = slugs[:len(TOPIC_THEMES)] + rest
    slugs = slugs[:n_topics]
    topic_ids = [ID_BASE + 1 + i for i in range(len(slugs))]
    topic_cum = cumulative(zipf_weights(len(slugs), 1.1))
    wt = W("topic", ["id", "slug", "name", "description", "created_at", "updated_at", "version"])
    base_day = dt.date(1990, 1, 1)
    for tid, slug in zip(topic_ids, slugs):
        name = slug.replace("-", " ").capitalize()
        wt.row([tid, slug, name, f"Events and statements about {name.lower()}.", ts(base_day, 0), ts(base_day, 0), 0])
    wt.close()

    def pick_topics(k):
        got = set()
        while len(got) < k:
            got.add(rnd.choices(range(len(slugs)), cum_weights=topic_cum)[0])
        return sorted(got)

    # --- participants -------------------------------------------------------------------------------------------
    wp = W("participant", ["id", "name", "kind", "country", "title", "organization", "wikidata_id",
                           "created_at", "updated_at", "version"])
    wa = W("participant_alias", ["participant_id", "position", "alias"])
    by_country = {c: [] for c in ALL_COUNTRIES}
    orgs = []
    people = {}  # id -> (name, country)
    n_orgs = max(20, n_participants // 12)
    for i in range(n_participants):
        pid = ID_BASE + 1 + i
        if i < n_orgs:
            q, s = ORG_QUALIFIERS[i % len(ORG_QUALIFIERS)], ORG_STEMS[(i // len(ORG_QUALIFIERS)) % len(ORG_STEMS)]
            name = f"{q} {s}" + (f" {i // (len(ORG_QUALIFIERS) * len(ORG_STEMS)) + 1}" if i >= len(ORG_QUALIFIERS) * len(ORG_STEMS) else "")
            acronym = "".join(w[0] for w in name.replace("-", " ").split() if w[0].isalpha()).upper()
            wp.row([pid, name, "ORGANIZATION", "", "", "", f"Q{9_000_000 + i}" if i % 3 == 0 else "",
                    ts(base_day, i), ts(base_day, i), 0])
            wa.row([pid, 0, acronym])
            orgs.append(pid)
            people[pid] = (name, None)
        else:
            j = i - n_orgs
            # every country gets two people first, then the Zipf skew
            country = ALL_COUNTRIES[j % len(ALL_COUNTRIES)] if j < 2 * len(ALL_COUNTRIES) else pick_country()
            name = f"{rnd.choice(FIRST_NAMES)} {rnd.choice(LAST_NAMES)}"
            title = rnd.choice(TITLES)
            wp.row([pid, name, "PERSON", country, title,
                    f"Ministry of Foreign Affairs of {COUNTRY_NAMES.get(country, country)}" if rnd.random() < 0.5 else "",
                    f"Q{1_000_000 + i}" if rnd.random() < 0.3 else "", ts(base_day, i), ts(base_day, i), 0])
            if rnd.random() < 0.3:
                folded = "".join(c for c in unicodedata.normalize("NFD", name) if unicodedata.category(c) not in _MARK_CATS)
                if folded != name:
                    wa.row([pid, 0, folded])
            by_country[country].append(pid)
            people[pid] = (name, country)
    wp.close()
    wa.close()

    # --- events and statements ----------------------------------------------------------------------------------
    type_names = list(EVENT_TYPES)
    type_cum = cumulative([EVENT_TYPES[t][0] for t in type_names])
    lang_names = [l for l, _ in LANG_WEIGHTS]
    lang_cum = cumulative([w for _, w in LANG_WEIGHTS])
    # within each list, a Zipf skew so that some words are common and others rare
    word_cum = {l: {k: cumulative(zipf_weights(len(v), 0.9)) for k, v in LANG[l].items()} for l in LANG}

    def pick(lang, kind):
        lst = LANG[lang][kind]
        return rnd.choices(lst, cum_weights=word_cum[lang][kind])[0]

    def sentence(lang):
        """(text, translation or None)."""
        parts = [pick(lang, "subj"), pick(lang, "verb"), pick(lang, "noun"), pick(lang, "adj"),
                 pick(lang, "conj"), pick(lang, "noun")]
        if rnd.random() < 0.6:
            parts.append(pick(lang, "tail"))
        text = " ".join(p[0] for p in parts) + "."
        if lang == "en":
            return text, None
        return text, " ".join(p[1] for p in parts) + "."

    we = W("event", ["id", "title", "type", "event_date", "summary", "location_country", "location_city",
                     "cameo_code", "created_at", "updated_at", "version", "status", "end_date", "date_precision",
                     "plover_type", "plover_mode", "goldstein"])
    wep = W("event_participant", ["id", "event_id", "participant_id", "role", "position"])
    wsc = W("event_subject_country", ["event_id", "country"])
    wet = W("event_topic", ["event_id", "topic_id"])
    wes = W("event_source", ["event_id", "position", "url", "publisher", "title", "published_at",
                             "published_at_offset", "language"])
    ws = W("statement", ["id", "event_id", "speaker_id", "text", "language", "translation", "kind", "position",
                         "source_url", "created_at", "updated_at", "version", "event_date", "speaker_country"])
    wst = W("statement_topic", ["statement_id", "topic_id"])

    day0 = dt.date(1990, 1, 1)
    n_days = (dt.date(2025, 12, 31) - day0).days + 1
    ep_id = ID_BASE
    st_id = ID_BASE
    # event dates: more events in recent years (coverage grows), drawn as the max of two uniforms half the time
    for e in range(n_events):
        eid = ID_BASE + 1 + e
        u = rnd.random()
        if rnd.random() < 0.5:
            u = max(u, rnd.random())
        date = day0 + dt.timedelta(days=min(n_days - 1, int(u * n_days)))
        etype = rnd.choices(type_names, cum_weights=type_cum)[0]
        _, cameo, plover_type, plover_mode, goldstein = EVENT_TYPES[etype]
        # participants: 2 (most), up to 6 for summits; each slot a Zipf-drawn country, or an organisation
        k = 2 if rnd.random() < 0.7 else rnd.randint(3, 4)
        if etype == "SUMMIT":
            k = rnd.randint(3, 6)
        parts = []
        seen = set()
        while len(parts) < k:
            if rnd.random() < 0.06:
                pid = rnd.choice(orgs)
            else:
                pid = rnd.choice(by_country[pick_country()])
            if pid not in seen:
                seen.add(pid)
                parts.append(pid)
        names = [people[p][0] for p in parts]
        tids = pick_topics(rnd.choice((1, 1, 2, 2, 3)))
        topic_words = " and ".join(slugs[t].replace("-", " ") for t in tids[:2])
        title = f"{names[0]} and {names[1]} {TYPE_PHRASE[etype]} {topic_words}"
        slang = rnd.choices(lang_names, cum_weights=lang_cum)[0]
        s1, s1t = sentence(slang)
        summary = f"{title} on {date.isoformat()}. " + (s1t or s1)
        if rnd.random() < 0.5:
            summary += " " + s1  # a quote in the original language
        status = "HELD" if rnd.random() < 0.94 else ("ANNOUNCED" if rnd.random() < 0.6 else "CANCELLED")
        end_date = (date + dt.timedelta(days=rnd.randint(1, 2))).isoformat() if etype == "SUMMIT" and rnd.random() < 0.5 else ""
        loc_country = people[parts[0]][1] or ""
        city = rnd.choice(CITIES) if rnd.random() < 0.6 else ""
        if etype in ("PHONE_CALL", "VIDEO_CALL", "STATEMENT"):
            loc_country, city = "", ""
        created = ts(date, 36000 + rnd.randint(0, 36000))
        we.row([eid, title, etype, date.isoformat(), summary, loc_country, city, cameo, created, created, 0, status,
                end_date, "DAY", plover_type or "", plover_mode or "", goldstein])
        for pos, pid in enumerate(parts):
            ep_id += 1
            c = people[pid][1]
            role = (rnd.choice(TITLES) + (f" of {COUNTRY_NAMES.get(c, c)}" if c else "")) if c else "Secretary-General"
            wep.row([ep_id, eid, pid, role, pos])
        subj = set()
        for _ in range(rnd.choice((0, 0, 1, 1, 2))):
            subj.add(pick_country())
        for c in sorted(subj):
            wsc.row([eid, c])
        for t in tids:
            wet.row([eid, topic_ids[t]])
        n_src = 1 if rnd.random() < 0.8 else 2
        first_url = None
        for pos in range(n_src):
            pub, plang = rnd.choice(PUBLISHERS)
            url = f"https://news.example.org/{pub.lower().replace(' ', '-').replace('.', '')}/{date.isoformat()}/{eid}-{pos}"
            first_url = first_url or url
            pts = ts(date, 43200 + rnd.randint(0, 40000))
            wes.row([eid, pos, url, pub, title, pts, rnd.choice(OFFSETS), plang])
        # statements: about stmt_mean per event
        n_st = max(1, round(rnd.gauss(stmt_mean, 3)))
        for pos in range(1, n_st + 1):
            st_id += 1
            speaker = rnd.choice(parts)
            c = people[speaker][1]
            lang = COUNTRY_LANG.get(c) if c and rnd.random() < 0.6 else None
            lang = lang or rnd.choices(lang_names, cum_weights=lang_cum)[0]
            text, tr = sentence(lang)
            if rnd.random() < 0.25:  # a second sentence
                t2, tr2 = sentence(lang)
                text += " " + t2
                tr = tr + " " + tr2 if tr else None
            kind = "DIRECT_QUOTE" if rnd.random() < 0.35 else "REPORTED"
            ws.row([st_id, eid, speaker, text, lang, tr if tr is not None else "", kind, pos, first_url,
                    created, created, 0, date.isoformat(), c or ""])
            for t in sorted(set(rnd.choice(tids) for _ in range(rnd.choice((0, 1, 1, 2))))):
                wst.row([st_id, topic_ids[t]])
        if (e + 1) % 10000 == 0:
            print(f"  {e + 1:,} events, {st_id - ID_BASE:,} statements, {time.time() - started:.0f} s",
                  file=sys.stderr)

    writers = {"topic": wt, "participant": wp, "participant_alias": wa, "event": we, "event_participant": wep,
               "event_subject_country": wsc, "event_topic": wet, "event_source": wes, "statement": ws,
               "statement_topic": wst}
    for w in writers.values():
        w.close()
    meta = {
        "seed": a.seed, "scale": a.scale, "id_base": ID_BASE,
        "rows": {t: w.total for t, w in writers.items()},
        "event_id_min": ID_BASE + 1, "event_id_max": ID_BASE + n_events,
        "statement_id_min": ID_BASE + 1, "statement_id_max": st_id,
        "common_topic": slugs[0],
        "common_words": "securite cooperation",
    }
    with open(os.path.join(a.out, "meta.json"), "w") as f:
        json.dump(meta, f, indent=2)
    for t, n in meta["rows"].items():
        print(f"{t:24s} {n:>12,}")
    print(f"generated in {time.time() - started:.0f} s into {a.out}")


if __name__ == "__main__":
    main()
