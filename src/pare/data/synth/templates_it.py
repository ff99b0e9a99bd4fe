"""Italian templates (filled with it_IT values)."""

from pare.data.synth.template import Template

TEMPLATES: tuple[Template, ...] = (
    Template(
        id="it-chat-001",
        style="chat",
        text="{first_name}: mi spedisci il pacco a casa nuova? L'indirizzo è {address}\n"
        "{first_name_2}: certo, mi ridai il cellulare per il corriere?\n{first_name}: {phone}",
    ),
    Template(
        id="it-chat-002",
        style="chat",
        text="{first_name}: rilascio della {version} completato, commit {sha}\n"
        "{first_name_2}: ottimo, mi mandi la password del server di collaudo?\n"
        "{first_name}: {password} — non incollarla nel gruppo",
    ),
    Template(
        id="it-chat-003",
        style="chat",
        text="{first_name}: quand'è il compleanno di {person_2}?\n{first_name_3}: il {birth_date}\n"
        "{first_name}: facciamo la colletta, bonifico su {iban}",
    ),
    Template(
        id="it-email-001",
        style="email",
        text="Oggetto: Conferma appuntamento\n\nGentile {title} {last_name},\n\n"
        "le confermiamo l'appuntamento del {date} alle ore {time} presso il nostro studio. In caso di "
        "disdetta la preghiamo di avvisarci almeno un giorno prima.\n\nCordiali saluti,\n{company}",
    ),
    Template(
        id="it-email-002",
        style="email",
        text="Ciao {first_name},\n\nè stato un piacere conoscerti alla fiera! Ecco il mio profilo: {url_2}\n"
        "Scrivimi a {email_2} oppure chiamami al {phone_2}.\n\nA presto,\n{person_2}",
    ),
    Template(
        id="it-email-003",
        style="email",
        text="Da: {person} <{email}>\nOggetto: Rimborso ordine {order_id}\n\nBuongiorno,\n\n"
        "ho restituito l'articolo {product_code} il {date} ma non ho ancora ricevuto il rimborso di "
        "{amount}. Vi prego di accreditarlo sul conto {iban}.\n\nGrazie,\n{first_name}",
    ),
    Template(
        id="it-email-004",
        style="email",
        text="Gentile {person},\n\nabbiamo rilevato un accesso da un nuovo dispositivo. Se non sei stato tu, "
        "reimposta la password qui: {share_url}\n\nID richiesta: {uuid}\nIl team sicurezza di {company}",
    ),
    Template(
        id="it-ticket-001",
        style="ticket",
        text="Segnalazione {ticket} – priorità alta\nCliente: {person}\nE-mail: {email}\nTel.: {phone}\n\n"
        "Il cliente non riesce ad accedere dopo l'aggiornamento alla {version}.",
    ),
    Template(
        id="it-ticket-002",
        style="ticket",
        text="Ticket {ticket} aperto da {first_name} {last_name}\nProblema: l'API risponde 401 con la chiave "
        "{api_key}\nDocumentazione: {public_url}\nNodo: {host}",
    ),
    Template(
        id="it-form-001",
        style="form",
        text="MODULO DI ISCRIZIONE\nCognome e nome: {full_name}\nData di nascita: {birth_date}\n"
        "Residenza: {address}\nTelefono: {phone}\nEmail: {email}\nPratica n.: {uuid}",
    ),
    Template(
        id="it-form-002",
        style="form",
        text="Mandato per addebito diretto SEPA\nIntestatario del conto: {full_name}\nIBAN: {iban}\n"
        "Indirizzo: {street}\nData di sottoscrizione: {date}\nRiferimento mandato: {invoice_no}",
    ),
    Template(
        id="it-log-001",
        style="log",
        text="{timestamp} INFO accesso riuscito utente={email} ip={ip}\n"
        "{timestamp_2} WARN richiesto reset password per {email} link={share_url}\n"
        "{timestamp_3} INFO rilascio {version} commit {sha}",
    ),
    Template(
        id="it-log-002",
        style="log",
        text="{timestamp} INFO  backup notturno avviato su {host}\n"
        "{timestamp_2} INFO  caricati {num} file, checksum {sha256}\n"
        "{timestamp_3} ERRORE GET {public_url} ha restituito 503\n{timestamp_4} INFO  build {version} "
        "dal commit {sha}",
    ),
    Template(
        id="it-json-001",
        style="json",
        text='{{"cliente": {{"nome": "{full_name}", "email": "{email}", "telefono": "{phone}", '
        '"dataNascita": "{birth_date}"}}, "ordine": "{order_id}", "totale": "{amount}"}}',
    ),
    Template(
        id="it-csv-001",
        style="csv",
        text="n;nominativo;email;telefono;città\n{num};{full_name};{email};{phone};{city}\n"
        "{num_2};{full_name_2};{email_2};{phone_2};{city_2}",
    ),
    Template(
        id="it-clinical-001",
        style="clinical",
        text="Lettera di dimissione\nPaziente: {full_name}, nato/a il {birth_date}\nRicovero dal {date} al "
        "{date_2}\nDiagnosi: frattura del polso destro. Medico curante: dott. {last_name_2}\n"
        "Recapito: {phone}",
    ),
    Template(
        id="it-clinical-002",
        style="clinical",
        text="Visita del {date}: {first_name} riferisce un miglioramento dell'asma. Si prosegue la terapia. "
        "Controllo fissato per il {date_2} alle {time}. Richiesta esami {order_id}.",
    ),
    Template(
        id="it-invoice-001",
        style="invoice",
        text="FATTURA N. {invoice_no}\nIntestata a:\n{full_name}\n{address_block}\n\n{num} x cod. "
        "{product_code}"
        "    {amount}\nPagamento tramite bonifico su {iban} o carta {card}.",
    ),
    Template(
        id="it-hr-001",
        style="hr",
        text="SCHEDA DIPENDENTE\nNominativo: {full_name}\nData di assunzione: {date}\nData di nascita: "
        "{birth_date}\nIndirizzo: {address}\nIBAN per lo stipendio: {iban}\nIn caso di emergenza: "
        "{full_name_2}, {phone_2}",
    ),
    Template(
        id="it-hr-002",
        style="hr",
        text="Ciao a tutti,\n\ndal {date} {person} entra a far parte del team di {city}. Potete scrivere a "
        "{first_name} all'indirizzo {email}. Un caloroso benvenuto in squadra!\n\nUfficio del personale",
    ),
    Template(
        id="it-code-001",
        style="code",
        text='# credenziali del gateway di pagamento, da non committare\nCHIAVE_API = "{api_key}"\n'
        'client = GatewayPagamenti("{public_url}", CHIAVE_API)',
    ),
    Template(
        id="it-config-001",
        style="config",
        text="# configurazione di produzione {company}\ndatabase:\n  url: {conn}\nposta:\n  utente: {email}\n"
        "  password: {password}\nversione: {version}",
    ),
    Template(
        id="it-config-002",
        style="config",
        text="Chiave privata dell'utente di deploy (creata il {event_date}):\n{private_key}\nToken CI: "
        "{token}",
    ),
    Template(
        id="it-sms-001",
        style="sms",
        text="Ciao, sono {first_name}, questo è il mio nuovo numero: {phone}. Mi fai il bonifico per "
        "l'affitto su {iban} entro venerdì? Grazie",
    ),
    Template(
        id="it-sms-002",
        style="sms",
        text="{company}: il tuo pacco {tracking} sarà consegnato oggi tra le {time} e le {time_2}. "
        "Info: {public_url}",
    ),
    Template(
        id="it-calendar-001",
        style="calendar",
        text="Invito: colloquio annuale con {person}\nQuando: {date}, ore {time}\nDove: {address}\n"
        "Organizzatore: {email_2}\nPartecipa online: {share_url}",
    ),
    Template(
        id="it-shipping-001",
        style="shipping",
        text="Il tuo ordine {order_id} è stato spedito.\nNumero di tracciamento: {tracking}\n"
        "Indirizzo di consegna:\n{person}\n{address_block}\n\nTraccia la spedizione: {public_url}",
    ),
    Template(
        id="it-bank-001",
        style="bank",
        text="Gentile {title} {last_name},\n\nil {date} è stato addebitato un pagamento di {amount} sulla "
        "carta {card}. Se non riconosci l'operazione, blocca la carta dall'home banking.\n\n{company}",
    ),
    Template(
        id="it-release-001",
        style="release",
        text="Note di rilascio {version} (pubblicata il {event_date})\n- Risolto un crash nell'importazione "
        "CSV (#{num})\n- Compilata dal commit {sha}\n- Documentazione: {public_url}\nSHA-256: {sha256}",
    ),
    Template(
        id="it-faq-001",
        style="faq",
        text="Come cambio la password?\nClicca su «Password dimenticata» nella pagina di accesso; il link "
        "scade dopo {num} minuti. Assistenza: {public_url}\n\nDov'è il mio ordine?\nInserisci il numero "
        "d'ordine (es. {order_id}). Gli ordini effettuati entro il {event_date} arrivano prima di Natale.",
    ),
)
