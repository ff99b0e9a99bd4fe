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
