"""Build the generated inputs under ``examples/``: HTML pages, feeds and a WARC.

    python scripts/make_examples.py            # rewrite examples/html, examples/feeds, examples/warc
    python scripts/make_examples.py --check    # exit 1 if any generated file would change

The plain-text articles in ``examples/sv`` and ``examples/en`` are kept by hand; every
article below exists only in the file generated from it, so no two example files carry
the same body text. All articles here were written for claimledger: outlets, people,
quotes and events are fictional (see ``examples/SOURCES.md``). The output is
deterministic: fixed dates, fixed record ids, no timestamps taken from the clock.
"""

from __future__ import annotations

import argparse
import html
import io
import sys
import uuid
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
UUID_NS = uuid.UUID("6f1c2a52-2d0e-4f5e-9a55-6c1ed6e0c1a1")


@dataclass(frozen=True)
class Site:
    name: str
    base: str
    lang: str


@dataclass(frozen=True)
class Piece:
    key: str
    site: Site
    path: str
    published: str  # ISO 8601 with offset
    title: str
    kicker: str
    author: str
    body: str  # paragraphs separated by blank lines; lines inside a paragraph are joined with a space

    @property
    def url(self) -> str:
        return self.site.base + self.path

    @property
    def when(self) -> datetime:
        return datetime.fromisoformat(self.published)

    @property
    def paragraphs(self) -> list[str]:
        blocks = self.body.strip().split("\n\n")
        return [" ".join(line.strip() for line in block.splitlines()) for block in blocks]


NORDPOSTEN = Site("Nordposten", "https://www.nordposten.example", "sv")
MERIDIAN = Site("The Meridian Herald", "https://www.meridianherald.example", "en")

# --- examples/html -------------------------------------------------------------------------------

HTML_SV = Piece(
    key="nordposten-ukraina-dronare",
    site=NORDPOSTEN,
    path="/utrikes/2025/03/09/ukrainas-flygvapen-drygt-400-dronare-avfyrades-under-natten",
    published="2025-03-09T07:42:00+01:00",
    title="Ukrainas flygvapen: Drygt 400 drönare avfyrades under natten",
    kicker="Kriget i Ukraina",
    author="Nordpostens utrikesredaktion",
    body="""
Ryssland avfyrade drygt 400 drönare och omkring 40 robotar mot Ukraina under natten mot söndagen,
uppger det ukrainska flygvapnet. Det är en av de största attackerna sedan kriget började.

Enligt flygvapnet sköts 362 drönare och 31 robotar ned, medan ytterligare ett sjuttiotal drönare
”försvann” från radarn, vilket brukar betyda att de har störts ut elektroniskt.

Minst fyra personer dödades och ett tjugotal skadades i Charkiv, uppger stadens borgmästare. I Kiev
rapporterades skador på två energianläggningar, och omkring 150\u00a0000 hushåll var utan ström på
söndagsmorgonen, enligt det statliga energibolaget.

– Natten var extremt svår. Luftvärnet arbetade i sju timmar i sträck, säger en talesperson för
flygvapnet till ukrainsk tv.

Det ryska försvarsministeriet uppger att angreppen riktades mot ”militär infrastruktur och
försvarsindustri” och förnekar att civila mål har beskjutits. Uppgifterna från båda sidor har inte
kunnat bekräftas av oberoende källor.

Enligt en västlig diplomat i Kiev, som inte vill framträda med namn, har Ukraina bett sina partner om
minst tio nya luftvärnssystem före hösten. Kostnaden för varje system uppskattas till mellan 1 och
1,5 miljarder kronor.

Ukrainas utrikesministerium skriver i ett uttalande att attacken visar att Ryssland ”inte är
intresserat av fred”.
""",
)

HTML_EN = Piece(
    key="meridian-darfur-aid-convoy",
    site=MERIDIAN,
    path="/world/africa/2025/05/20/un-says-aid-convoy-struck-in-north-darfur",
    published="2025-05-20T14:05:00+00:00",
    title="UN says aid convoy struck in North Darfur; paramilitary force denies role",
    kicker="Sudan",
    author="Meridian Herald staff",
    body="""
A United Nations aid convoy carrying food for about 40,000 people was struck by drones near El Fasher
in Sudan's North Darfur state on Monday, killing five drivers, the UN said.

"The trucks were clearly marked and their route had been shared with all parties," a spokesperson for
the World Food Programme told reporters in Geneva, adding that at least 15 of the convoy's 22 trucks
had been destroyed or damaged.

The UN did not say who was responsible. Local activists blamed the paramilitary Rapid Support Forces
(RSF), which has besieged El Fasher for more than a year. The RSF denied any involvement and accused
the army of staging the attack to discredit it.

An army spokesman said the RSF had "repeatedly targeted humanitarian corridors" and claimed that more
than 200 of its fighters had been killed in the area over the past week. The figure could not be
independently confirmed.

Aid groups say the city's remaining population, estimated at between 250,000 and 300,000, faces
famine. According to a doctor at one of the last functioning hospitals, who asked not to be named for
fear of reprisals, dozens of children have died of malnutrition since March.

The war between the army and the RSF, which began in April 2023, has killed tens of thousands of
people and displaced about 12 million, according to UN estimates.
""",
)

# --- examples/feeds (RSS 2.0, Swedish) -----------------------------------------------------------

RSS_ITEMS = [
    Piece(
        key="nordposten-mali-by-angripen",
        site=NORDPOSTEN,
        path="/utrikes/2025/06/02/minst-23-doda-i-attack-mot-by-i-centrala-mali",
        published="2025-06-02T09:15:00+02:00",
        title="Minst 23 döda i attack mot by i centrala Mali",
        kicker="Mali",
        author="Nordpostens utrikesredaktion",
        body="""
Minst 23 civila, bland dem sju barn, dödades när beväpnade män angrep en by i Moptiregionen i
centrala Mali på lördagen. Det uppger FN:s kontor för humanitär samordning, Ocha.

Enligt en lokal tjänsteman, som inte vill framträda med namn av säkerhetsskäl, kom angriparna på ett
fyrtiotal motorcyklar och satte eld på hus och sädesmagasin.

– De sköt mot alla som försökte fly. Vi har begravt våra grannar hela söndagen, säger en invånare
till en lokal radiostation.

Ingen grupp har tagit på sig dådet. Militärregeringen i Bamako anklagar en jihadistgrupp med
kopplingar till al-Qaida, medan lokala källor uppger att angriparna tillhörde en etnisk milis.
Jihadistgruppen förnekar i ett uttalande att den låg bakom angreppet.

Enligt Ocha har drygt 330\u00a0000 människor drivits på flykt i centrala Mali sedan början av året,
och omkring 1,2 miljoner är i akut behov av livsmedelshjälp.
""",
    ),
    Piece(
        key="nordposten-ryssland-byar-donetsk",
        site=NORDPOSTEN,
        path="/utrikes/2025/06/03/ryssland-sager-sig-ha-intagit-tva-byar-kiev-fornekar",
        published="2025-06-03T11:40:00+02:00",
        title="Ryssland säger sig ha intagit två byar – Kiev förnekar",
        kicker="Kriget i Ukraina",
        author="Nordpostens utrikesredaktion",
        body="""
Ryska styrkor har intagit två byar i Donetskregionen, uppger det ryska försvarsministeriet. Ukraina
förnekar uppgifterna.

Enligt det ryska försvarsministeriet har byarna ”befriats” efter flera dagars strider, och ukrainska
förband ska ha förlorat omkring 450 soldater under det senaste dygnet.

Ukrainas generalstab säger att striderna fortsätter i området och att ryska anfall har slagits
tillbaka vid ett tiotal tillfällen.

– Uppgifterna om att byarna har fallit stämmer inte. Våra förband håller sina positioner, säger en
talesperson för den ukrainska armégruppen i området.

Analytiker vid en amerikansk tankesmedja bedömer att ryska styrkor har gjort ”marginella framsteg”
men att det saknas belägg för att byarna har intagits helt. Enligt deras beräkningar har Ryssland
erövrat mellan 150 och 200 kvadratkilometer i regionen sedan april.

Ingen av parternas uppgifter om förluster har kunnat bekräftas av oberoende källor.
""",
    ),
    Piece(
        key="nordposten-ryskt-spaningsplan",
        site=NORDPOSTEN,
        path="/sverige/2025/06/03/forsvarsmakten-ryskt-spaningsplan-krankte-svenskt-luftrum",
        published="2025-06-03T16:05:00+02:00",
        title="Försvarsmakten: Ryskt spaningsplan kränkte svenskt luftrum",
        kicker="Försvar",
        author="Nordpostens inrikesredaktion",
        body="""
Ett ryskt spaningsflygplan kränkte svenskt luftrum öster om Gotland på tisdagen, uppger
Försvarsmakten.

Enligt Försvarsmakten befann sig planet, av typen Il-20, i svenskt luftrum i omkring två minuter
innan det lämnade området. Två svenska JAS 39 Gripen skickades upp för att identifiera och
dokumentera planet.

– Det här är ett oprofessionellt och oacceptabelt agerande, säger Försvarsmaktens presstalesperson
Erik Sundberg.

Utrikesdepartementet har kallat upp en företrädare för den ryska ambassaden. Ambassaden förnekar i
ett uttalande att någon kränkning har ägt rum och skriver att flygningen ”följde internationella
regler”.

Enligt Försvarsmakten är det den andra kränkningen i år. Under förra året registrerades totalt fem
kränkningar av svenskt territorium, varav fyra av ryska luftfartyg.
""",
    ),
]

# --- examples/feeds (Atom, English) --------------------------------------------------------------

ATOM_ENTRIES = [
    Piece(
        key="meridian-red-sea-tanker",
        site=MERIDIAN,
        path="/world/middle-east/2025/06/12/tanker-reportedly-hit-by-drone-in-red-sea",
        published="2025-06-12T09:20:00+00:00",
        title="Tanker reportedly hit by drone in Red Sea, maritime agency says",
        kicker="Red Sea",
        author="Meridian Herald staff",
        body="""
A tanker was reportedly struck by a drone about 70 nautical miles west of the Yemeni port of Hodeidah
on Thursday, a British maritime security agency said.

The vessel suffered minor damage and all 23 crew members were safe, according to the agency, which
said the ship was continuing to its next port of call.

Yemen's Houthi movement claimed responsibility, saying in a televised statement that it had targeted
the ship with "a number of drones" because its owner had links to Israel. The shipping company denied
any such links.

"There was an explosion near the bridge and a small fire that the crew put out within 20 minutes," a
security source familiar with the incident said.

A U.S. official said American forces had shot down two other drones over the Red Sea on the same day.
The official did not say whether they had been aimed at the tanker.

Attacks on shipping have forced hundreds of vessels to take the longer route around Africa, adding
about 10 days to voyages between Asia and Europe, according to industry estimates.
""",
    ),
    Piece(
        key="meridian-lithuania-air-defence",
        site=MERIDIAN,
        path="/world/europe/2025/06/10/lithuanian-lawmakers-approve-air-defence-package",
        published="2025-06-10T17:45:00+00:00",
        title="Lithuanian lawmakers approve 1.1 billion euro air defence package",
        kicker="Europe",
        author="Meridian Herald staff",
        body="""
Lithuania's parliament approved a 1.1 billion euro air defence package on Tuesday, after a debate in
which opposition lawmakers accused the government of overpaying for the systems.

The package, passed by 86 votes to 23, will fund six additional short-range air defence batteries and
about 1,000 interceptor missiles, the defence ministry said.

"Our airspace must be protected every hour of every day," the defence minister told parliament. "We
cannot wait for the next drone to fall on a Lithuanian village."

Opposition lawmakers said the price was inflated. One of them claimed that a neighbouring country had
bought a similar system for "at least 30 percent less", a claim the ministry rejected as "simply
wrong".

According to ministry figures, defence spending will reach about 3.9 percent of gross domestic
product this year, among the highest levels in NATO.

Officials said the first batteries could be delivered within 18 months, though industry sources said
delivery times of two to three years were more realistic.
""",
    ),
]

# --- examples/warc -------------------------------------------------------------------------------

WARC_PAGES = [
    Piece(
        key="nordposten-sapo-rekrytering",
        site=NORDPOSTEN,
        path="/sverige/2025/06/14/sapo-frammande-makt-forsoker-varva-anstallda",
        published="2025-06-14T06:30:00+02:00",
        title="Säpo: Främmande makt försöker värva anställda på svenska företag",
        kicker="Säkerhet",
        author="Nordpostens inrikesredaktion",
        body="""
Säkerhetspolisen varnar för att främmande makt i allt större utsträckning försöker värva anställda
på svenska försvars- och teknikföretag. Enligt myndighetens lägesbild har antalet kända försök ökat
med omkring 30 procent på ett år.

– Vi ser att Ryssland, Kina och Iran är de mest aktiva aktörerna, säger en biträdande avdelningschef
vid Säkerhetspolisen på en pressträff i Solna.

Enligt Säpo sker många kontakter via sociala medier och rekryteringssajter, där personer med tillgång
till känslig information erbjuds betalt för ”konsultuppdrag”. I vissa fall ska ersättningen ha
uppgått till mellan 50\u00a0000 och 100\u00a0000 kronor.

Säpo uppger att myndigheten under förra året genomförde drygt 200 informationsinsatser riktade till
företag och lärosäten.

Den kinesiska ambassaden i Stockholm avvisar uppgifterna och skriver i ett mejl att anklagelserna är
”grundlösa och illvilliga”. Den ryska ambassaden har inte svarat på frågor.

Enligt en källa inom näringslivet, som inte vill framträda med namn, har flera större företag börjat
granska anställdas kontakter med utländska rekryterare.
""",
    ),
    Piece(
        key="meridian-armenia-azerbaijan-border",
        site=MERIDIAN,
        path="/world/europe/2025/06/15/armenia-and-azerbaijan-trade-blame-after-border-shooting",
        published="2025-06-15T12:10:00+00:00",
        title="Armenia and Azerbaijan trade blame after border shooting",
        kicker="Caucasus",
        author="Meridian Herald staff",
        body="""
Armenia and Azerbaijan accused each other on Sunday of opening fire across their shared border, in an
incident that Armenian officials said left one soldier dead and two wounded.

Armenia's defence ministry said Azerbaijani forces fired small arms and mortars at Armenian positions
near the town of Sotk for about 40 minutes, starting at 6:15 a.m. local time.

Azerbaijan's defence ministry denied the account, saying its troops had only returned fire after
being "subjected to provocative shooting" from the Armenian side. It reported no casualties among its
own forces.

"This is a deliberate attempt to undermine the peace process," an Armenian government spokesperson
told reporters in Yerevan.

The European Union's monitoring mission, which has about 200 observers in Armenia, said it was aware
of the reports and was "gathering information". A diplomat in Baku, speaking on condition of
anonymity, said both sides appeared keen to prevent the incident from escalating.

The two countries have been negotiating a peace agreement for more than two years.
""",
    ),
    Piece(
        key="meridian-myanmar-border-town",
        site=MERIDIAN,
        path="/world/asia/2025/06/16/myanmar-rebel-alliance-claims-capture-of-border-town",
        published="2025-06-16T03:50:00+00:00",
        title="Myanmar rebel alliance claims capture of border town; military denies",
        kicker="Asia",
        author="Meridian Herald staff",
        body="""
An alliance of ethnic armed groups in Myanmar said on Saturday it had captured a town on the border
with China after weeks of fighting, a claim the military government denied.

In a statement, the alliance said its fighters had seized "all military positions" in the town and
taken about 120 soldiers prisoner. It said hundreds of soldiers had surrendered or fled.

A spokesman for the military government told state television that troops remained in control of the
town and described the claims as "fabricated news". He said that "a small number of terrorists" had
been killed in clashes on the outskirts.

Residents reached by phone said fighting had stopped on Friday evening. "There are no more soldiers
in the streets, only the rebels," one shop owner said, asking that his name not be used.

The United Nations says more than 3 million people have been displaced in Myanmar since the military
seized power in February 2021. Independent verification of battlefield claims is difficult because
of restrictions on travel and communications.
""",
    ),
]

# --- page templates ------------------------------------------------------------------------------

SV_MONTHS = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
]

SV_CHROME = {
    "cookie": (
        "<p>Vi och våra partner använder kakor (cookies) för att sajten ska fungera, för att mäta trafik "
        "och för att anpassa annonser. Du kan ändra dina val när som helst under "
        '<a href="/om/kakor">Inställningar för kakor</a>.</p>\n'
        '    <button type="button" class="btn btn-primary">Godkänn alla</button>\n'
        '    <button type="button" class="btn">Endast nödvändiga</button>'
    ),
    "nav": ["Start", "Sverige", "Utrikes", "Ekonomi", "Kultur", "Sport", "Debatt", "Ledare"],
    "login": "Logga in",
    "subscribe": "Prenumerera",
    "by": "Av",
    "published": "Publicerad",
    "share": ["Dela på Facebook", "Dela på X", "Mejla", "Kopiera länk"],
    "also": "Läs också",
    "most_read": "Mest läst just nu",
    "ad": "Annons",
    "newsletter": "Få de viktigaste nyheterna varje morgon – prenumerera på vårt nyhetsbrev.",
    "footer": [
        "Chefredaktör och ansvarig utgivare: Maria Holmén",
        "Nordposten, Box 1234, 111 22 Stockholm",
        "Tipsa oss: tips@nordposten.example",
        "Om kakor · Personuppgiftspolicy · Kundservice · Annonsera",
        "Fiktiv exempelsida för claimledger. Händelser, personer och citat är påhittade.",
        "© 2025 Nordposten",
    ],
}

EN_CHROME = {
    "cookie": (
        "<p>We use cookies and similar technologies to run this site, measure traffic and personalise "
        'ads. You can change your choices at any time in <a href="/privacy/cookies">Cookie '
        "settings</a>.</p>\n"
        '    <button type="button" class="btn btn-primary">Accept all</button>\n'
        '    <button type="button" class="btn">Reject non-essential</button>'
    ),
    "nav": ["Home", "World", "Politics", "Business", "Technology", "Opinion", "Sport", "Podcasts"],
    "login": "Sign in",
    "subscribe": "Subscribe",
    "by": "By",
    "published": "Published",
    "share": ["Share on Facebook", "Share on X", "Email", "Copy link"],
    "also": "Read more",
    "most_read": "Most read",
    "ad": "Advertisement",
    "newsletter": "Get the morning briefing: the day's biggest stories, in your inbox by 7 a.m.",
    "footer": [
        "The Meridian Herald, 20 Harbour Street, London",
        "Contact us · Corrections · Terms of use · Privacy policy · Cookie settings",
        "Fictional example page for claimledger. Events, people and quotes are invented.",
        "© 2025 The Meridian Herald",
    ],
}


def human_date(p: Piece) -> str:
    d = p.when
    if p.site.lang == "sv":
        return f"{d.day} {SV_MONTHS[d.month - 1]} {d.year} kl. {d:%H.%M}"
    return f"{d:%B} {d.day}, {d.year}, {d:%H:%M} GMT"


def lead(p: Piece) -> str:
    first = p.paragraphs[0]
    end = first.find(". ")
    return first if end < 0 else first[: end + 1]


def esc(text: str, nbsp_entity: bool = False) -> str:
    out = html.escape(text, quote=False)
    return out.replace("\u00a0", "&nbsp;") if nbsp_entity else out


def render_page(p: Piece, related: list[Piece], charset: str = "utf-8") -> bytes:
    """A realistic article page: cookie banner, header, nav, article, asides, footer."""
    chrome = SV_CHROME if p.site.lang == "sv" else EN_CHROME
    sv = p.site.lang == "sv"
    section = p.path.strip("/").split("/")[0]
    paras = p.paragraphs
    body_lines = [f'        <p class="lead">{esc(paras[0], sv)}</p>']
    for i, para in enumerate(paras[1:], start=1):
        body_lines.append(f"        <p>{esc(para, sv)}</p>")
        if i == 2 and related:
            r = related[0]
            body_lines.append(
                '        <aside class="inline-related">\n'
                f"          <h3>{chrome['also']}</h3>\n"
                f'          <a href="{r.url}">{esc(r.title)}</a>\n'
                "        </aside>"
            )
        if i == 3:
            body_lines.append(f'        <div class="ad-slot" data-slot="mid-article">{chrome["ad"]}</div>')
    hrefs = ["/" + ("" if i == 0 else n.lower()) for i, n in enumerate(chrome["nav"])]
    nav = "\n".join(
        f'        <li><a href="{h}">{n}</a></li>' for h, n in zip(hrefs, chrome["nav"], strict=True)
    )
    share = "\n".join(f'        <li><button type="button">{s}</button></li>' for s in chrome["share"])
    most_read = "\n".join(f'        <li><a href="{r.url}">{esc(r.title)}</a></li>' for r in related)
    footer = "\n".join(f"      <p>{esc(line)}</p>" for line in chrome["footer"])
    ld = (
        '{"@context": "https://schema.org", "@type": "NewsArticle", '
        f'"headline": "{p.title.replace(chr(34), chr(39))}", "datePublished": "{p.published}", '
        f'"inLanguage": "{p.site.lang}", "publisher": {{"@type": "Organization", "name": "{p.site.name}"}}}}'
    )
    page = f"""<!DOCTYPE html>
<html lang="{p.site.lang}">
<head>
  <meta charset="{charset}">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{esc(p.title)} | {esc(p.site.name)}</title>
  <meta name="description" content="{html.escape(lead(p))}">
  <meta property="og:site_name" content="{esc(p.site.name)}">
  <meta property="og:type" content="article">
  <meta property="og:title" content="{html.escape(p.title)}">
  <meta property="og:url" content="{p.url}">
  <meta property="article:published_time" content="{p.published}">
  <meta property="article:section" content="{esc(p.kicker)}">
  <link rel="canonical" href="{p.url}">
  <link rel="stylesheet" href="/static/css/site.4f2a9c.css">
  <script type="application/ld+json">{ld}</script>
</head>
<body class="article-page section-{section}">
  <div id="cookie-consent" class="cookie-banner" role="dialog" aria-live="polite">
    {chrome["cookie"]}
  </div>
  <header class="site-header">
    <a class="logo" href="/">{esc(p.site.name)}</a>
    <nav class="main-nav" aria-label="main">
      <ul>
{nav}
      </ul>
    </nav>
    <div class="account"><a href="/login">{chrome["login"]}</a>
      <a class="btn" href="/subscribe">{chrome["subscribe"]}</a></div>
  </header>
  <main id="content">
    <article class="article">
      <header class="article-header">
        <p class="kicker">{esc(p.kicker)}</p>
        <h1>{esc(p.title)}</h1>
        <p class="byline">{chrome["by"]} <span class="author">{esc(p.author)}</span> ·
          {chrome["published"]} <time datetime="{p.published}">{human_date(p)}</time></p>
      </header>
      <ul class="share-buttons">
{share}
      </ul>
      <div class="article-body">
{chr(10).join(body_lines)}
      </div>
    </article>
    <aside class="most-read">
      <h2>{chrome["most_read"]}</h2>
      <ol>
{most_read}
      </ol>
    </aside>
    <aside class="newsletter-signup"><p>{esc(chrome["newsletter"])}</p>
      <form action="/newsletter"><input type="email" name="email">
        <button type="submit">OK</button></form></aside>
  </main>
  <footer class="site-footer">
{footer}
  </footer>
  <script src="/static/js/app.9d81e2.js" defer></script>
</body>
</html>
"""
    return page.encode(charset)


# --- feeds ---------------------------------------------------------------------------------------


def html_body(p: Piece) -> str:
    return "".join(f"<p>{esc(para)}</p>" for para in p.paragraphs)


def render_rss(items: list[Piece]) -> bytes:
    site = items[0].site
    newest = max(p.when for p in items)
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"',
        '     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">',
        "  <channel>",
        f"    <title>{xml_escape(site.name)} – Senaste nytt</title>",
        f"    <link>{site.base}/</link>",
        f'    <atom:link href="{site.base}/rss/senaste.xml" rel="self" type="application/rss+xml"/>',
        "    <description>De senaste nyheterna från Nordposten. Fiktivt exempelflöde för claimledger: "
        "händelser, personer och citat är påhittade.</description>",
        "    <language>sv-SE</language>",
        f"    <lastBuildDate>{format_datetime(newest)}</lastBuildDate>",
        "    <generator>claimledger scripts/make_examples.py</generator>",
        "    <ttl>15</ttl>",
    ]
    for p in sorted(items, key=lambda p: p.when, reverse=True):
        body = html_body(p)
        assert "]]>" not in body
        parts += [
            "    <item>",
            f"      <title>{xml_escape(p.title)}</title>",
            f"      <link>{p.url}</link>",
            f'      <guid isPermaLink="true">{p.url}</guid>',
            f"      <pubDate>{format_datetime(p.when)}</pubDate>",
            f"      <dc:creator>{xml_escape(p.author)}</dc:creator>",
            f"      <category>{xml_escape(p.kicker)}</category>",
            f"      <description>{xml_escape(lead(p))}</description>",
            f"      <content:encoded><![CDATA[{body}]]></content:encoded>",
            "    </item>",
        ]
    parts += ["  </channel>", "</rss>", ""]
    return "\n".join(parts).encode("utf-8")


def render_atom(entries: list[Piece]) -> bytes:
    site = entries[0].site
    newest = max(p.when for p in entries)
    host = site.base.split("//", 1)[1].removeprefix("www.")
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{site.lang}">',
        f"  <title>{xml_escape(site.name)} – World</title>",
        "  <subtitle>Fictional example feed for claimledger: events, people and quotes are invented."
        "</subtitle>",
        f'  <link rel="self" type="application/atom+xml" href="{site.base}/world/atom.xml"/>',
        f'  <link rel="alternate" type="text/html" href="{site.base}/world"/>',
        f"  <id>tag:{host},2025:/world</id>",
        f"  <updated>{newest.isoformat()}</updated>",
        "  <generator>claimledger scripts/make_examples.py</generator>",
    ]
    for p in sorted(entries, key=lambda p: p.when, reverse=True):
        parts += [
            "  <entry>",
            f"    <title>{xml_escape(p.title)}</title>",
            f'    <link rel="alternate" type="text/html" href="{p.url}"/>',
            f"    <id>tag:{host},{p.when:%Y-%m-%d}:{p.path}</id>",
            f"    <published>{p.published}</published>",
            f"    <updated>{p.published}</updated>",
            f"    <author><name>{xml_escape(p.author)}</name></author>",
            f'    <category term="{xml_escape(p.kicker)}"/>',
            f"    <summary>{xml_escape(lead(p))}</summary>",
            f'    <content type="html">{xml_escape(html_body(p))}</content>',
            "  </entry>",
        ]
    parts += ["</feed>", ""]
    return "\n".join(parts).encode("utf-8")


# --- WARC ----------------------------------------------------------------------------------------

CRAWL_DATES = ["2025-06-16T08:30:05Z", "2025-06-16T08:30:06Z", "2025-06-16T08:30:07Z", "2025-06-16T08:30:09Z"]
USER_AGENT = "Mozilla/5.0 (compatible; example-crawler/1.0; +https://crawler.example/bot)"


def record_id(name: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(UUID_NS, name)}>"


def http_date(iso: str) -> str:
    return format_datetime(datetime.fromisoformat(iso.replace("Z", "+00:00")), usegmt=True)


def render_warc(pages: list[tuple[Piece, str]]) -> bytes:
    """warcinfo, one request, then one response per page (HTTP headers included)."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True, warc_version="WARC/1.1")
    info = (
        b"software: claimledger scripts/make_examples.py (warcio)\r\n"
        b"format: WARC File Format 1.1\r\n"
        b"conformsTo: http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n"
        b"description: Fictional news pages written for claimledger; see examples/SOURCES.md\r\n"
        b"isPartOf: claimledger-examples\r\n"
        b"robots: obey\r\n"
    )
    writer.write_record(
        writer.create_warc_record(
            "",
            "warcinfo",
            payload=io.BytesIO(info),
            length=len(info),
            warc_content_type="application/warc-fields",
            warc_headers_dict={
                "WARC-Record-ID": record_id("warcinfo"),
                "WARC-Date": CRAWL_DATES[0],
                "WARC-Filename": "examples.warc.gz",
            },
        )
    )
    for n, (page, charset) in enumerate(pages):
        date = CRAWL_DATES[n + 1]
        response_id = record_id(f"response:{page.key}")
        host = page.site.base.split("//", 1)[1]
        if n == 0:
            req_headers = StatusAndHeaders(
                f"GET {page.path} HTTP/1.1",
                [
                    ("Host", host),
                    ("User-Agent", USER_AGENT),
                    ("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"),
                    ("Accept-Language", "sv-SE,sv;q=0.9,en;q=0.8"),
                    ("Connection", "close"),
                ],
                is_http_request=True,
            )
            writer.write_record(
                writer.create_warc_record(
                    page.url,
                    "request",
                    http_headers=req_headers,
                    warc_headers_dict={
                        "WARC-Record-ID": record_id(f"request:{page.key}"),
                        "WARC-Date": date,
                        "WARC-Concurrent-To": response_id,
                    },
                )
            )
        body = render_page(page, related_for(page), charset=charset)
        resp_headers = StatusAndHeaders(
            "200 OK",
            [
                ("Date", http_date(date)),
                ("Server", "nginx"),
                ("Content-Type", f"text/html; charset={charset}"),
                ("Content-Length", str(len(body))),
                ("Cache-Control", "public, max-age=60"),
                ("Vary", "Accept-Encoding"),
                ("Set-Cookie", "consent=pending; Path=/; SameSite=Lax"),
                ("X-Cache", "HIT"),
            ],
            protocol="HTTP/1.1",
        )
        writer.write_record(
            writer.create_warc_record(
                page.url,
                "response",
                payload=io.BytesIO(body),
                length=len(body),
                http_headers=resp_headers,
                warc_headers_dict={
                    "WARC-Record-ID": response_id,
                    "WARC-Date": date,
                    "WARC-IP-Address": f"192.0.2.{10 + n}",
                },
            )
        )
    return buf.getvalue()


# --- main ----------------------------------------------------------------------------------------


def everything() -> list[Piece]:
    return [HTML_SV, HTML_EN, *RSS_ITEMS, *ATOM_ENTRIES, *WARC_PAGES]


def related_for(page: Piece) -> list[Piece]:
    """Other stories from the same outlet, for the 'read more' and 'most read' boxes."""
    return [p for p in everything() if p.site is page.site and p is not page][:3]


def outputs() -> dict[Path, bytes]:
    keys = [p.key for p in everything()]
    assert len(set(keys)) == len(keys), "duplicate article key"
    return {
        EXAMPLES / "html" / "nordposten-ukraina-dronare.html": render_page(HTML_SV, related_for(HTML_SV)),
        EXAMPLES / "html" / "meridian-darfur-aid-convoy.html": render_page(HTML_EN, related_for(HTML_EN)),
        EXAMPLES / "feeds" / "nordposten-senaste.rss": render_rss(RSS_ITEMS),
        EXAMPLES / "feeds" / "meridian-world.atom": render_atom(ATOM_ENTRIES),
        EXAMPLES / "warc" / "examples.warc.gz": render_warc(
            [(WARC_PAGES[0], "windows-1252"), (WARC_PAGES[1], "utf-8"), (WARC_PAGES[2], "utf-8")]
        ),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report files that would change; write nothing")
    args = parser.parse_args(argv)
    stale = []
    for path, data in outputs().items():
        old = path.read_bytes() if path.exists() else None
        if old == data:
            continue
        stale.append(path)
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    for path in stale:
        print(f"{'stale' if args.check else 'wrote'}: {path.relative_to(ROOT)}")
    return 1 if (args.check and stale) else 0


if __name__ == "__main__":
    sys.exit(main())
