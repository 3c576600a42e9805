#!/usr/bin/env python3
"""Helper of bench/draft.sh (Python 3, standard library only).

    draft_bench.py participants --count 300 --seed 19 --out FILE
        Writes an import document of COUNT made-up participants: ministers, prime ministers and presidents of 30
        countries (invented names: first names and surnames of each country combined at random), each with an
        externalId, kind PERSON, country, title and one or two aliases (the French spelling where it differs, else
        another form of the name). The four people of bench/draft-report-*.txt are always among them.

    draft_bench.py run --port 18080 --password bench --warmup 200 --warmup-seconds 20 --requests 500 \
            --published-at 2023-03-14T17:40:00+05:00 fr:bench/draft-report-fr.txt en:bench/draft-report-en.txt
        Drafts the reports through POST /api/v1/drafts from one client over one keep-alive connection: a warm-up
        that alternates between the reports until it has sent WARMUP requests and WARMUP_SECONDS have passed, then
        REQUESTS timed requests per report, in sequence and the reports in turn (fr, en, fr, en, ...), each timed
        from sending to the last byte of the answer. Prints a table (median, p90, p99, max, req/s = 1000 / mean ms,
        the rate of one sequential client; the target check) and what the last draft of each report holds; saves it
        as /tmp/bench-draft-<language>.json. Exit status 1 if any request did not answer 200.
"""
import argparse
import base64
import http.client
import json
import random
import statistics
import sys
import time
import unicodedata

# The people of the reports bench/draft-report-{fr,en}.txt: (country, title, English name, aliases)
CAST = [
    ("UZ", "Minister of Foreign Affairs", "Rustam Nurmatov", ["Roustam Nourmatov"]),
    ("UZ", "President", "Jahongir Qodirov", ["Djakhonguir Kodirov", "Jakhongir Kadyrov"]),
    ("BR", "Minister of Foreign Affairs", "Ricardo Sampaio", ["Ricardo Moura Sampaio"]),
    ("BR", "President", "Helena Vasconcelos", ["Helena Maria Vasconcelos"]),
]

# Headlines of the reports, by language
TITLES = {"fr": "Entretien à Tachkent entre les chefs des diplomaties ouzbèke et brésilienne",
          "en": "Uzbek and Brazilian foreign ministers hold talks in Tashkent"}

OFFICES = ["President", "Prime Minister", "Minister of Foreign Affairs", "Deputy Minister of Foreign Affairs",
           "Minister of Defence", "Minister of Finance", "Minister of Trade", "Minister of Energy",
           "Minister of the Interior", "Minister of Agriculture", "Minister of Health", "Minister of Transport"]
# Offices the seed's participants hold (Parley imports the seed at first start): not generated again
SEED_OFFICES = {("CN", "President"), ("CN", "Minister of Foreign Affairs"), ("RU", "President"),
                ("RU", "Minister of Foreign Affairs"), ("KZ", "President")}

# Per country: first names and surnames (each participant of a country gets a surname of its own),
# "English|French" where the French spelling differs.
NAMES = {
    "FR": ("Julien Claire Mathieu Sophie Laurent Nathalie Olivier Agnès",
           "Berthier Lemaire Fauconnet Delorme Marchal Rivière Chaumont Garnier Vasseur Perrault Lacombe"),
    "DE": ("Jürgen Katrin Matthias Ulrike Stefan Anja Tobias Sabine",
           "Brenninger Hollmann Kessler Wendt Altmann Scholtz Ebert Lindner Falkenrath Hübner Rothkegel"),
    "GB": ("Edward Harriet Simon Fiona Graham Lucy Oliver Rachel",
           "Ashworth Pembroke Caldwell Whitmore Fairbairn Hollis Rutherford Mansell Blackwood Thorne Kingsley"),
    "US": ("Daniel Karen Michael Laura Steven Megan Robert Alicia",
           "Whitaker Donnelly Hargrove McAllister Brandt Caldera Pryor Sutherland Okafor Langley Merritt"),
    "IT": ("Giorgio Francesca Massimo Chiara Lorenzo Paola Stefano Valeria",
           "Bellandi Corsetti Ferrucci Marchetti Santangelo Rinaldi Castellani Lombardo Pagnotta Vescovi Guidotti"),
    "ES": ("Javier Lucía Alberto Carmen Ignacio Marta Andrés Elena",
           "Ortega Salvatierra Morales Quintana Aranda Villalobos Echeverría Carrasco Montalbán Robledo Iturbe"),
    "PT": ("João Inês Nuno Catarina Rui Beatriz Tiago Marta",
           "Carvalhal Teixeira Magalhães Figueira Bettencourt Lobato Sarmento Quintela Antunes Pestana Valadares"),
    "BR": ("Marcelo Renata Thiago Fernanda Eduardo Luciana Rodrigo Patrícia",
           "Albuquerque Cavalcanti Drummond Siqueira Barreto Fontoura Queiroz Rezende Tavares Guimarães Peixoto"),
    "AR": ("Martín Florencia Gustavo Valeria Sebastián Carolina Diego Romina",
           "Etcheverry Bianchini Larrea Goyeneche Sosa Arregui Mendiondo Zabala Ferreyra Irigoyen Cabral"),
    "MX": ("Alejandro Guadalupe Héctor Ximena Rodrigo Verónica Emilio Daniela",
           "Arriaga Olvera Cervantes Zamudio Bustamante Ocampo Treviño Villaseñor Galindo Santoyo Luján"),
    "RU": ("Sergey|Sergueï Dmitry|Dmitri Yelena|Elena+ Alexey|Alexeï Nikolay|Nikolaï Tatyana|Tatiana+"
           " Yury|Iouri Andrey|Andreï",
           "Voronin|Voronine Belyakov|Beliakov Shchukin|Chtchoukine Zhuravlev|Jouravlev Kolesnikov|Kolesnikov"
           " Tikhonov|Tikhonov Gusev|Goussev Yermolov|Iermolov Saveliev|Saveliev Kuzmin|Kouzmine"
           " Polyakov|Poliakov"),
    "UA": ("Oleksandr|Oleksandre Iryna+ Mykola|Mykola Olena+ Taras|Taras Yuliya|Ioulia+"
           " Bohdan|Bogdan Oksana+",
           "Kovalchuk|Kovaltchouk Hrytsenko|Grytsenko Melnychuk|Melnytchouk Savchenko|Savtchenko"
           " Bondarenko|Bondarenko Tkachuk|Tkatchouk Lysenko|Lyssenko Moroz|Moroz Kravets|Kravets"
           " Didenko|Didenko Zhuk|Jouk"),
    "KZ": ("Yerlan|Erlan Aigerim|Aïguerim+ Nurlan|Nourlan Dana+ Bakhyt|Bakhyt Asel|Assel+ Timur|Timour"
           " Gulnara|Goulnara+",
           "Abenov|Abenov Zhaksybekov|Jaksybekov Nurpeisov|Nourpeïssov Tulegenov|Toulegenov Ospanov|Ospanov"
           " Seitkali|Seïtkali Baimukhanov|Baïmoukhanov Kenzhebayev|Kenjebaïev Sarsenbayev|Sarsenbaïev"
           " Utemisov|Outemissov Dzhaksylykov|Djaksylykov"),
    "UZ": ("Bakhodir|Bakhodir Dilnoza+ Sardor|Sardor Malika+ Ulugbek|Oulougbek Nodira+"
           " Shukhrat|Choukhrat Zafar|Zafar",
           "Tashpulatov|Tachpoulatov Yusupov|Ioussoupov Ergashev|Ergachev Khodjaev|Khodjaïev Rakhimov|Rakhimov"
           " Sultanov|Soultanov Mirzaev|Mirzaïev Abdullaev|Abdoullaïev Karimberdiev|Karimberdiev"
           " Saidakhmedov|Saïdakhmedov Usmanov|Ousmanov"),
    "CN": ("Zhang|Zhang Li|Li Chen|Chen Zhao|Zhao Huang|Huang Zhou|Zhou Gao|Gao Sun|Sun",
           "Weiguo Jianhua Xiaoming Haiyan Zhiqiang Lihong Guoqing Yufeng Shaowen Chunlei Dezhong"),
    "JP": ("Hiroshi Yuko Takeshi Naoko Kenji Akiko Daisuke Emiko",
           "Takahara Morishita Kawabata Nishimura Fujioka Hayakawa Shimizu Matsuzaki Uchida Kurosawa Onodera"),
    "IN": ("Rajesh Anjali Vikram Sunita Arvind Meera Sanjay Kavita",
           "Raghavan Chaturvedi Deshpande Menon Bhattacharya Iyer Kulkarni Saxena Venkatesh Trivedi Banerjee"),
    "TR": ("Mehmet Ayşe Kemal Zeynep Burak Elif Serkan Esra",
           "Yıldırımlar Karaca Özdemir Aksoy Çelikkaya Erdinç Tunalı Kocabaş Sarıgül Akbulut Demirtepe"),
    "EG": ("Ahmed|Ahmed Mona|Mona Tarek|Tarek Hala|Hala Sherif|Chérif Nadia|Nadia Khaled|Khaled Rania|Rania",
           "El-Sayed|El-Sayed Abdelrahman|Abdelrahmane Mansour|Mansour Fahmy|Fahmi Shoukry|Choukri Ghali|Ghali"
           " Hegazy|Hegazi Radwan|Radouane Zaki|Zaki Lotfy|Lotfi Naguib|Naguib"),
    "MA": ("Youssef|Youssef Nadia|Nadia Karim|Karim Samira|Samira Hicham|Hicham Leila|Leïla Rachid|Rachid"
           " Amina|Amina",
           "Bennani Alaoui Tazi Berrada Chraibi|Chraïbi Fassi-Fihri El_Idrissi Benjelloun Lahlou Sqalli Kettani"),
    "DZ": ("Mourad Yasmina Farid Nassima Abdelkader Souad Kamel Houria",
           "Benmansour Hadjadj Boukhalfa Zerrouki Mebarki Belaïd Taleb Ouali Benaissa Kaci Cherifi"),
    "SA": ("Faisal|Fayçal Noura|Noura Abdulaziz|Abdelaziz Reem|Rim Turki|Turki Hessa|Hessa Saud|Saoud"
           " Lama|Lama",
           "Al-Qahtani Al-Otaibi|Al-Otaïbi Al-Ghamdi Al-Harbi Al-Shehri|Al-Chehri Al-Dossari Al-Mutairi|Al-Moutaïri"
           " Al-Zahrani Al-Anazi Al-Subaie|Al-Soubaïe Al-Rashidi|Al-Rachidi"),
    "IR": ("Hossein|Hossein Maryam|Maryam Reza|Reza Fatemeh|Fatemeh Mohsen|Mohsen Zahra|Zahra Ali|Ali"
           " Shirin|Chirine",
           "Jafarzadeh|Djafarzadeh Moghaddam Tavakoli Shirazi|Chirazi Hosseinpour Rahimi Ansari Kazemi"
           " Safavi Nourbakhsh Daneshvar"),
    "NG": ("Chukwuemeka|Tchoukwuemeka Ngozi|Ngozi Oluwaseun|Oluwaseun Aisha|Aïcha Babatunde|Babatundé"
           " Chiamaka|Tchiamaka Ibrahim|Ibrahim Funmilayo|Funmilayo",
           "Adebayo Okonkwo Nwachukwu|Nwatchoukwou Balogun Ogunleye Eze Danjuma Olawale Ikemefuna Abubakar"
           " Oyelaran"),
    "ZA": ("Thabo Nomvula Sipho Lindiwe Pieter Anele Johan Zanele",
           "Mokoena Dlamini Van_der_Merwe Nkosi Botha Khumalo Mahlangu Pretorius Ndlovu Molefe Sithole"),
    "ID": ("Budi Sri Agus Dewi Hendra Ratna Joko Wulan",
           "Santoso Wibowo Prasetyo Kusumawati Hartono Setiawan Nugroho Lestari Gunawan Siregar Pangaribuan"),
    "PL": ("Tomasz Agnieszka+ Krzysztof Małgorzata+ Piotr Katarzyna+ Marek Joanna+",
           "Wiśniewski Zieliński Kowalczyk Lewandowski Dąbrowski Szymański Wróblewski Kaczmarek Pawlak"
           " Sobczak Jabłoński"),
    "SE": ("Anders Karin Magnus Ingrid Henrik Annika Fredrik Maria",
           "Lindqvist Bergström Sandberg Holmgren Ekström Nyberg Wallin Forsberg Lundgren Sjöberg Dahlberg"),
    "CA": ("Pierre Jennifer Marc Stephanie Andrew Geneviève Brian Isabelle",
           "Tremblay Gagnon MacDonald Bouchard Fraser Lavoie Campbell Pelletier Robertson Gauthier Morrison"),
    "KR": ("Kim Lee Park Choi Jung Kang Cho Yoon",
           "Min-jun Ji-woo Seo-yeon Dong-hyun Hye-jin Sung-ho Eun-ji Jae-won Tae-hoon Soo-min Young-jae"),
}
# Countries whose surnames take a feminine form ("Voronin", "Voronina")
SLAVIC_SURNAMES = {"RU", "UA", "KZ", "UZ", "PL"}
# Offices some countries do not have: no president in monarchies, no prime minister in presidential republics
NO_OFFICE = {"President": {"GB", "ES", "SE", "JP", "MA", "SA", "CA"},
             "Prime Minister": {"US", "MX", "BR", "AR", "ID", "NG", "IR", "ZA"}}
# CN and KR: the first column holds the family names, which come first ("Zhang Weiguo", "Park Seo-yeon")
EAST_ASIAN_SURNAME_FIRST = {"CN", "KR"}


def forms(words):
    """'English|French' words ('_' for a space, a final '+' for a woman's name) -> [(english, french, woman)]."""
    out = []
    for w in words.split():
        woman = w.endswith("+")
        en, _, fr = w.rstrip("+").replace("_", " ").partition("|")
        out.append((en, fr or en, woman))
    return out


def feminine(cc, surname):
    """The surname a woman bears in the countries whose surnames have a feminine form."""
    if cc in SLAVIC_SURNAMES:
        for m, f in (("ski", "ska"), ("cki", "cka"), ("sky", "skaya"), ("ine", "ina"), ("ov", "ova"),
                     ("ev", "eva"), ("in", "ina"), ("yn", "yna")):
            if surname.endswith(m):
                return surname[:-len(m)] + f
    return surname


def ascii_fold(s):
    s = s.translate(str.maketrans({"ł": "l", "Ł": "L", "ı": "i", "ø": "o", "ß": "ss"}))
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def slug(s):
    s = ascii_fold(s).lower()
    return "-".join("".join(c if c.isalnum() else " " for c in s).split())


def participants(count, seed):
    rnd = random.Random(seed)
    people, names = [], set()

    def add(cc, title, name, aliases):
        names.add(name.casefold())
        people.append({"externalId": f"bench-draft-{cc.lower()}-{slug(name)}", "name": name, "kind": "PERSON",
                       "country": cc, "title": title, "aliases": aliases})

    cast_offices = set()
    for cc, title, name, aliases in CAST:
        add(cc, title, name, aliases)
        cast_offices.add((cc, title))
    cast_surnames = {n.split()[-1] for _, _, n, _ in CAST}
    slots = [(cc, title) for cc in NAMES for title in OFFICES
             if (cc, title) not in SEED_OFFICES and (cc, title) not in cast_offices
             and cc not in NO_OFFICE.get(title, ())]
    rnd.shuffle(slots)
    # COUNT in all: one office per country in turn, so that every country gets about as many
    chosen = []
    queue = {cc: [t for c, t in slots if c == cc] for cc in NAMES}
    while len(people) + len(chosen) < count and any(queue.values()):
        for cc in NAMES:
            if queue[cc] and len(people) + len(chosen) < count:
                chosen.append((cc, queue[cc].pop()))
    used_surnames = {cc: set() for cc in NAMES}
    for cc, title in sorted(chosen, key=lambda s: (list(NAMES).index(s[0]), OFFICES.index(s[1]))):
        firsts, lasts = (forms(NAMES[cc][0]), forms(NAMES[cc][1]))
        for _ in range(1000):
            first, base = rnd.choice(firsts), rnd.choice(lasts)
            if base[0] in used_surnames[cc] or base[0] in cast_surnames:
                continue
            last = (feminine(cc, base[0]), feminine(cc, base[1])) if first[2] else base
            en, fr = f"{first[0]} {last[0]}", f"{first[1]} {last[1]}"
            if en.casefold() not in names:
                break
        else:
            raise SystemExit(f"cannot name a {title} of {cc}: too few names")
        used_surnames[cc].add(base[0])
        aliases = []
        if fr != en:
            aliases.append(fr)
        elif cc in EAST_ASIAN_SURNAME_FIRST:
            aliases.append(f"{last[0]} {first[0]}")       # given name first, as some Western papers write it
        else:
            aliases.append(f"{first[0][0]}. {last[0]}")    # initial and surname
        if ascii_fold(en) != en:
            aliases.append(ascii_fold(en))                # without diacritics, as wires without them write it
        add(cc, title, en, aliases)
    return {"participants": people[:count]}


def percentile(sorted_ms, p):
    """Nearest-rank percentile of a sorted list."""
    k = max(1, -(-len(sorted_ms) * p // 100))
    return sorted_ms[int(k) - 1]


class Client:
    """One keep-alive connection to Parley; reconnects if the server closes it."""

    def __init__(self, port, password):
        self.port = port
        self.headers = {"Content-Type": "application/json", "Accept": "application/json",
                        "Authorization": "Basic " + base64.b64encode(f"editor:{password}".encode()).decode()}
        self.conn = None

    def post(self, body):
        if self.conn is None:
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        t0 = time.perf_counter_ns()
        try:
            self.conn.request("POST", "/api/v1/drafts", body=body, headers=self.headers)
            resp = self.conn.getresponse()
            data = resp.read()
        except (http.client.HTTPException, OSError):
            self.conn.close()
            self.conn = None
            raise
        took = (time.perf_counter_ns() - t0) / 1e6
        if resp.getheader("Connection", "").lower() == "close":
            self.conn.close()
            self.conn = None
        return resp.status, data, took


def describe(draft, text):
    """What a draft holds, in a few lines; text is the report, to check the statements' spans against."""
    lines = []
    ev = (draft.get("events") or [None])[0]
    notes = draft.get("draft") or {}
    if ev is None:
        lines.append(f"no event; reason: {notes.get('reason')}")
    else:
        lines.append(f"event {ev.get('type')} on {ev.get('date')}: {ev.get('title')}")
        event_note = notes.get("event") or {}
        lines.append(f"type cue: {event_note.get('typeCue')}; date: {event_note.get('dateReasoning')}")
        parts = ", ".join(p["participant"] for p in ev.get("participants", []))
        lines.append(f"participants: {parts}; subject countries: {ev.get('subjectCountries')};"
                     f" topics: {[t if isinstance(t, str) else t.get('slug') for t in ev.get('topics') or []]}")
    proposed = [p["externalId"] for p in draft.get("participants") or []]
    if proposed:
        lines.append(f"proposed new participants: {', '.join(proposed)}")
    statements = draft.get("statements") or []
    by_speaker = {}
    for s in statements:
        by_speaker[s["speaker"]] = by_speaker.get(s["speaker"], 0) + 1
    lines.append(f"statements: {len(statements)} ("
                 + ", ".join(f"{k} {v}" for k, v in by_speaker.items()) + ")")
    spans = [s.get("span") for s in statements]
    exact = sum(1 for s, sp in zip(statements, spans) if sp and text[sp["start"]:sp["end"]] == s["text"])
    lines.append(f"spans: {exact} of {len(statements)} statement texts are exactly the report's text at their span")
    skipped = notes.get("skipped") or []
    lines.append(f"skipped sentences: {len(skipped)}")
    for i, s in enumerate(statements, 1):
        text = s["text"].replace("\n", " ")
        lines.append(f"  {i:2d}. {s['speaker']} [{s.get('kind')}]: {text[:90]}{'...' if len(text) > 90 else ''}")
    return lines


def run(args):
    reports, texts = [], {}
    for spec in args.reports:
        language, _, path = spec.partition(":")
        text = open(path, encoding="utf-8").read()
        body = {"text": text, "url": f"https://example.org/bench/draft-report-{language}", "publisher": args.publisher,
                "title": TITLES.get(language, "Bench report"), "publishedAt": args.published_at, "language": language}
        reports.append((language, len(text), json.dumps(body, ensure_ascii=False).encode("utf-8")))
        texts[language] = text
    client = Client(args.port, args.password)
    failures = 0

    def send(body):
        nonlocal failures
        status, data, took = client.post(body)
        if status != 200:
            failures += 1
            if failures <= 3:
                print(f"HTTP {status}: {data[:1000].decode('utf-8', 'replace')}", file=sys.stderr)
        return status, data, took

    # warm-up: the reports in turn, until WARMUP requests are sent and WARMUP_SECONDS have passed
    t0, sent = time.monotonic(), 0
    while sent < args.warmup or time.monotonic() - t0 < args.warmup_seconds:
        send(reports[sent % len(reports)][2])
        sent += 1
    warm = time.monotonic() - t0
    print(f"warm-up: {sent} requests in {warm:.1f} s ({len(reports)} reports in turn)")

    # the timed requests: the reports in turn too, so that both meet the same JIT state and the same load from
    # other processes; each request is timed alone, the figures are per report
    times = {language: [] for language, _, _ in reports}
    last, oks = {}, {language: 0 for language, _, _ in reports}
    for _ in range(args.requests):
        for language, _, body in reports:
            status, data, took = send(body)
            times[language].append(took)
            if status == 200:
                oks[language] += 1
                last[language] = data
    rows, drafts = [], {}
    for language, chars, _ in reports:
        ms = sorted(times[language])
        rows.append((language, chars, len(ms), oks[language], statistics.median(ms), percentile(ms, 90),
                     percentile(ms, 99), ms[-1], 1000 / statistics.fmean(ms)))
        if language in last:
            drafts[language] = json.loads(last[language])
            with open(f"/tmp/bench-draft-{language}.json", "wb") as out:
                out.write(last[language])

    print()
    print(f"{'language':<8} {'chars':>6} {'requests':>8} {'200':>5} {'median ms':>10} {'p90 ms':>8} {'p99 ms':>8}"
          f" {'max ms':>8} {'req/s':>7}  median <= {args.target:g} ms")
    for language, chars, n, ok, med, p90, p99, mx, rps in rows:
        print(f"{language:<8} {chars:>6} {n:>8} {ok:>5} {med:>10.2f} {p90:>8.2f} {p99:>8.2f} {mx:>8.2f} {rps:>7.1f}"
              f"  {'(failed requests)' if ok < n else 'yes' if med <= args.target else 'no'}")
    for language, draft in drafts.items():
        print()
        print(f"draft of the {language} report (saved as /tmp/bench-draft-{language}.json):")
        for line in describe(draft, texts[language]):
            print("  " + line)
    if failures:
        print(f"\n{failures} request(s) did not answer 200", file=sys.stderr)
        return 1
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("participants")
    p.add_argument("--count", type=int, default=300)
    p.add_argument("--seed", type=int, default=19)
    p.add_argument("--out", required=True)
    r = sub.add_parser("run")
    r.add_argument("--port", type=int, default=18080)
    r.add_argument("--password", default="bench")
    r.add_argument("--warmup", type=int, default=200, help="at least this many warm-up requests")
    r.add_argument("--warmup-seconds", type=float, default=20, help="and at least this long")
    r.add_argument("--requests", type=int, default=500, help="timed requests per report")
    r.add_argument("--target", type=float, default=20, help="the median to compare with, in ms")
    r.add_argument("--published-at", default="2023-03-14T17:40:00+05:00")
    r.add_argument("--publisher", default="ASP")
    r.add_argument("reports", nargs="+", help="LANGUAGE:FILE")
    args = ap.parse_args()
    if args.command == "participants":
        doc = participants(args.count, args.seed)
        with open(args.out, "w", encoding="utf-8") as out:
            json.dump(doc, out, ensure_ascii=False, indent=1)
        print(f"{len(doc['participants'])} participants written to {args.out}")
        return 0
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
