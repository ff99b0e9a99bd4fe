"""German templates (filled with de_DE values)."""

from pare.data.synth.template import Template

TEMPLATES: tuple[Template, ...] = (
    Template(
        id="de-chat-001",
        style="chat",
        text="{first_name}: Hast du die Adresse für die Einladungen?\n"
        "{first_name_2}: Klar, schick sie an {address}\n{first_name}: Danke! Und deine Handynummer?\n"
        "{first_name_2}: {phone}",
    ),
    Template(
        id="de-chat-002",
        style="chat",
        text="{first_name}: Deployment von {version} ist durch, Commit {sha}\n"
        "{first_name_2}: Super. Kannst du mir kurz das Passwort für den Jenkins schicken?\n"
        "{first_name}: {password} – aber bitte nicht ins Wiki kopieren",
    ),
    Template(
        id="de-chat-003",
        style="chat",
        text="{first_name}: weißt du, wann {person_2} Geburtstag hat?\n{first_name_3}: am {birth_date}, "
        "glaub ich\n{first_name}: ok, dann sammle ich. Überweist einfach auf {iban}",
    ),
    Template(
        id="de-email-001",
        style="email",
        text="Betreff: Terminbestätigung\n\nGuten Tag {title} {last_name},\n\n"
        "hiermit bestätigen wir Ihren Termin am {date} um {time} Uhr in unserer Praxis. Bitte bringen Sie "
        "Ihre Versichertenkarte mit.\n\nMit freundlichen Grüßen\nIhr Praxisteam {company}",
    ),
    Template(
        id="de-email-002",
        style="email",
        text="Hallo {first_name},\n\nschön, dass wir uns auf der Messe kennengelernt haben. Mein Profil "
        "findest du unter {url_2}. Erreichbar bin ich per Mail an {email_2} oder mobil unter {phone_2}.\n\n"
        "Viele Grüße\n{person_2}",
    ),
    Template(
        id="de-email-003",
        style="email",
        text="Von: {person} <{email}>\nBetreff: Rückerstattung Bestellung {order_id}\n\n"
        "Sehr geehrte Damen und Herren,\n\nich habe den Artikel {product_code} am {date} zurückgeschickt, "
        "die Gutschrift über {amount} fehlt aber noch. Bitte überweisen Sie den Betrag auf mein Konto "
        "{iban}.\n\nFreundliche Grüße\n{person}",
    ),
    Template(
        id="de-email-004",
        style="email",
        text="Hallo {person},\n\nwir haben eine Anmeldung von einem neuen Gerät festgestellt. Falls Sie das "
        "nicht waren, setzen Sie Ihr Passwort hier zurück: {share_url}\n\nVorgangs-ID: {uuid}\n"
        "Ihr Sicherheitsteam von {company}",
    ),
    Template(
        id="de-ticket-001",
        style="ticket",
        text="Ticket {ticket} – Priorität: hoch\nKunde: {person}\nE-Mail: {email}\nTelefon: {phone}\n\n"
        "Kunde kann sich seit dem Update auf {version} nicht mehr anmelden. Neuer Login-Link wurde "
        "verschickt.",
    ),
    Template(
        id="de-ticket-002",
        style="ticket",
        text="Störungsmeldung {ticket}\nGemeldet von: {first_name} {last_name}\n"
        "Fehler: Die Schnittstelle lehnt den Schlüssel {api_key} mit 403 ab.\n"
        "Dokumentation: {public_url}\nServer: {host}",
    ),
    Template(
        id="de-form-001",
        style="form",
        text="ANMELDEFORMULAR\nName, Vorname: {full_name}\nGeburtsdatum: {birth_date}\nAnschrift: {address}\n"
        "Telefon: {phone}\nE-Mail: {email}\nFormular-Nr.: {uuid}",
    ),
    Template(
        id="de-form-002",
        style="form",
        text="SEPA-Lastschriftmandat\nKontoinhaber/in: {full_name}\nIBAN: {iban}\nStraße und Hausnummer: "
        "{street}\n"
        "Datum der Unterschrift: {date}\nGläubiger-Referenz: {invoice_no}",
    ),
    Template(
        id="de-log-001",
        style="log",
        text="{timestamp} INFO  login erfolgreich benutzer={email} ip={ip}\n"
        "{timestamp_2} WARN  passwort-reset angefordert für {email}, link={share_url}\n"
        "{timestamp_3} INFO  build {sha} ausgerollt ({version})",
    ),
    Template(
        id="de-log-002",
        style="log",
        text="{timestamp} INFO  cronjob datensicherung gestartet auf {host}\n"
        "{timestamp_2} INFO  {num} Dateien übertragen, Prüfsumme {sha256}\n"
        "{timestamp_3} FEHLER Abruf von {public_url} fehlgeschlagen (HTTP 503)\n"
        "{timestamp_4} INFO  Version {version} aus Commit {sha} erstellt",
    ),
    Template(
        id="de-json-001",
        style="json",
        text='{{"kunde": {{"name": "{full_name}", "email": "{email}", "telefon": "{phone}", '
        '"geburtsdatum": "{birth_date}"}}, "bestellnummer": "{order_id}", "summe": "{amount}"}}',
    ),
    Template(
        id="de-csv-001",
        style="csv",
        text="Nr;Name;E-Mail;Telefon;Ort\n{num};{full_name};{email};{phone};{city}\n"
        "{num_2};{full_name_2};{email_2};{phone_2};{city_2}",
    ),
    Template(
        id="de-clinical-001",
        style="clinical",
        text="Arztbrief\nPatient: {full_name}, geb. {birth_date}\nAufnahme: {date}\nEntlassung: {date_2}\n"
        "Diagnose: Pneumonie rechts basal. Hausarzt: Dr. {last_name_2}\nRückfragen unter {phone}",
    ),
    Template(
        id="de-clinical-002",
        style="clinical",
        text="Verlaufsnotiz vom {date}: {title} {last_name} berichtet über weniger Rückenschmerzen. "
        "Physiotherapie fortsetzen. Wiedervorstellung am {date_2} um {time} Uhr. Laborauftrag {order_id}.",
    ),
    Template(
        id="de-invoice-001",
        style="invoice",
        text="RECHNUNG Nr. {invoice_no}\nRechnungsempfänger:\n{full_name}\n{address_block}\n\n"
        "{num} x Artikel {product_code}    {amount}\nZahlbar innerhalb von 14 Tagen auf {iban} oder per "
        "Kreditkarte {card}.",
    ),
    Template(
        id="de-hr-001",
        style="hr",
        text="PERSONALSTAMMBLATT\nName: {full_name}\nEintrittsdatum: {date}\nGeburtsdatum: {birth_date}\n"
        "Wohnanschrift: {address}\nGehaltskonto: {iban}\nNotfallkontakt: {full_name_2}, {phone_2}",
    ),
    Template(
        id="de-hr-002",
        style="hr",
        text="Liebe Kolleginnen und Kollegen,\n\nab dem {date} verstärkt {person} unser Team in {city}. "
        "{first_name} ist unter {email} erreichbar. Bitte heißt {first_name} herzlich willkommen!\n\n"
        "Eure Personalabteilung",
    ),
    Template(
        id="de-code-001",
        style="code",
        text='# Zugangsdaten für die Zahlungs-API (nicht committen!)\nAPI_SCHLUESSEL = "{api_key}"\n'
        'BASIS_URL = "{public_url}"\nclient = Zahlungsclient(BASIS_URL, API_SCHLUESSEL)',
    ),
    Template(
        id="de-config-001",
        style="config",
        text="# Konfiguration Produktivsystem {company}\ndatenbank:\n  url: {conn}\n  pool: {num}\n"
        "mail:\n  absender: {email}\n  passwort: {password}\nversion: {version}",
    ),
    Template(
        id="de-config-002",
        style="config",
        text="# Schlüssel für den Deploy-Nutzer, Stand {event_date}\n{private_key}\n# Fingerabdruck: "
        "{sha256}",
    ),
    Template(
        id="de-sms-001",
        style="sms",
        text="Hi, hier ist {first_name}. Meine neue Nummer: {phone}. Kannst du mir die Miete bis Freitag auf "
        "{iban} überweisen? LG",
    ),
    Template(
        id="de-sms-002",
        style="sms",
        text="{company}: Ihr Paket {tracking} wird heute zwischen {time} und {time_2} Uhr zugestellt. "
        "Infos: {public_url}",
    ),
    Template(
        id="de-calendar-001",
        style="calendar",
        text="Termin: Mitarbeitergespräch mit {person}\nWann: {date}, {time} Uhr\nWo: {address}\n"
        "Organisator: {email_2}\nOnline teilnehmen: {share_url}",
    ),
    Template(
        id="de-shipping-001",
        style="shipping",
        text="Versandbestätigung\nIhre Bestellung {order_id} ist unterwegs. Sendungsnummer: {tracking}\n"
        "Lieferadresse:\n{person}\n{address_block}\n\nSendungsverfolgung: {public_url}",
    ),
    Template(
        id="de-bank-001",
        style="bank",
        text="Sehr geehrte/r {title} {last_name},\n\nIhre Kreditkarte {card} wurde am {date} mit {amount} "
        "belastet. Falls Sie diese Zahlung nicht erkennen, sperren Sie die Karte bitte im Online-Banking.\n\n"
        "Ihre {company}",
    ),
    Template(
        id="de-release-001",
        style="release",
        text="Versionshinweise {version} (veröffentlicht am {event_date})\n- Absturz beim CSV-Import behoben "
        "(#{num})\n- Gebaut aus Commit {sha}\n- Dokumentation: {public_url}\nSHA-256: {sha256}",
    ),
    Template(
        id="de-faq-001",
        style="faq",
        text="Wie ändere ich mein Passwort?\nKlicken Sie auf der Anmeldeseite auf „Passwort vergessen“. Der "
        "Link "
        "ist {num} Minuten gültig. Weitere Hilfe: {public_url}\n\nWo ist meine Bestellung?\nGeben Sie Ihre "
        "Bestellnummer (z. B. {order_id}) auf der Sendungsseite ein. Bestellungen bis zum {event_date} "
        "werden "
        "noch vor den Feiertagen verschickt.",
    ),
)

# Transfer templates: on neither side of the train/test split (see generate.transfer_templates).
TRANSFER_TEMPLATES: tuple[Template, ...] = (
    Template(
        id="de-chat-004",
        style="chat",
        text="{first_name}: Hab gestern noch mit {person_2} telefoniert, der Umzug steigt am {date}\n"
        "{first_name_3}: Und wohin genau? Die neue Adresse hab ich nirgends\n{first_name}: {street}, dritter "
        "Stock. Die Klingel geht noch nicht, also ruf {first_name_2} einfach unter {phone_2} an",
    ),
    Template(
        id="de-email-005",
        style="email",
        text="Hallo {first_name},\n\nwie am Montag besprochen, übernimmt ab sofort {person_2} von der Firma "
        "{company} unsere Wartungsverträge. Am besten erreichst du {first_name_2} vormittags unter "
        "{phone_2}, Angebote bitte per Mail an {email_2}.\n\nSchöne Grüße aus {city}\n{first_name_3}",
    ),
    Template(
        id="de-email-006",
        style="email",
        text="Betreff: Dein Zugang zum Staging-System\n\nHi {first_name},\n\ndein Account ist eingerichtet. "
        "Du meldest dich mit {email} an, das Startpasswort lautet {password}. Bitte ändere es gleich beim "
        "ersten Login. Den API-Schlüssel {api_key} legst du bitte nur im Passwort-Tresor ab, nicht im "
        "Teams-Chat.\n\nGruß\n{first_name_2}",
    ),
    Template(
        id="de-email-007",
        style="email",
        text="Guten Tag {title} {last_name},\n\nvielen Dank für Ihre Buchung über {company}. Ihr "
        "Doppelzimmer ist ab dem {date} für drei Nächte reserviert, bezahlt wird bei Abreise mit der "
        "Kreditkarte {card}. Ihre Reservierung können Sie hier einsehen oder ändern: {share_url}\n\nWir "
        "freuen uns auf Ihren Besuch in {city}!",
    ),
    Template(
        id="de-email-008",
        style="email",
        text="Hallo {first_name},\n\ndie Lastschrift zur Rechnung {invoice_no} ist zurückgekommen, weil die "
        "hinterlegte IBAN {iban} nicht mehr gültig ist. Über diesen persönlichen Link können Sie bis zum "
        "{event_date} eine neue Bankverbindung eintragen: {share_url}\n\nFreundliche Grüße\n{first_name_2}, "
        "Kundenservice {company}",
    ),
    Template(
        id="de-letter-001",
        style="letter",
        text="{person}\n{address_block}\n\n{company}\n\nKündigung meiner Mitgliedschaft\n\nSehr geehrte "
        "Damen und Herren,\n\nhiermit kündige ich meine Mitgliedschaft zum nächstmöglichen Zeitpunkt. Bitte "
        "bestätigen Sie die Kündigung schriftlich und buchen Sie danach nichts mehr von meinem Konto {iban} "
        "ab.\n\nMit freundlichen Grüßen\n{person}",
    ),
    Template(
        id="de-letter-002",
        style="letter",
        text="Sehr geehrte Damen und Herren,\n\nam {date} wurde mein geparktes Auto in {city} angefahren. "
        "Die verursachende Person, {person_2}, hat den Schaden eingeräumt und ist unter {phone_2} "
        "erreichbar. Die Reparatur kostet laut Kostenvoranschlag {amount}. Bitte überweisen Sie den Betrag "
        "auf {iban}.\n\nMit freundlichen Grüßen\n{person}",
    ),
    Template(
        id="de-forum-001",
        style="forum",
        text="Hallo zusammen,\n\nseit dem Update auf {version} bekomme ich beim Start nur noch „connection "
        "refused“. In meiner .env steht DATABASE_URL={conn}, der Container läuft auf {host}. Laut Doku "
        "({public_url}) müsste das reichen. Hat jemand eine Idee?\n\nDanke und Gruß\n{first_name}",
    ),
    Template(
        id="de-forum-002",
        style="forum",
        text="Hallo in die Runde! Wir ziehen im Sommer nach {city} und suchen noch einen Kitaplatz für "
        "unsere Tochter. Hat jemand Erfahrungen mit den Einrichtungen im Westend? Ich bin {first_name} und "
        "freue mich über jeden Tipp, gern auch per Mail an {email} oder per WhatsApp unter {phone}.",
    ),
    Template(
        id="de-forum-003",
        style="forum",
        text="Gefunden: Am Samstagabend lag vor dem Bahnhof in {city} eine braune Geldbörse. Drin sind "
        "EC-Karte und Ausweis auf den Namen {person}. Über das Profil {url} habe ich schon geschrieben, aber "
        "noch keine Antwort bekommen. Wer {first_name} kennt, meldet sich bitte bei mir unter {phone_2}.",
    ),
    Template(
        id="de-review-001",
        style="review",
        text="★★★★★ Klare Empfehlung! Das Team um {person} aus {city} hat unser Treppenhaus in zwei Tagen "
        "gestrichen, pünktlich, sauber und zum vereinbarten Festpreis. Die Handynummer darf ich weitergeben: "
        "{phone}. Einfach nach {first_name} fragen und schöne Grüße von Familie {last_name_2} ausrichten.",
    ),
    Template(
        id="de-review-002",
        style="review",
        text="3 von 5 Sternen. Der Akku-Staubsauger von {company} (Art.-Nr. {product_code}) ist leicht und "
        "angenehm leise, aber schon nach {num} Ladezyklen lässt der Akku merklich nach. Für {amount} hätte "
        "ich mehr erwartet. Immerhin hat der Kundendienst meine Reklamation {ticket} schnell bearbeitet.",
    ),
    Template(
        id="de-minutes-001",
        style="minutes",
        text="Protokoll der Eigentümerversammlung vom {event_date}\nAnwesend: {person}, {person_2}, "
        "{title_3} {last_name_3} (Hausverwaltung {company})\n\nTOP 1: {first_name_2} berichtet, die Heizung "
        "müsse erneuert werden; günstigstes Angebot: {amount}.\nTOP 2: Die Gartenpflege koordiniert künftig "
        "{person_4} ({email_4}).",
    ),
    Template(
        id="de-recruiting-001",
        style="recruiting",
        text="Guten Tag {title} {last_name},\n\nbei der Suche nach einer Teamleitung für unser Werk in "
        "{city} bin ich auf Ihr Profil {url} gestoßen. Hätten Sie Lust auf ein kurzes Gespräch? Mein "
        "Vorschlag wäre der {date}. Sie erreichen mich unter {phone_2} oder {email_2}.\n\nBeste Grüße\n"
        "{person_2}\nTalent Acquisition, {company}",
    ),
    Template(
        id="de-rental-001",
        style="rental",
        text="Guten Tag {title} {last_name},\n\nwie telefonisch besprochen, ziehe ich zum {date} aus der "
        "Wohnung {street} aus. Die Kaution überweisen Sie bitte auf mein Konto {iban_2}. Post erreicht mich "
        "ab sofort unter meiner neuen Anschrift: {address_2}.\n\nViele Grüße\n{person_2}",
    ),
    Template(
        id="de-rental-002",
        style="rental",
        text="Sehr geehrte Damen und Herren,\n\nich interessiere mich sehr für Ihre 3-Zimmer-Wohnung in "
        "{city}. Mein Partner und ich arbeiten beide unbefristet und haben keine Haustiere. Passt Ihnen eine "
        "Besichtigung am {date}? Sie erreichen mich unter {phone} oder {email}.\n\nFreundliche Grüße\n"
        "{person}",
    ),
    Template(
        id="de-school-001",
        style="school",
        text="Liebe Eltern der Klasse 4b,\n\nam {event_date} fahren wir für drei Tage ins Schullandheim nach "
        "{city}. Den Beitrag von {amount} überweisen Sie bitte bis Monatsende auf das Klassenkonto {iban}. "
        "Bei Fragen erreichen Sie unsere Elternvertretung, {person}, unter {email}.\n\nHerzliche Grüße\n"
        "{person_2}, Klassenleitung",
    ),
    Template(
        id="de-transcript-001",
        style="transcript",
        text="Gesprächsmitschnitt {ticket} ({timestamp})\nAgent: Kundenservice {company}, Sie sprechen mit "
        "{first_name_2}.\nKunde: Hallo, {person} hier. Ich habe eine neue Telefonnummer: {phone}.\nAgent: "
        "Gern. Dann bräuchte ich noch Ihre Vertragskontonummer und Ihr Geburtsdatum.\nKunde: {account}, "
        "geboren bin ich am {birth_date}.",
    ),
    Template(
        id="de-clinical-003",
        style="clinical",
        text="{title} {last_name} (geb. {birth_date}, wohnhaft {address}) wurde am {date} mit akuten "
        "Oberbauchschmerzen über die Notaufnahme des Klinikums {city} aufgenommen. Nach laparoskopischer "
        "Cholezystektomie komplikationsloser Verlauf. Die Fäden können am {date_2} in der Hausarztpraxis "
        "gezogen werden.",
    ),
    Template(
        id="de-hr-003",
        style="hr",
        text="Hallo Lohnbuchhaltung,\n\n{person} hat am {date} geheiratet und heißt ab sofort {first_name} "
        "{last_name_2}. Bitte ändert den Namen auch in DATEV und überweist das Gehalt ab der nächsten "
        "Abrechnung auf das neue Konto {iban}. Die neue Anschrift lautet {address}.\n\nDanke und viele Grüße "
        "aus der Personalabteilung",
    ),
    Template(
        id="de-sms-003",
        style="sms",
        text="Hey, schaffe es erst gegen {time} Uhr. Den Schlüssel hat {person_2} aus dem Erdgeschoss. WLAN "
        "ist die FRITZ!Box im Flur, Passwort {password}. Bis später, {first_name}",
    ),
    Template(
        id="de-news-001",
        style="news",
        text="{city} – Die Stadtwerke wollen bis zum {event_date} insgesamt {num} neue Ladesäulen für "
        "Elektroautos aufstellen. Den Zuschlag für den Ausbau hat nach Angaben der Verwaltung die Firma "
        "{company} erhalten, die ersten Bauarbeiten beginnen im Frühjahr. Eine Karte der geplanten Standorte "
        "ist unter {public_url} abrufbar.",
    ),
    Template(
        id="de-news-002",
        style="news",
        text="Wartungsarbeiten am Wochenende\n\nAm {event_date} ist unser Kundenportal ab {time} Uhr für "
        "mehrere Stunden nicht erreichbar. In dieser Zeit spielen wir Version {version} ein und ziehen die "
        "Server in ein neues Rechenzentrum in {city} um. Den aktuellen Stand finden Sie unter {public_url}.\n"
        "\nIhr Serviceteam von {company}",
    ),
    Template(
        id="de-log-003",
        style="log",
        text="{timestamp} [INFO] Pipeline #{num} gestartet, Branch main, Commit {sha}\n{timestamp_2} [INFO] "
        "Abhängigkeiten geladen von {public_url}\n{timestamp_3} [WARNUNG] Test Rechnungsexport übersprungen "
        "(Zeitüberschreitung auf {host})\n{timestamp_4} [INFO] Image {version} veröffentlicht, Digest "
        "sha256:{sha256}",
    ),
    Template(
        id="de-log-004",
        style="log",
        text="{timestamp} DEBUG POST /api/v2/sitzung angemeldet als {email} von {ip}\n{timestamp_2} DEBUG "
        "Header Authorization: Bearer {jwt}\n{timestamp_3} WARN  Token abgelaufen für Nutzer-ID {uuid}, "
        "Neuanmeldung erforderlich\n{timestamp_4} INFO  Sitzung {uuid_2} beendet",
    ),
    Template(
        id="de-json-002",
        style="json",
        text='{{"ereignis": "kunde.aktualisiert", "zeit": "{timestamp}", "kunde": {{"id": "{uuid}", "name": '
        '"{person}", "telefon": "{phone}", "email": "{email}", "lieferadresse": "{address}"}}}}',
    ),
    Template(
        id="de-config-003",
        style="config",
        text="# .env für {company} – NICHT einchecken!\nAPP_ENV=production\nAPP_URL={public_url}\n"
        "DATABASE_URL={conn}\nMAIL_USERNAME={email}\nMAIL_PASSWORD={password}\nSTRIPE_SECRET={api_key}\n"
        "SENTRY_RELEASE={version}",
    ),
    Template(
        id="de-code-002",
        style="code",
        text='BASIS_URL = "{public_url}"\n\n\ndef kontostand_abrufen(konto_id):\n    # TODO: Token in den '
        'Vault verschieben ({first_name} fragen)\n    kopf = {{"Authorization": "Bearer {token}"}}\n    '
        'antwort = requests.get(f"{{BASIS_URL}}/konten/{{konto_id}}", headers=kopf, timeout=10)\n    return '
        "antwort.json()",
    ),
    Template(
        id="de-csv-002",
        style="csv",
        text="Startnr;Nachname;Vorname;Geburtsdatum;Firma;E-Mail\n"
        "{num};{last_name};{first_name};{birth_date};{company};{email}\n"
        "{num_2};{last_name_2};{first_name_2};{birth_date_2};{company_2};{email_2}",
    ),
    Template(
        id="de-form-003",
        style="form",
        text="Nachsendeauftrag Privat\nName: {full_name}\nBisherige Anschrift: {address}\nNeue Anschrift:\n"
        "{address_block_2}\nNachsenden ab: {date}\nTelefon für Rückfragen: {phone}\nZahlung per Lastschrift "
        "von IBAN {iban}\nAuftragsnummer: {order_id}",
    ),
)
