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

# Transfer templates: on neither side of the train/test split (see generate.transfer_templates).
TRANSFER_TEMPLATES: tuple[Template, ...] = (
    Template(
        id="it-chat-004",
        style="chat",
        text="{first_name}: ragazzi, trasloco finito! Da lunedì mi trovate in {address}\n{first_name_2}: "
        "evvai! Sul citofono c'è già il tuo nome?\n{first_name}: macché, c'è ancora scritto {last_name_4}, "
        "il cognome di chi abitava qui prima. Suonate lì\n{first_name_3}: sabato passo io con le piante che "
        "mi avevi lasciato",
    ),
    Template(
        id="it-chat-005",
        style="chat",
        text="{first_name}: nella sede di {city} hanno cambiato la password del Wi-Fi ospiti, adesso è "
        "{password}\n{first_name_2}: grazie! Domani arrivano quelli di {company} per la demo\n{first_name}: "
        "ti ho caricato le slide aggiornate qui, dacci un'occhiata stasera: {share_url}\n{first_name_2}: "
        "ok, le guardo in treno",
    ),
    Template(
        id="it-email-005",
        style="email",
        text="Ciao {first_name},\n\nti presento {person_2}, che da gennaio segue gli acquisti di {company} "
        "per tutta l'area di {city}. Abbiamo parlato del vostro nuovo gestionale e sarebbe felice di vedere "
        "una demo. Il numero diretto è {phone_2}, ma per fissare un incontro conviene scrivere a "
        "{email_2}.\n\nUn abbraccio,\n{first_name_3}",
    ),
    Template(
        id="it-email-006",
        style="email",
        text="Oggetto: Credenziali di accesso al Portale Fornitori\n\nGentile {title} {last_name},\n\nla "
        "registrazione di {company} è stata completata. Per il primo accesso utilizzi come nome utente "
        "{email} e la password provvisoria {password}, che le sarà chiesto di modificare subito.\n\nGuida "
        "all'uso: {public_url}",
    ),
    Template(
        id="it-email-007",
        style="email",
        text="Ciao {first_name},\n\nsono {person_2}, mi occupo di selezione per {company} e ho letto con "
        "interesse il tuo profilo ({url}). Credo che l'esperienza che hai maturato a {city} sia proprio "
        "quella che cerchiamo per il ruolo di Data Engineer. Se ti va di fare due chiacchiere, qui trovi i "
        "miei contatti: {url_2}",
    ),
    Template(
        id="it-email-008",
        style="email",
        text="Gentile {title} {last_name},\n\nla ringraziamo per aver scelto l'Hotel Bellavista di {city}. "
        "Le confermiamo la prenotazione {order_id}: arrivo il giorno {date}, tre notti in camera doppia con "
        "colazione. La carta {card} è stata registrata a titolo di garanzia; il saldo di {amount} si "
        "effettua alla partenza.\n\nLa Reception",
    ),
    Template(
        id="it-forum-001",
        style="forum",
        text="Titolo: Django non si connette più a PostgreSQL\n\nCiao a tutti, dopo l'aggiornamento a "
        "Django {version} l'app non parte più su Ubuntu. Nel settings ho DATABASE_URL = {conn} (è solo il "
        'server di prova, tranquilli) e ottengo "password authentication failed". Ho già seguito '
        "{public_url} senza risultato. Idee?\n\n{first_name}",
    ),
    Template(
        id="it-forum-002",
        style="forum",
        text="Qualcuno si è mai servito dall'officina {company} di {city}? Mi hanno fatto un preventivo di "
        "{amount} per la frizione della Panda e mi sembra tanto. Al telefono mi ha risposto {person}, molto "
        "cortese, ma non ha saputo spiegarmi il perché. Se vi serve, il numero è {phone}. Grazie a chi "
        "risponde!",
    ),
    Template(
        id="it-forum-003",
        style="forum",
        text="Ciao a tutti! Mi presento: sono {first_name}, vivo dalle parti di {city} e fotografo "
        "soprattutto paesaggi di montagna con una vecchia Nikon. Leggo il forum da mesi ma non avevo mai "
        "scritto. Se volete vedere qualche scatto, il mio portfolio è su {url}. Ogni critica è benvenuta!",
    ),
    Template(
        id="it-review-001",
        style="review",
        text="★★★★★ Soggiorno perfetto!\nTre notti in questo B&B a due passi dal centro di {city}. "
        "{first_name} ci ha aspettati in stazione anche se il treno era in ritardo di un'ora, e ogni "
        "mattina la colazione era diversa. Consiglio di prenotare scrivendo su WhatsApp al {phone}: si "
        "risparmia rispetto a Booking.",
    ),
    Template(
        id="it-review-002",
        style="review",
        text="★☆☆☆☆ Assistenza inesistente. Ho ordinato un aspirapolvere (ordine {order_id}) più di un mese "
        "fa e non è mai arrivato. Dopo la quinta email mi ha richiamato dal {phone} qualcuno che si è "
        "presentato come {person} e mi ha chiesto di nuovo i dati della carta. Con {company} ho chiuso.",
    ),
    Template(
        id="it-minutes-001",
        style="minutes",
        text="Verbale dell'assemblea del Condominio di {street}, tenutasi in data {event_date}.\nPresenti: "
        "{person}, {person_2}, {person_3} (anche per delega di {person_4}).\nPunto 1: l'Amministratore "
        "comunica che le quote andranno versate sul nuovo conto IBAN {iban}. Il preventivo per il "
        "rifacimento del tetto è approvato all'unanimità.",
    ),
    Template(
        id="it-minutes-002",
        style="minutes",
        text="Riunione di avanzamento – {event_date}\nPresenti: {first_name}, {first_name_2}, "
        "{first_name_3}\n\n1. {first_name_2} segnala che la stringa di connessione al database ({conn}) è "
        "finita sul Wiki: va ruotata entro venerdì.\n2. Il rilascio della {version} slitta alla prossima "
        "settimana.\n3. {first_name} sente il cliente per il collaudo.",
    ),
    Template(
        id="it-letter-001",
        style="letter",
        text="{person}\n{address_block}\n\nSpett.le {company}\n\nOggetto: disdetta del contratto di "
        "locazione\n\nCon la presente comunico la disdetta del contratto, con riconsegna dell'immobile in "
        "data {date}. Chiedo che il deposito cauzionale di {amount} mi venga restituito sul conto IBAN "
        "{iban}.\n\nDistinti saluti",
    ),
    Template(
        id="it-rental-001",
        style="rental",
        text="Affittasi a {city}, zona università, bilocale arredato al terzo piano con ascensore. Canone "
        "{amount} al mese, spese condominiali incluse; richieste due mensilità di cauzione. No agenzie: per "
        "visite chiamate {first_name} al {phone} dopo le 18 oppure scrivete a {email}.",
    ),
    Template(
        id="it-school-001",
        style="school",
        text="Gentili genitori,\n\nle autorizzazioni per la gita a Ravenna vanno consegnate in segreteria "
        "oppure a {person}, docente referente (scadenza: {event_date}). Le foto dell'uscita a Mantova sono "
        "già nella cartella condivisa: {share_url}\nPer qualsiasi dubbio scrivete a {email}.\n\nI "
        "rappresentanti di classe",
    ),
    Template(
        id="it-school-002",
        style="school",
        text="Al Dirigente Scolastico\n\nIl/La sottoscritto/a {person}, genitore dell'alunno/a "
        "{first_name_2} {last_name} della classe 2ª B, chiede che il/la figlio/a possa uscire "
        "anticipatamente il giorno {date} alle ore {time} per una visita specialistica.\n\nIn fede,\n"
        "{person}",
    ),
    Template(
        id="it-insurance-001",
        style="insurance",
        text="Descrizione del sinistro: il giorno {date}, verso le {time}, ero fermo al semaforo sulla "
        "circonvallazione di {city} quando la mia auto è stata tamponata dal veicolo condotto da "
        "{person_2}, residente in {address_2} (compagnia {company}). Testimone: {person_3}, tel. {phone_3}.",
    ),
    Template(
        id="it-support-001",
        style="support",
        text="Operatore: Buongiorno, sono {first_name}, come posso aiutarla?\nCliente: Salve, ho cambiato "
        "casa e devo aggiornare l'indirizzo di fatturazione: {address_2}.\nOperatore: Per verifica, mi "
        "conferma la data di nascita dell'intestatario?\nCliente: {birth_date_2}, il contratto è a nome "
        "mio, {person_2}.\nOperatore: Perfetto, pratica {ticket} aperta.",
    ),
    Template(
        id="it-support-002",
        style="support",
        text="Manutenzione programmata\nSabato dalle {time}, e fino alle {time_2} di domenica, l'app e "
        "l'Area Clienti di {company} non saranno raggiungibili per un aggiornamento dei sistemi. I "
        "pagamenti con Carta e Bancomat resteranno attivi. Ci scusiamo per il disagio. Aggiornamenti in "
        "tempo reale su {public_url} (rif. {ticket}).",
    ),
    Template(
        id="it-news-001",
        style="news",
        text="{city} – Taglio del nastro ieri mattina per il nuovo stabilimento di {company}, che a regime "
        "darà lavoro a {num} persone. Alla cerimonia erano presenti il Sindaco e il Prefetto, mentre i "
        "Sindacati chiedono garanzie sui contratti. L'avvio della produzione è previsto per il {event_date}.",
    ),
    Template(
        id="it-release-002",
        style="release",
        text="{company} annuncia Gestionale Cloud {version}, disponibile da oggi! Tra le novità: "
        "esportazione in PDF ed Excel, integrazione con Google Drive e un nuovo Pannello di controllo per "
        "gli amministratori. L'aggiornamento è gratuito per tutti i clienti Business.\nNote di rilascio: "
        "{public_url}\nBuild {sha} del {event_date}",
    ),
    Template(
        id="it-log-003",
        style="log",
        text="{timestamp} [INFO] Avvio pipeline n. {num} sul runner {host}\n{timestamp_2} [INFO] Checkout "
        "del commit {sha} (branch main)\n{timestamp_3} [WARN] Pacchetto deprecato, vedi {public_url}\n"
        "{timestamp_4} [INFO] Test superati, immagine {version} pubblicata\n{timestamp_5} [INFO] Digest "
        "sha256:{sha256}",
    ),
    Template(
        id="it-clinical-003",
        style="clinical",
        text="Paziente {person}, data di nascita {birth_date}, giunge al Pronto Soccorso dell'Ospedale di "
        "{city} in data {date} per dolore toracico insorto a riposo. ECG e troponina nella norma; si "
        "dispone osservazione breve. Informato il familiare di riferimento, {person_2}, al numero {phone_2}.",
    ),
    Template(
        id="it-sms-003",
        style="sms",
        text="Gentile {first_name}, le ricordiamo l'appuntamento per l'igiene dentale in data {date} alle "
        "{time} nel nostro studio in {street}. Per disdire chiami il {phone} almeno 24 ore prima.\n{company}",
    ),
    Template(
        id="it-form-003",
        style="form",
        text="RICHIESTA TESSERA BIBLIOTECA CIVICA\nCognome: {last_name}\nNome: {first_name}\nLuogo e data "
        "di nascita: {city}, {birth_date}\nResidenza: {address}\nCellulare: {phone}\nE-mail: {email}\n"
        "Tessera n.: {num}",
    ),
    Template(
        id="it-json-002",
        style="json",
        text='{{"utente": {{"id": "{uuid}", "nome": "{first_name}", "cognome": "{last_name}", "email": '
        '"{email}", "profilo": "{url}"}}, "sessione": {{"access_token": "{jwt}", "creata": "{timestamp}"}}}}',
    ),
    Template(
        id="it-csv-002",
        style="csv",
        text="tesserato;data_nascita;cellulare;quota_annuale;iban_rimborso\n"
        "{full_name};{birth_date};{phone};{amount};{iban}\n"
        "{full_name_2};{birth_date_2};{phone_2};{amount_2};{iban_2}",
    ),
    Template(
        id="it-config-003",
        style="config",
        text="# .env di produzione – NON committare!\nAPP_VERSION={version}\nDATABASE_URL={conn}\n"
        "PAYMENT_API_KEY={api_key}\nSMTP_HOST={host}\nSMTP_USER={email}\nSMTP_PASSWORD={password}",
    ),
    Template(
        id="it-ticket-003",
        style="ticket",
        text="Pratica {ticket} – Ufficio Reclami {company}\nCliente: {full_name}\nConto corrente n.: "
        "{account}\nRecapito: {phone}\nDescrizione: il cliente segnala un doppio addebito di {amount} con "
        "valuta {date}. Richiesto lo storno; da ricontattare entro cinque giorni lavorativi.",
    ),
)
