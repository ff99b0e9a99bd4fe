"""Postal addresses of 36 countries, each laid out by that country's own conventions.

A layout is the address lines joined by ``\\n`` with ``{field}`` slots. Fields are drawn once per address
from the country's lists (real street-name styles and real city names; the combination is made up).
``{pc}`` is a postcode from the country's patterns (``#`` a digit, ``?`` a capital letter), ``{no}`` a house
number, ``{n}`` a small number, ``{box}`` a post-office box number. A city entry ``Austin|TX`` fills
``{city}`` and ``{region}`` together; ``{CITY}`` is the city in capitals, as many countries' post offices
ask. The country line, when present, is the last line.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Country:
    names: tuple[str, ...]  # the country line as people write it
    postcodes: tuple[str, ...]
    layouts: tuple[str, ...]
    fields: dict[str, tuple[str, ...]] = field(default_factory=dict)


COUNTRIES: dict[str, Country] = {
    "US": Country(
        ("USA", "United States", "United States of America"), ("#####", "#####", "#####-####"),
        ("{no} {street}\n{city}, {region} {pc}", "{no} {street} {unit}\n{city}, {region} {pc}",
         "{no} {street}\n{unit}\n{city} {region} {pc}", "PO Box {box}\n{city}, {region} {pc}",
         "P.O. Box {box}\n{CITY} {region} {pc}"),
        {"street": ("Maple Avenue", "Oak Street", "Peachtree Rd NE", "W Washington St", "Lincoln Way",
                    "N 3rd St", "Sunset Blvd", "Elm Court", "Cedar Lane"),
         "city": ("Springfield|IL", "Austin|TX", "Columbus|OH", "Tacoma|WA", "Savannah|GA", "Madison|WI",
                  "Boise|ID", "Albany|NY", "Tucson|AZ"),
         "unit": ("Apt 4B", "Apt. 12", "Suite 210", "Unit 7", "#305", "Ste 1400")},
    ),
    "GB": Country(
        ("United Kingdom", "UK"), ("?# #??", "?## #??", "??# #??", "??## #??", "?#? #??", "??#? #??"),
        ("{no} {street}\n{city}\n{pc}", "Flat {n}\n{no} {street}\n{CITY}\n{pc}",
         "{house}\n{street}\n{city} {pc}", "Flat {n}, {no} {street}\n{city} {pc}",
         "{no} {street}\n{district}\n{CITY}\n{pc}"),
        {"street": ("High Street", "Church Lane", "Victoria Road", "Kings Road", "Mill Lane", "Station Road",
                    "Albert Terrace", "Queen's Drive", "Ashgrove Close"),
         "city": ("London", "Manchester", "Leeds", "Bristol", "Cardiff", "Glasgow", "Norwich", "York"),
         "house": ("Rose Cottage", "The Old Rectory", "Ivy House", "2 The Mews", "Orchard View"),
         "district": ("Headingley", "Clifton", "Didsbury", "Hackney", "Roath")},
    ),
    "IE": Country(
        ("Ireland",), ("?## ?#?#", "?## ??##", "D0# ?#??"),
        ("{no} {street}\n{town}\nCo. {county}\n{pc}", "Apartment {n}, {estate}\n{street}\n{town}\n{pc}",
         "{house}\n{town}, Co. {county}\n{pc}"),
        {"street": ("Main Street", "Shop Street", "Parnell Road", "O'Connell Street", "Church Road"),
         "town": ("Castlebar", "Ennis", "Tralee", "Navan", "Athlone", "Dublin 8"),
         "county": ("Mayo", "Clare", "Kerry", "Meath", "Westmeath"),
         "estate": ("Riverside Court", "The Paddocks", "Ashfield Park"), "house": ("Cois Abhann", "Glenview")},
    ),
    "CA": Country(
        ("Canada",), ("?#? #?#",),
        ("{no} {street}\n{city} {region}  {pc}", "{n}-{no} {street}\n{city}, {region} {pc}",
         "{no} {street}, {unit}\n{city} ({region}) {pc}"),
        {"street": ("Queen St W", "Spring Garden Rd", "Jasper Ave", "rue Sainte-Catherine", "Portage Ave"),
         "city": ("Toronto|ON", "Halifax|NS", "Edmonton|AB", "Montréal|QC", "Winnipeg|MB", "Victoria|BC"),
         "unit": ("Suite 300", "Apt 1203", "Unit 5")},
    ),
    "AU": Country(
        ("Australia",), ("####",),
        ("{no} {street}\n{CITY} {region} {pc}", "Unit {n}/{no} {street}\n{city} {region} {pc}",
         "PO Box {box}\n{CITY} {region} {pc}", "{n}/{no} {street}, {city} {region} {pc}"),
        {"street": ("Crown Street", "Brunswick St", "Ann Street", "Hay Street", "Jetty Road", "Elizabeth St"),
         "city": ("Surry Hills|NSW", "Fitzroy|VIC", "Fortitude Valley|QLD", "Subiaco|WA", "Glenelg|SA",
                  "Sandy Bay|TAS")},
    ),
    "NZ": Country(
        ("New Zealand", "NZ"), ("####",),
        ("{no} {street}\n{district}\n{city} {pc}", "Flat {n}, {no} {street}\n{district}, {city} {pc}"),
        {"street": ("Ponsonby Road", "Cuba Street", "Riccarton Road", "George Street", "Karori Road"),
         "district": ("Ponsonby", "Te Aro", "Riccarton", "Mount Eden", "Karori"),
         "city": ("Auckland", "Wellington", "Christchurch", "Dunedin")},
    ),
    "IN": Country(
        ("India",), ("1#####", "4#####", "5#####", "6#####", "7#####"),
        ("Flat No. {n}, {building}\n{no}, {street}, {locality}\n{city} - {pc}\n{region}",
         "H.No. {n}-{no}/{box}, {street}\n{locality}\n{city}, {region} {pc}",
         "{no}, {street}\n{locality}\n{city} {pc}", "{n}/{no}, {building}, {street}, {locality}, {city} {pc}"),
        {"building": ("Sai Residency", "Green Park Apartments", "Shanti Niketan", "Lotus Towers",
                      "Prestige Shantiniketan"),
         "street": ("MG Road", "Linking Road", "Nehru Street", "100 Feet Road", "Anna Salai", "Park Street"),
         "locality": ("Indiranagar", "Koramangala", "Bandra West", "Salt Lake", "T. Nagar", "Banjara Hills"),
         "city": ("Bengaluru|Karnataka", "Mumbai|Maharashtra", "Chennai|Tamil Nadu", "Hyderabad|Telangana",
                  "Kolkata|West Bengal", "Pune|Maharashtra", "Jaipur|Rajasthan")},
    ),
    "NG": Country(
        ("Nigeria",), ("1#####", "9#####", "4#####"),
        ("{no} {street}\n{district}\n{city} {pc}\n{region} State", "Plot {no}, {street}\n{district}, {city}",
         "P.M.B. {box}\n{city}, {region} State", "{no} {street}, {district}, {city}"),
        {"street": ("Adeola Odeku Street", "Awolowo Road", "Allen Avenue", "Ahmadu Bello Way",
                    "Aminu Kano Crescent", "Ogui Road"),
         "district": ("Victoria Island", "Ikeja GRA", "Wuse II", "Lekki Phase 1", "Garki", "Bodija"),
         "city": ("Lagos|Lagos", "Ibadan|Oyo", "Enugu|Enugu", "Kano|Kano", "Port Harcourt|Rivers")},
    ),
    "KE": Country(
        ("Kenya",), ("00100", "80100", "40100", "20100", "00200", "00606"),
        ("P.O. Box {box}-{pc}\n{city}", "{building}, {street}\nP.O. Box {box}-{pc}\n{city}",
         "House No. {no}, {street}\n{district}, {city}", "P.O. Box {box} - {pc}, {CITY}"),
        {"building": ("Kimathi House", "Mama Ngina Plaza", "Westlands Square"),
         "street": ("Kenyatta Avenue", "Moi Avenue", "Ngong Road", "Oginga Odinga Street", "Muthaiga Road"),
         "district": ("Westlands", "Kilimani", "Nyali", "Milimani"),
         "city": ("Nairobi", "Mombasa", "Kisumu", "Nakuru", "Eldoret")},
    ),
    "ZA": Country(
        ("South Africa",), ("####", "0###"),
        ("{no} {street}\n{district}\n{city}\n{pc}", "PO Box {box}\n{district}\n{pc}",
         "{n} {building}, {no} {street}\n{district}, {city}, {pc}"),
        {"street": ("Main Road", "Jan Smuts Avenue", "Long Street", "Florida Road", "Church Street"),
         "district": ("Sea Point", "Melville", "Umhlanga", "Hatfield", "Observatory"),
         "city": ("Cape Town", "Johannesburg", "Durban", "Pretoria"), "building": ("Seaview Court", "The Loft")},
    ),
    "PH": Country(
        ("Philippines",), ("1###", "6000", "8000", "4###"),
        ("{no} {street}, Brgy. {district}\n{city} {pc}\n{region}",
         "Unit {n}, {building}\n{no} {street}\n{city} {pc} Metro Manila"),
        {"street": ("Ayala Avenue", "Rizal Street", "Mabini St.", "Katipunan Avenue", "Osmeña Blvd"),
         "district": ("San Lorenzo", "Loyola Heights", "Lahug", "Poblacion"),
         "city": ("Makati City|Metro Manila", "Quezon City|Metro Manila", "Cebu City|Cebu", "Davao City|Davao"),
         "building": ("Tower One", "The Residences", "Greenbelt Suites")},
    ),
    "DE": Country(
        ("Germany", "Deutschland"), ("#####",),
        ("{street} {no}\n{pc} {city}", "{street} {no}{letter}\n{pc} {city}", "Postfach {box}\n{pc} {city}",
         "{street} {no}\n{unit}\n{pc} {city}", "{street} {no}, {pc} {city}"),
        {"street": ("Hauptstraße", "Bahnhofstraße", "Lindenallee", "Goethestraße", "Kastanienweg",
                    "Am Marktplatz", "Berliner Straße", "Schillerstr."),
         "city": ("Berlin", "Hamburg", "München", "Köln", "Leipzig", "Freiburg im Breisgau", "Dortmund"),
         "letter": ("a", "b", "c"), "unit": ("Hinterhaus, 3. OG", "Wohnung 12", "2. Etage links")},
    ),
    "AT": Country(
        ("Austria", "Österreich"), ("1###", "8###", "4###", "5###", "6###"),
        ("{street} {no}/{n}/{box}\n{pc} {city}", "{street} {no}/{n}\n{pc} {city}"),
        {"street": ("Mariahilfer Straße", "Landstraßer Hauptstraße", "Herrengasse", "Getreidegasse"),
         "city": ("Wien", "Graz", "Linz", "Salzburg", "Innsbruck")},
    ),
    "CH": Country(
        ("Switzerland", "Schweiz", "Suisse"), ("####",),
        ("{street} {no}\n{pc} {city}", "Postfach {box}\n{pc} {city}", "{street} {no}\nCH-{pc} {city}"),
        {"street": ("Bahnhofstrasse", "Seestrasse", "Rue du Rhône", "Avenue de la Gare", "Kirchweg"),
         "city": ("Zürich", "Bern", "Basel", "Lausanne", "Genève", "Luzern")},
    ),
    "FR": Country(
        ("France",), ("75###", "69###", "13###", "31###", "44###", "59###", "33###"),
        ("{no}, {street}\n{pc} {CITY}", "{no} {street}\n{unit}\n{pc} {city}", "BP {box}\n{pc} {CITY} CEDEX",
         "{no} bis {street}, {pc} {city}"),
        {"street": ("rue de la République", "avenue Jean Jaurès", "boulevard Voltaire", "rue des Lilas",
                    "place du Marché", "chemin des Vignes", "allée des Tilleuls"),
         "city": ("Paris", "Lyon", "Marseille", "Toulouse", "Nantes", "Lille", "Bordeaux"),
         "unit": ("Bâtiment B, appartement 12", "Résidence Les Pins, apt 4", "3e étage")},
    ),
    "BE": Country(
        ("Belgium", "Belgique", "België"), ("1###", "2###", "9###", "4###", "3###"),
        ("{street} {no} bte {n}\n{pc} {city}", "{street} {no}\n{pc} {city}", "{street} {no} bus {n}\n{pc} {city}"),
        {"street": ("Rue Royale", "Avenue Louise", "Kerkstraat", "Meir", "Chaussée de Waterloo", "Veldstraat"),
         "city": ("Bruxelles", "Antwerpen", "Gent", "Liège", "Leuven", "Namur")},
    ),
    "NL": Country(
        ("Netherlands", "The Netherlands", "Nederland"), ("#### ??", "####??"),
        ("{street} {no}\n{pc} {city}", "{street} {no}-{suffix}\n{pc} {CITY}", "Postbus {box}\n{pc} {city}",
         "{street} {no}{suffix}, {pc} {city}"),
        {"street": ("Keizersgracht", "Dorpsstraat", "Julianalaan", "Prinsengracht", "Stationsweg", "Kerkplein"),
         "city": ("Amsterdam", "Rotterdam", "Utrecht", "Den Haag", "Groningen", "Eindhoven"),
         "suffix": ("II", "hs", "A", "bis", "3")},
    ),
    "ES": Country(
        ("Spain", "España"), ("28###", "08###", "41###", "46###", "48###", "29###"),
        ("{street}, {no}, {unit}\n{pc} {city}", "{street} {no}, {unit}\n{pc} {city}",
         "Apartado de Correos {box}\n{pc} {city}", "{street}, {no}\n{pc} {CITY}"),
        {"street": ("Calle Mayor", "C/ Alcalá", "Avenida de la Constitución", "Calle de Serrano",
                    "Paseo de Gracia", "Calle Larios"),
         "city": ("Madrid", "Barcelona", "Sevilla", "Valencia", "Bilbao", "Málaga"),
         "unit": ("3º B", "2º izda.", "bajo", "1º 2ª", "5º dcha.")},
    ),
    "IT": Country(
        ("Italy", "Italia"), ("00###", "20###", "80###", "10###", "40###", "50###"),
        ("{street} {no}\n{pc} {city} ({region})", "{street}, {no}\n{pc} {CITY} {region}",
         "{street} {no}, int. {n}\n{pc} {city} {region}", "Casella Postale {box}\n{pc} {city} ({region})"),
        {"street": ("Via Roma", "Corso Vittorio Emanuele II", "Piazza Garibaldi", "Viale dei Mille",
                    "Via Giuseppe Verdi", "Via della Spiga"),
         "city": ("Roma|RM", "Milano|MI", "Napoli|NA", "Torino|TO", "Bologna|BO", "Firenze|FI")},
    ),
    "PT": Country(
        ("Portugal",), ("1###-###", "4###-###", "3###-###", "8###-###"),
        ("{street}, {no}, {unit}\n{pc} {city}", "{street} {no}\n{pc} {CITY}", "Apartado {box}\n{pc} {city}"),
        {"street": ("Rua Augusta", "Avenida da Liberdade", "Rua de Santa Catarina", "Rua do Carmo",
                    "Travessa do Fala-Só"),
         "city": ("Lisboa", "Porto", "Braga", "Coimbra", "Faro"), "unit": ("2º Esq.", "3º Dto.", "R/C", "1º")},
    ),
    "BR": Country(
        ("Brazil", "Brasil"), ("#####-###",),
        ("{street}, {no} - Apto {n}\n{district}\n{city} - {region}\n{pc}",
         "{street}, {no}\n{district} - {city}/{region}\nCEP {pc}", "{street}, {no}, {district}, {city} - {region}, {pc}",
         "Caixa Postal {box}\n{pc} {city} - {region}"),
        {"street": ("Rua das Flores", "Avenida Paulista", "Rua Oscar Freire", "Rua XV de Novembro",
                    "Avenida Atlântica", "Rua da Aurora"),
         "district": ("Jardim Paulista", "Copacabana", "Savassi", "Boa Viagem", "Batel", "Centro"),
         "city": ("São Paulo|SP", "Rio de Janeiro|RJ", "Belo Horizonte|MG", "Recife|PE", "Curitiba|PR")},
    ),
    "MX": Country(
        ("Mexico", "México"), ("#####",),
        ("{street} {no}, Int. {n}\nCol. {district}\n{pc} {city}, {region}",
         "{street} No. {no}\nCol. {district}, C.P. {pc}\n{city}, {region}"),
        {"street": ("Av. Insurgentes Sur", "Calle Durango", "Paseo de la Reforma", "Calle 5 de Mayo",
                    "Av. Chapultepec"),
         "district": ("Roma Norte", "Del Valle", "Condesa", "Centro", "Americana"),
         "city": ("Ciudad de México|CDMX", "Guadalajara|Jalisco", "Monterrey|Nuevo León", "Puebla|Puebla", "Mérida|Yucatán")},
    ),
    "AR": Country(
        ("Argentina",), ("?####???", "####"),
        ("{street} {no}, Piso {n}, Depto {letter}\n{pc} {city}", "{street} {no}\n{city}, {region}",
         "{street} {no} {n}º {letter}\n({pc}) {city}"),
        {"street": ("Av. Corrientes", "Calle Florida", "Av. Santa Fe", "San Martín", "Bv. Oroño"),
         "city": ("Buenos Aires|CABA", "Córdoba|Córdoba", "Rosario|Santa Fe", "Mendoza|Mendoza"),
         "letter": ("A", "B", "C", "D")},
    ),
    "PL": Country(
        ("Poland", "Polska"), ("##-###",),
        ("ul. {street} {no}/{n}\n{pc} {city}", "ul. {street} {no}\n{pc} {city}", "al. {street} {no} m. {n}\n{pc} {CITY}",
         "skr. poczt. {box}\n{pc} {city}"),
        {"street": ("Marszałkowska", "Długa", "Piotrkowska", "Floriańska", "Mickiewicza", "Jerozolimskie"),
         "city": ("Warszawa", "Kraków", "Łódź", "Gdańsk", "Wrocław", "Poznań")},
    ),
    "CZ": Country(
        ("Czech Republic", "Czechia"), ("1## ##", "6## ##", "7## ##", "3## ##"),
        ("{street} {box}/{no}\n{pc} {city}", "{street} {no}\n{pc} {city}"),
        {"street": ("Vinohradská", "Masarykova", "Náměstí Míru", "Husova", "Korunní"),
         "city": ("Praha 2", "Brno", "Ostrava", "Plzeň", "Praha 10")},
    ),
    "SE": Country(
        ("Sweden", "Sverige"), ("### ##",),
        ("{street} {no}\n{pc} {CITY}", "{street} {no}, lgh {box}\n{pc} {city}", "Box {box}\n{pc} {city}"),
        {"street": ("Storgatan", "Drottninggatan", "Kungsgatan", "Vasagatan", "Sveavägen"),
         "city": ("Stockholm", "Göteborg", "Malmö", "Uppsala", "Umeå")},
    ),
    "NO": Country(
        ("Norway", "Norge"), ("0###", "5###", "7###", "4###", "9###"),
        ("{street} {no}\n{pc} {CITY}", "{street} {no}{letter}, H0{n}\n{pc} {city}", "Postboks {box}\n{pc} {city}"),
        {"street": ("Storgata", "Kongens gate", "Bygdøy allé", "Thorvald Meyers gate", "Strandgaten"),
         "city": ("Oslo", "Bergen", "Trondheim", "Stavanger", "Tromsø"), "letter": ("A", "B", "")},
    ),
    "DK": Country(
        ("Denmark", "Danmark"), ("####",),
        ("{street} {no}, {n}. {side}\n{pc} {city}", "{street} {no}\n{pc} {city}", "{street} {no}, st.\n{pc} {city}"),
        {"street": ("Vesterbrogade", "Nørregade", "Strandvejen", "Jægersborggade", "Store Kongensgade"),
         "city": ("København V", "Aarhus C", "Odense C", "Aalborg", "Frederiksberg C"),
         "side": ("tv.", "th.", "mf.")},
    ),
    "FI": Country(
        ("Finland", "Suomi"), ("00###", "33###", "20###", "90###"),
        ("{street} {no} {letter} {n}\n{pc} {CITY}", "{street} {no}\n{pc} {city}", "PL {box}\n{pc} {city}"),
        {"street": ("Mannerheimintie", "Hämeenkatu", "Aleksanterinkatu", "Puistokatu", "Kauppakatu"),
         "city": ("Helsinki", "Tampere", "Turku", "Oulu", "Espoo"), "letter": ("A", "B", "C")},
    ),
    "HU": Country(
        ("Hungary", "Magyarország"), ("1###", "4###", "6###", "7###", "9###"),
        ("{city}\n{street} {no}.\n{pc}", "{pc} {city}, {street} {no}", "{city}\n{street} {no}. {n}/{box}.\n{pc}",
         "Pf. {box}\n{pc} {city}"),
        {"street": ("Fő utca", "Kossuth Lajos utca", "Andrássy út", "Petőfi tér", "Rákóczi út"),
         "city": ("Budapest", "Debrecen", "Szeged", "Pécs", "Győr")},
    ),
    "RO": Country(
        ("Romania", "România"), ("######",),
        ("Str. {street} nr. {no}, bl. {letter}{n}, sc. {letter}, ap. {box}\n{pc} {city}, jud. {region}",
         "Str. {street} nr. {no}\n{pc} {city}", "Bd. {street} nr. {no}, et. {n}, ap. {box}\nSector {n}, București"),
        {"street": ("Mihai Eminescu", "Republicii", "Unirii", "Victoriei", "Avram Iancu"),
         "city": ("Cluj-Napoca|Cluj", "Iași|Iași", "Timișoara|Timiș", "Brașov|Brașov", "Constanța|Constanța"),
         "letter": ("A", "B", "C")},
    ),
    "TR": Country(
        ("Turkey", "Türkiye"), ("34###", "06###", "35###", "16###"),
        ("{street} No: {no} D: {n}\n{district} Mah.\n{pc} {region}/{CITY}",
         "{district} Mah. {street} No:{no}/{n}\n{region} {pc} {city}", "{district} Mahallesi, {street} No. {no}, {region}/{city}"),
        {"street": ("Atatürk Cad.", "İstiklal Cad.", "Bağdat Cad.", "Cumhuriyet Sok.", "Gazi Bulvarı"),
         "district": ("Caferağa", "Moda", "Kızılay", "Alsancak", "Fenerbahçe"),
         "city": ("İstanbul|Kadıköy", "Ankara|Çankaya", "İzmir|Konak", "Bursa|Nilüfer", "İstanbul|Beşiktaş")},
    ),
    "VN": Country(
        ("Vietnam", "Viet Nam"), ("######",),
        ("Số {no} {street}, Phường {district}\nQuận {n}, {city}", "{no}/{k} {street}, P. {district}, Q. {n}\n{city} {pc}",
         "{no} {street_en} Street, {district} Ward\nDistrict {n}, {city_en}"),
        {"street": ("Lê Lợi", "Nguyễn Huệ", "Trần Hưng Đạo", "Hai Bà Trưng", "Điện Biên Phủ"),
         "street_en": ("Le Loi", "Nguyen Hue", "Tran Hung Dao", "Hai Ba Trung", "Dien Bien Phu"),
         "district": ("Bến Nghé", "Đa Kao", "Thảo Điền", "Tân Định"),
         "city": ("TP. Hồ Chí Minh", "Hà Nội", "Đà Nẵng"), "city_en": ("Ho Chi Minh City", "Hanoi", "Da Nang")},
    ),
    "ID": Country(
        ("Indonesia",), ("1####", "4####", "5####", "6####", "8####"),
        ("Jl. {street} No. {no}, RT {n}/RW {box}\nKel. {district}, Kec. {region}\n{city} {pc}",
         "Jl. {street} No. {no}\n{city} {pc}", "Jl. {street} No.{no}, {district}, {city} {pc}"),
        {"street": ("Jend. Sudirman", "Gatot Subroto", "Malioboro", "Diponegoro", "Raya Kuta", "Braga"),
         "district": ("Menteng", "Senayan", "Sosromenduran", "Kuta", "Dago"),
         "city": ("Jakarta Selatan|Kebayoran Baru", "Bandung|Coblong", "Yogyakarta|Gedongtengen",
                  "Surabaya|Genteng", "Denpasar|Denpasar Barat")},
    ),
    "JP": Country(
        ("Japan",), ("###-####",),
        ("{building} {m}0{n}\n{n}-{m}-{k} {district}\n{region}, {city} {pc}", "{n}-{m}-{k} {district}, {region}\n{city} {pc}"),
        {"building": ("Sunny Heights", "Maison Aoyama", "Park Court", "Sakura Mansion"),
         "district": ("Jingumae", "Nishi-Shinjuku", "Kitahama", "Sakae", "Tenjin"),
         "city": ("Tokyo|Shibuya-ku", "Tokyo|Shinjuku-ku", "Osaka|Chuo-ku", "Nagoya|Naka-ku", "Fukuoka|Chuo-ku")},
    ),
    "AE": Country(
        ("United Arab Emirates", "UAE"), ("",),
        ("P.O. Box {box}\n{city}", "Apartment {box}, {building}\n{street}, {district}\n{city}",
         "Villa {no}, {street}, {district}, {city}"),
        {"building": ("Marina Heights", "Al Noor Tower", "Palm Residence"),
         "street": ("Sheikh Zayed Road", "Al Wasl Road", "Corniche Road", "Street 14"),
         "district": ("Dubai Marina", "Jumeirah 1", "Al Khalidiyah", "Al Majaz"),
         "city": ("Dubai", "Abu Dhabi", "Sharjah")},
    ),
}  # fmt: skip

_SLOT = re.compile(r"\{([A-Za-z_]+)\}")


def _code(rng: random.Random, pattern: str) -> str:
    return "".join(
        rng.choice("0123456789") if c == "#" else rng.choice("ABCDEFGHJKLMNPRSTUVWXY") if c == "?" else c
        for c in pattern
    )


def _fields(rng: random.Random, country: Country) -> dict[str, str]:
    """One draw of every field: lists, the city and its region together, and the number slots."""
    values = {name: rng.choice(options) for name, options in country.fields.items()}
    city, _, region = values.get("city", "").partition("|")
    values.update(city=city, CITY=city.upper(), region=region)
    big = country.names[0] in ("USA", "Canada", "Philippines", "Nigeria")  # four-digit house numbers
    values.update(
        pc=_code(rng, rng.choice(country.postcodes)),
        no=str(rng.randint(1, 30) if rng.random() < 0.5 else rng.randint(1, 9999 if big else 250)),
        n=str(rng.randint(1, 24)),
        m=str(rng.randint(1, 9)),
        k=str(rng.randint(1, 30)),
        box=str(rng.choice((rng.randint(10, 999), rng.randint(1000, 99999)))),
    )
    return values


def address_lines(rng: random.Random, code: str, with_country: bool) -> list[str]:
    """The lines of one address of country ``code``, the country's name last if ``with_country``."""
    country = COUNTRIES[code]
    values = _fields(rng, country)
    text = _SLOT.sub(lambda m: values[m.group(1)], rng.choice(country.layouts))
    lines = [" ".join(line.split()) for line in text.split("\n")]
    if with_country:
        name = rng.choice(country.names)
        lines.append(name.upper() if rng.random() < 0.3 else name)
    return lines


def one_line(lines: list[str]) -> str:
    """An address written inline, as in a sentence: its lines joined by commas."""
    return ", ".join(line.rstrip(",") for line in lines)
