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

# Transfer templates: on neither side of the train/test split (see generate.transfer_templates).
TRANSFER_TEMPLATES: tuple[Template, ...] = (
    Template(
        id="nl-chat-004",
        style="chat",
        text="{first_name}: zeg, weet jij of {person_2} al verhuisd is?\n"
        "{first_name_3}: ja, sinds {date} woont {first_name_2} op {street} in {city}. Het huis schijnt nog "
        "één grote bouwput te zijn\n{first_name}: haha, dan stuur ik zaterdag maar een kaartje naar dat "
        "adres",
    ),
    Template(
        id="nl-chat-005",
        style="chat",
        text="{first_name}: de nachtelijke build op {host} faalt weer met een 401\n"
        "{first_name_2}: het token was verlopen, ik heb net een nieuw token aangemaakt: {token}\n"
        "{first_name}: thanks! Ik zet 'm in de Vault en haal je bericht straks weg, oké?\n{first_name_2}: 👍",
    ),
    Template(
        id="nl-chat-006",
        style="chat",
        text="Chat met de klantenservice van {company} – gespreksnummer {ticket}\n"
        "Medewerker: Goedemiddag, u spreekt met {first_name_2}. Waarmee kan ik u helpen?\n"
        "Klant: Ik ben verhuisd en wil mijn adres laten wijzigen. Het nieuwe adres is {address}.\n"
        "Medewerker: Dat kan. Mag ik ter controle uw geboortedatum?\nKlant: {birth_date}",
    ),
    Template(
        id="nl-email-005",
        style="email",
        text="Hoi {first_name},\n\nHet getekende contract was te groot om mee te sturen, dus ik heb het in "
        "een gedeelde map gezet: {share_url}\nDe link verloopt op {event_date}. Wil je even checken of de "
        "bedrijfsgegevens van {company} kloppen? Dan stuur ik het daarna door naar de notaris.\n\n"
        "Groetjes,\n{first_name_2}",
    ),
    Template(
        id="nl-email-006",
        style="email",
        text="Onderwerp: Wijziging rekeningnummer\n\nBeste collega's van de salarisadministratie,\n\n"
        "Met ingang van volgende maand ontvang ik mijn salaris graag op {iban} in plaats van op mijn oude "
        "rekening. Hebben jullie daarvoor nog een handtekening nodig, bel me dan even op {phone}.\n\n"
        "Hartelijke groet,\n{person}\nPersoneelsnummer {num}",
    ),
    Template(
        id="nl-email-007",
        style="email",
        text="Hallo supportteam,\n\nSinds jullie update naar {version} geeft elke aanroep naar {public_url} "
        "bij ons een 403. We gebruiken de sleutel {api_key}, die in het dashboard gewoon als actief staat. "
        "Kunnen jullie meekijken? Ik ben vandaag tot vijf uur bereikbaar op {phone}.\n\nMvg,\n{person}\n"
        "{company}",
    ),
    Template(
        id="nl-email-008",
        style="email",
        text="Geachte {title} {last_name},\n\nHartelijk dank voor uw sollicitatie bij {company}. Wij nodigen "
        "u graag uit voor een eerste gesprek op {date} om {time} uur op ons kantoor in {city}. Komt dat "
        "tijdstip niet uit, neem dan contact op met {person_2} via {phone_2} of {email_2}.\n\n"
        "Met vriendelijke groet,\nTeam Recruitment",
    ),
    Template(
        id="nl-forum-001",
        style="forum",
        text="Re: Modem valt 's avonds steeds weg\n\nHier precies hetzelfde sinds de firmware-update naar "
        "{version}. Gisteren de helpdesk van {company} gebeld, en volgens {first_name}, die ik daar aan de "
        "lijn had, ligt het aan de DNS-instellingen. Sindsdien gebruik ik {ip} en is het opgelost. "
        "Handleiding staat op {public_url}.",
    ),
    Template(
        id="nl-forum-002",
        style="forum",
        text="Te koop: Gazelle damesfiets, zo goed als nieuw\n\nIk verhuis binnenkort naar {city} en neem de "
        "fiets niet mee. Vraagprijs {amount}, ophalen in overleg. Interesse? Mail naar {email} of bel na "
        "zessen met {phone}. Meer foto's en mijn beoordelingen vind je op mijn profiel: {url}",
    ),
    Template(
        id="nl-review-001",
        style="review",
        text="★★★★☆ Goede service, trage levering\n\nBegin maart een Miele-wasmachine besteld bij {company}. "
        "Na twee weken nog niets gezien, maar toen ik belde, werd ik heel vriendelijk geholpen door "
        "{first_name}, die binnen een dag een nieuwe bezorgdatum regelde. Bestelnummer {order_id}, mocht de "
        "webshop dit lezen.",
    ),
    Template(
        id="nl-minutes-001",
        style="minutes",
        text="Notulen teamoverleg {event_date}\nAanwezig: {person}, {person_2}, {person_3}\n"
        "Afgemeld: {person_4}\n\n1. Opening: {first_name} heet iedereen welkom. Het kwartaalrapport voor "
        "{company} moet vrijdag de deur uit.\n2. Rondvraag: {first_name_2} vraagt wanneer de nieuwe laptops "
        "komen. Actie: ICT.\nVolgend overleg: {event_date_2}",
    ),
    Template(
        id="nl-letter-001",
        style="letter",
        text="{full_name}\n{address_block}\n\nAan: {company}\nDatum: {event_date}\n"
        "Betreft: opzegging abonnement\n\nGeachte heer, mevrouw,\n\nHierbij zeg ik mijn abonnement op tegen "
        "de eerstvolgende mogelijke datum. Wilt u ook de incasso van rekening {iban} stopzetten en de "
        "bevestiging mailen naar {email}?\n\nMet vriendelijke groet,\n{person}",
    ),
    Template(
        id="nl-letter-002",
        style="letter",
        text="Geachte {title} {last_name},\n\nUit de Basisregistratie Personen blijkt dat u sinds {date} "
        "ingeschreven staat op {address}. U komt daarom in aanmerking voor een bewonersvergunning. Uw "
        "aanvraag is geregistreerd onder zaaknummer {ticket}; binnen acht weken ontvangt u ons besluit.\n\n"
        "Met vriendelijke groet,\nGemeente {city}",
    ),
    Template(
        id="nl-notes-001",
        style="notes",
        text="To-do weekend\n- verjaardagskaart voor {first_name} van hiernaast (geb. {birth_date})\n"
        "- {person_2} terugbellen over de oppas: {phone_2}\n"
        "- wifi-wachtwoord voor als papa en mama komen logeren: {password}\n"
        "- pakket ophalen bij het PostNL-punt in {city}\n- zondag: boodschappen bij de Albert Heijn",
    ),
    Template(
        id="nl-clinical-003",
        style="clinical",
        text="Waarde collega,\n\nGraag verwijs ik {title} {person}, geboren {birth_date}, wonend op "
        "{address}, naar uw polikliniek Cardiologie vanwege pijn op de borst bij inspanning. Het ECG in de "
        "praktijk liet geen afwijkingen zien. Bij vragen ben ik bereikbaar op {phone_2}.\n\n"
        "Met collegiale groet,\n{person_2}, huisarts te {city}",
    ),
    Template(
        id="nl-insurance-001",
        style="insurance",
        text="SCHADEMELDING AUTOVERZEKERING\nVerzekeringnemer: {full_name}\nE-mail: {email}\n"
        "Datum schade: {date}\nLocatie: parkeerterrein {company}, {city}\n"
        "Toedracht: Bij het achteruit inparkeren heb ik een geparkeerde auto geraakt.\n"
        "Tegenpartij: {full_name_2}, tel. {phone_2}\nUitkering op rekening: {iban}",
    ),
    Template(
        id="nl-insurance-002",
        style="insurance",
        text="Beste {first_name},\n\nWe hebben je declaratie van {amount} ontvangen. Om "
        "die af te handelen, missen we nog een kopie van de nota. Die kun je veilig uploaden via je "
        "persoonlijke link: {share_url}\nNa goedkeuring storten we het bedrag binnen vijf werkdagen op "
        "{iban}.\n\n"
        "Hartelijke groet,\nTeam Declaraties, {company}",
    ),
    Template(
        id="nl-rental-001",
        style="rental",
        text="HUUROVEREENKOMST WOONRUIMTE\n\nDe ondergetekenden, {company}, hierna te noemen 'verhuurder', "
        "en {full_name}, geboren op {birth_date}, hierna te noemen 'huurder', verklaren te zijn "
        "overeengekomen dat huurder met ingang van {date} de woning aan {address} huurt tegen een kale "
        "huurprijs van {amount} per maand.",
    ),
    Template(
        id="nl-rental-002",
        style="rental",
        text="Hallo {title} {last_name},\n\nDe cv-ketel in ons appartement aan de {street} doet het sinds "
        "gisteravond niet meer, dus we zitten zonder warm water. Kunt u een monteur van {company} sturen? "
        "Ik ben morgen vanaf twee uur thuis en bereikbaar op {phone_2}.\n\nGroeten,\n{person_2}",
    ),
    Template(
        id="nl-school-001",
        style="school",
        text="Beste ouders en verzorgers van groep 6,\n\nAanstaande dinsdag gaan we met de klas naar het "
        "Rijksmuseum. {person}, ouder van {first_name_2}, rijdt mee en heeft nog plek voor drie kinderen. "
        "Aanmelden kan via {email} of met een appje naar {phone}.\n\nHartelijke groet,\n"
        "{title_3} {last_name_3}, leerkracht groep 6",
    ),
    Template(
        id="nl-form-003",
        style="form",
        text="AANMELDING LIDMAATSCHAP TENNISVERENIGING\nNaam: {full_name}\nGeboortedatum: {birth_date}\n"
        "Lid per: {date}\nAdres: {address}\nMobiel: {phone}\nE-mail: {email}\n"
        "IBAN voor contributie: {iban}\nAangebracht door: {person_2}",
    ),
    Template(
        id="nl-social-001",
        style="social",
        text="Na acht mooie jaren bij {company} begin ik per {date} aan een nieuw avontuur als teamleider in "
        "{city}! 🎉 Dank aan iedereen, en vooral aan {person_2}, die mij destijds heeft aangenomen. "
        "Contact houden? Mijn nieuwe portfolio staat op {url}. #nieuwebaan #dankbaar",
    ),
    Template(
        id="nl-social-002",
        style="social",
        text="Hoi {first_name},\n\nIk kwam je profiel tegen ({url}) en volgens mij sluit je ervaring met "
        "Kubernetes mooi aan bij een vacature voor Senior DevOps Engineer bij {company} in {city}. Heb je "
        "donderdag tijd voor een kort belletje? Mailen mag ook: {email_2}.\n\nGroet,\n{person_2}\nRecruiter",
    ),
    Template(
        id="nl-json-002",
        style="json",
        text='{{"gebruiker": {{"id": "{uuid}", "naam": "{person}", "email": "{email}", "profiel": "{url}"}}, '
        '"sessie": {{"token": "{jwt}", "aangemaakt": "{timestamp}", "ip": "{ip}"}}}}',
    ),
    Template(
        id="nl-log-003",
        style="log",
        text="{timestamp} INFO  betaling gestart order={order_id} bedrag={amount}\n"
        "{timestamp_2} WARN  kaart {card} geweigerd (code 51) klant={email}\n"
        "{timestamp_3} ERROR herverbinden met {conn} mislukt, nieuwe poging over {num} s",
    ),
    Template(
        id="nl-calendar-002",
        style="calendar",
        text="Afsprakenlijst fysiotherapie – {company}\nTijd | Patiënt | Geb.datum | Telefoon\n"
        "{time} | {full_name} | {birth_date} | {phone}\n"
        "{time_2} | {full_name_2} | {birth_date_2} | {phone_2}\n"
        "{time_3} | {full_name_3} | {birth_date_3} | {phone_3}",
    ),
    Template(
        id="nl-news-001",
        style="news",
        text="{city} – Het waterschap begint maandag met de versterking van de dijk langs de Lek. De "
        "werkzaamheden duren tot {event_date}. Aannemer {company} zet er {num} "
        "mensen op in. Fietsers worden omgeleid via de Veerweg. Omwonenden met schade kunnen een "
        "tegemoetkoming tot {amount} aanvragen; meer informatie op {public_url}.",
    ),
    Template(
        id="nl-sms-003",
        style="sms",
        text="{company}: op zondag {event_date} voeren we vanaf {time} enkele uren onderhoud uit "
        "aan Mijn Omgeving en de App. Inloggen met DigiD is dan niet mogelijk. Actuele status: {public_url}",
    ),
    Template(
        id="nl-release-002",
        style="release",
        text="Nieuw in Kassa {version}\n\nVanaf {event_date} kunnen ondernemers in de Kassa-app ook iDEAL- "
        "en Apple Pay-betalingen ontvangen. Verder is de Dagrapportage vernieuwd en is de koppeling met "
        "Exact Online flink sneller geworden. Alle wijzigingen lees je op {public_url}.\n\n"
        "Het team van {company}",
    ),
    Template(
        id="nl-log-004",
        style="log",
        text="[{timestamp}] Pipeline #{num} gestart voor branch main (commit {sha})\n"
        "[{timestamp_2}] Tests geslaagd: {num_2} van {num_2}\n[{timestamp_3}] Image gepusht, digest "
        "sha256:{sha256}\n[{timestamp_4}] Uitrol naar {host} voltooid (versie {version})\n"
        "[{timestamp_5}] Smoketest GET {public_url} -> 200 OK",
    ),
)
