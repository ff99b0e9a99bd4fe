"""Dutch templates (filled with nl_NL values)."""

from pare.data.synth.template import Template

TEMPLATES: tuple[Template, ...] = (
    Template(
        id="nl-chat-001",
        style="chat",
        text="{first_name}: kun je het pakketje naar mijn nieuwe adres sturen? {address}\n"
        "{first_name_2}: tuurlijk, en je 06 voor de bezorger?\n{first_name}: {phone}",
    ),
    Template(
        id="nl-chat-002",
        style="chat",
        text="{first_name}: {version} staat live, commit {sha}\n"
        "{first_name_2}: top, kun je me het wachtwoord van de testserver sturen?\n"
        "{first_name}: {password} (niet in de groepsapp zetten aub)",
    ),
    Template(
        id="nl-chat-003",
        style="chat",
        text="{first_name}: wanneer is {person_2} jarig?\n{first_name_3}: op {birth_date}\n"
        "{first_name}: ik regel een cadeau, maak je bijdrage over naar {iban}",
    ),
    Template(
        id="nl-email-001",
        style="email",
        text="Onderwerp: Bevestiging van uw afspraak\n\nGeachte {title} {last_name},\n\n"
        "Hierbij bevestigen wij uw afspraak op {date} om {time} uur. Verhinderd? Meld u dan uiterlijk "
        "24 uur van tevoren af.\n\nMet vriendelijke groet,\n{company}",
    ),
    Template(
        id="nl-email-002",
        style="email",
        text="Hoi {first_name},\n\nleuk je gesproken te hebben op de beurs! Hier is mijn profiel: {url_2}\n"
        "Mail me gerust op {email_2} of bel {phone_2}.\n\nGroetjes,\n{person_2}",
    ),
    Template(
        id="nl-email-003",
        style="email",
        text="Van: {person} <{email}>\nOnderwerp: Terugbetaling bestelling {order_id}\n\nBeste "
        "klantenservice,"
        "\n\nIk heb artikel {product_code} op {date} geretourneerd, maar de terugbetaling van {amount} is "
        "nog niet binnen. Wilt u het bedrag overmaken naar {iban}?\n\nAlvast bedankt,\n{first_name}",
    ),
    Template(
        id="nl-email-004",
        style="email",
        text="Beste {person},\n\nEr is ingelogd op je account vanaf een nieuw apparaat. Was jij dit niet? "
        "Stel dan hier een nieuw wachtwoord in: {share_url}\n\nVerzoek-ID: {uuid}\nTeam beveiliging, "
        "{company}",
    ),
    Template(
        id="nl-ticket-001",
        style="ticket",
        text="Melding {ticket} – prioriteit hoog\nKlant: {person}\nE-mail: {email}\nTelefoon: {phone}\n\n"
        "Klant kan sinds de update naar {version} niet meer inloggen.",
    ),
    Template(
        id="nl-ticket-002",
        style="ticket",
        text="Ticket {ticket} aangemaakt door {first_name} {last_name}\nProbleem: API geeft 401 met sleutel "
        "{api_key}\nDocumentatie: {public_url}\nServer: {host}",
    ),
    Template(
        id="nl-form-001",
        style="form",
        text="INSCHRIJFFORMULIER\nNaam: {full_name}\nGeboortedatum: {birth_date}\nAdres: {address}\n"
        "Telefoonnummer: {phone}\nE-mailadres: {email}\nDossiernummer: {uuid}",
    ),
    Template(
        id="nl-form-002",
        style="form",
        text="Machtiging doorlopende SEPA-incasso\nRekeninghouder: {full_name}\nIBAN: {iban}\nAdres: "
        "{street}\n"
        "Datum ondertekening: {date}\nKenmerk machtiging: {invoice_no}",
    ),
    Template(
        id="nl-log-001",
        style="log",
        text="{timestamp} INFO inloggen gelukt gebruiker={email} ip={ip}\n"
        "{timestamp_2} WARN wachtwoordherstel aangevraagd voor {email} link={share_url}\n"
        "{timestamp_3} INFO uitrol {version} commit {sha}",
    ),
    Template(
        id="nl-log-002",
        style="log",
        text="{timestamp} INFO  nachtelijke back-up gestart op {host}\n"
        "{timestamp_2} INFO  {num} bestanden geüpload, checksum {sha256}\n"
        "{timestamp_3} FOUT  GET {public_url} gaf 503\n{timestamp_4} INFO  versie {version} gebouwd uit "
        "commit {sha}",
    ),
    Template(
        id="nl-json-001",
        style="json",
        text='{{"klant": {{"naam": "{full_name}", "email": "{email}", "telefoon": "{phone}", '
        '"geboortedatum": "{birth_date}"}}, "bestelnummer": "{order_id}", "totaal": "{amount}"}}',
    ),
    Template(
        id="nl-csv-001",
        style="csv",
        text="nr;naam;e-mail;telefoon;plaats\n{num};{full_name};{email};{phone};{city}\n"
        "{num_2};{full_name_2};{email_2};{phone_2};{city_2}",
    ),
    Template(
        id="nl-clinical-001",
        style="clinical",
        text="Ontslagbrief\nPatiënt: {full_name}, geboren {birth_date}\nOpname: {date}  Ontslag: {date_2}\n"
        "Diagnose: hartfalen, goed ingesteld op medicatie. Huisarts: dr. {last_name_2}\n"
        "Bereikbaar op {phone}",
    ),
    Template(
        id="nl-clinical-002",
        style="clinical",
        text="Consult {date}: {first_name} meldt minder kortademigheid. Beleid ongewijzigd. Controle op "
        "{date_2} om {time}. Labaanvraag {order_id}.",
    ),
    Template(
        id="nl-invoice-001",
        style="invoice",
        text="FACTUUR {invoice_no}\nFactuuradres:\n{full_name}\n{address_block}\n\n{num} x art. "
        "{product_code}    "
        "{amount}\nBetaling binnen 14 dagen op {iban} of met creditcard {card}.",
    ),
    Template(
        id="nl-hr-001",
        style="hr",
        text="PERSONEELSDOSSIER\nNaam: {full_name}\nIn dienst sinds: {date}\nGeboortedatum: {birth_date}\n"
        "Woonadres: {address}\nSalarisrekening: {iban}\nNoodcontact: {full_name_2}, {phone_2}",
    ),
    Template(
        id="nl-hr-002",
        style="hr",
        text="Hallo allemaal,\n\nper {date} komt {person} ons team in {city} versterken. Je kunt "
        "{first_name} "
        "bereiken via {email}. Heet je nieuwe collega welkom!\n\nHR",
    ),
    Template(
        id="nl-code-001",
        style="code",
        text='# sleutel van de betaalprovider, niet committen!\nAPI_SLEUTEL = "{api_key}"\n'
        'klant = Betaalclient(basis_url="{public_url}", sleutel=API_SLEUTEL)',
    ),
    Template(
        id="nl-config-001",
        style="config",
        text="# productieconfiguratie {company}\ndatabase:\n  url: {conn}\nmail:\n  gebruiker: {email}\n"
        "  wachtwoord: {password}\nversie: {version}",
    ),
    Template(
        id="nl-config-002",
        style="config",
        text="Privésleutel van de deploy-gebruiker (aangemaakt op {event_date}):\n{private_key}\n"
        "CI-token: {token}",
    ),
    Template(
        id="nl-sms-001",
        style="sms",
        text="Hoi, met {first_name}! Dit is mijn nieuwe nummer: {phone}. Kun je de huur voor vrijdag naar "
        "{iban} overmaken? Dankje",
    ),
    Template(
        id="nl-sms-002",
        style="sms",
        text="{company}: je pakket {tracking} wordt vandaag tussen {time} en {time_2} bezorgd. Meer info: "
        "{public_url}",
    ),
    Template(
        id="nl-calendar-001",
        style="calendar",
        text="Uitnodiging: jaargesprek met {person}\nWanneer: {date}, {time}\nWaar: {address}\n"
        "Organisator: {email_2}\nOnline deelnemen: {share_url}",
    ),
    Template(
        id="nl-shipping-001",
        style="shipping",
        text="Je bestelling {order_id} is verzonden.\nTrack & trace: {tracking}\nAfleveradres:\n{person}\n"
        "{address_block}\n\nVolg je pakket: {public_url}",
    ),
    Template(
        id="nl-bank-001",
        style="bank",
        text="Geachte {title} {last_name},\n\nOp {date} is er {amount} afgeschreven van uw creditcard "
        "{card}. "
        "Herkent u deze betaling niet? Blokkeer dan uw kaart via internetbankieren.\n\n{company}",
    ),
    Template(
        id="nl-release-001",
        style="release",
        text="Release notes {version} (verschenen op {event_date})\n- Crash bij CSV-import opgelost "
        "(#{num})\n"
        "- Gebouwd uit commit {sha}\n- Documentatie: {public_url}\nSHA-256: {sha256}",
    ),
    Template(
        id="nl-faq-001",
        style="faq",
        text="Hoe wijzig ik mijn wachtwoord?\nKlik op de inlogpagina op ‘Wachtwoord vergeten’; de link is "
        "{num} minuten geldig. Hulp: {public_url}\n\nWaar blijft mijn bestelling?\nVul je bestelnummer in "
        "(bijv. {order_id}). Bestellingen geplaatst vóór {event_date} worden voor de feestdagen geleverd.",
    ),
)
