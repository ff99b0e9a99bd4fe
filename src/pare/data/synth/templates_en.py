"""English templates (filled with en_US or en_GB values)."""

from pare.data.synth.template import Template

TEMPLATES: tuple[Template, ...] = (
    Template(
        id="en-chat-001",
        style="chat",
        text="[{time}] {first_name}: hey, can you send the signed lease to my new place? {address}\n"
        "[{time_2}] {first_name_2}: sure thing. what's your number again, in case the courier calls?\n"
        "[{time_2}] {first_name}: {phone}",
    ),
    Template(
        id="en-chat-002",
        style="chat",
        text="{first_name}: build {version} failed again on commit {sha}\n"
        "{first_name_2}: logs are at {public_url}, I'll have a look after lunch\n"
        "{first_name}: thanks. btw the staging db password is {password} - don't paste it in the channel",
    ),
    Template(
        id="en-chat-003",
        style="chat",
        text="{first_name}: is {person_2} still doing the payroll this month?\n"
        "{first_name_3}: yes, her email is {email_2}\n"
        "{first_name}: great, I'll send her my new account number {account}",
    ),
    Template(
        id="en-email-001",
        style="email",
        text="Subject: Your appointment on {date}\n\nDear {title} {last_name},\n\n"
        "This is a reminder of your appointment on {date} at {time}. If you need to reschedule, "
        "call us back or simply reply to this e-mail.\n\nKind regards,\n{company}",
    ),
    Template(
        id="en-email-002",
        style="email",
        text="Hi {first_name},\n\nGreat meeting you at the meetup last night! Here's my profile: {url_2}\n"
        "Feel free to reach me at {email_2} or on my mobile, {phone_2}.\n\nCheers,\n{person_2}",
    ),
    Template(
        id="en-email-003",
        style="email",
        text="From: {person} <{email}>\nSubject: Refund for order {order_id}\n\nHello,\n\n"
        "I returned the item ({product_code}) on {date} but I still haven't received the refund of "
        "{amount}. Could you please transfer it to {iban}?\n\nThanks,\n{first_name}",
    ),
    Template(
        id="en-email-004",
        style="email",
        text="Hello {person},\n\nWe noticed a sign-in to your account from a new device. If this was you, "
        "no action is needed. Otherwise reset your password here: {share_url}\n\n"
        "Request ID: {uuid}\nThe {company} security team",
    ),
    Template(
        id="en-ticket-001",
        style="ticket",
        text="Ticket {ticket} | Priority: high\nCustomer: {person}\nE-mail: {email}\nPhone: {phone}\n\n"
        "Customer cannot log in since the update to {version}. Agent sent a new login link.",
    ),
    Template(
        id="en-ticket-002",
        style="ticket",
        text="{ticket} opened by {first_name} {last_name}\nIssue: API returns 401 for key {api_key}\n"
        "Endpoint: {public_url}\nRequest id: {uuid}\nUpstream: {ip}",
    ),
    Template(
        id="en-form-001",
        style="form",
        text="REGISTRATION FORM\nFull name: {full_name}\nDate of birth: {birth_date}\nAddress: {address}\n"
        "Phone: {phone}\nE-mail: {email}\nForm ID: {uuid}",
    ),
    Template(
        id="en-form-002",
        style="form",
        text="Change of bank details\nAccount holder: {full_name}\nIBAN: {iban}\nEffective from: {date}\n"
        "Signed: {first_name} {last_name}\nOur reference: {invoice_no}",
    ),
    Template(
        id="en-log-001",
        style="log",
        text="{timestamp} INFO auth: login ok user={email} ip={ip} session={uuid}\n"
        "{timestamp_2} WARN auth: password reset requested for {email}, link {share_url}\n"
        "{timestamp_3} INFO deploy: build {sha} version {version}",
    ),
    Template(
        id="en-log-002",
        style="log",
        text="{timestamp} INFO  scheduler: job nightly-backup started on {host}\n"
        "{timestamp_2} INFO  scheduler: uploaded {num} files, checksum {sha256}\n"
        "{timestamp_3} WARN  http: GET {public_url} returned 503 (retry 2)\n"
        "{timestamp_4} INFO  release {version} tagged at commit {sha}",
    ),
    Template(
        id="en-json-001",
        style="json",
        text='{{"customer": {{"name": "{full_name}", "email": "{email}", "phone": "{phone}", '
        '"birthDate": "{birth_date}"}}, "orderId": "{order_id}", "total": "{amount}"}}',
    ),
    Template(
        id="en-csv-001",
        style="csv",
        text='id,name,email,phone,city\n{num},"{full_name}",{email},{phone},{city}\n'
        '{num_2},"{full_name_2}",{email_2},{phone_2},{city_2}',
    ),
    Template(
        id="en-clinical-001",
        style="clinical",
        text="Patient: {full_name}    DOB: {birth_date}\nAdmitted: {date}\nReferring physician: Dr. "
        "{last_name_2}\n"
        "History: type 2 diabetes, on metformin. Contact number: {phone}\n"
        "Next of kin: {full_name_3}, {phone_3}",
    ),
    Template(
        id="en-clinical-002",
        style="clinical",
        text="Progress note, {date}\n{first_name} reports better sleep since the last visit. BP 128/82. "
        "Continue current dose. Follow-up booked for {date_2} at {time}. Lab order {order_id}.",
    ),
    Template(
        id="en-invoice-001",
        style="invoice",
        text="INVOICE {invoice_no}\nBill to:\n{full_name}\n{address_block}\n\n{num} x {product_code}    "
        "{amount}\n"
        "Due within 14 days. Pay by card {card} or by transfer to {iban}.",
    ),
    Template(
        id="en-hr-001",
        style="hr",
        text="EMPLOYEE RECORD\nName: {full_name}\nStart date: {date}\nDate of birth: {birth_date}\n"
        "Home address: {address}\nSalary account: {account}\nEmergency contact: {full_name_2} ({phone_2})",
    ),
    Template(
        id="en-hr-002",
        style="hr",
        text="Hi all,\n\nplease welcome {person}, who joins {company} as a data engineer on {date}. "
        "{first_name} will be based in our {city} office. You can reach {first_name} at {email}.\n\n"
        "People team",
    ),
    Template(
        id="en-code-001",
        style="code",
        text='import requests\n\nAPI_KEY = "{api_key}"  # rotate before release\n'
        'resp = requests.get("{public_url}", headers={{"Authorization": f"Bearer {{API_KEY}}"}})\n'
        "resp.raise_for_status()",
    ),
    Template(
        id="en-config-001",
        style="config",
        text="# .env for {company}\nDATABASE_URL={conn}\nSECRET_KEY={token}\nADMIN_EMAIL={email}\n"
        "APP_VERSION={version}\nBUILD_SHA={sha}",
    ),
    Template(
        id="en-config-002",
        style="config",
        text="$ cat ~/.ssh/id_rsa\n{private_key}\n$ git log -1 --format=%H\n{sha}",
    ),
    Template(
        id="en-sms-001",
        style="sms",
        text="It's {first_name}, this is my new number: {phone}. Could you send the rent to {iban} "
        "before Friday? Thx x",
    ),
    Template(
        id="en-sms-002",
        style="sms",
        text="{company}: your parcel {tracking} arrives today between {time} and {time_2}. "
        "Delivery options: {public_url}",
    ),
    Template(
        id="en-calendar-001",
        style="calendar",
        text="Event: Annual review with {person}\nWhen: {date}, {time}\nWhere: {address}\n"
        "Organizer: {email_2}\nJoin online: {share_url}",
    ),
    Template(
        id="en-shipping-001",
        style="shipping",
        text="Shipping confirmation\nOrder {order_id} has shipped, tracking number {tracking}.\n"
        "Deliver to:\n{person}\n{address_block}\n\nTrack it at {public_url}",
    ),
    Template(
        id="en-bank-001",
        style="bank",
        text="Dear {title} {last_name},\n\nyour card {card} was charged {amount} on {date}. "
        "If you do not recognise this payment, please block the card in online banking.\n\n{company}",
    ),
    Template(
        id="en-release-001",
        style="release",
        text="Release notes {version} ({event_date})\n- Fixed a crash when importing CSV files (#{num})\n"
        "- Built from commit {sha}\n- Documentation: {public_url}\nSHA-256: {sha256}",
    ),
    Template(
        id="en-faq-001",
        style="faq",
        text='Q: How do I reset my password?\nA: Click "Forgot password" on the sign-in page. The link is '
        "valid for {num} minutes. More help: {public_url}\n\nQ: Where is my order?\nA: Enter your order "
        "number (for example {order_id}) on the tracking page. Orders placed before {event_date} ship "
        "within 3 days.",
    ),
)

# Transfer templates: on neither side of the train/test split (see generate.transfer_templates).
TRANSFER_TEMPLATES: tuple[Template, ...] = (
    Template(
        id="en-forum-001",
        style="forum",
        text="Re: Loft conversion quotes\n\nWe went with {company} in the end. Fair price, and they "
        "finished a week early, which never happens. Happy for anyone in {city} to pop round and see it, "
        "we're at {address}. Text me first on {phone} so I know to expect you. - {first_name}",
    ),
    Template(
        id="en-forum-002",
        style="forum",
        text="Same error here after upgrading to {version}. It only connects if I hardcode the whole "
        "string, like {conn} (yes, I know, I'm rotating it tonight). Nothing about it in the docs "
        "({public_url}) either.\n\nAny ideas, {first_name}?",
    ),
    Template(
        id="en-review-001",
        style="review",
        text="2/5 - Died after three weeks\nBought the NimbusBlend Pro ({product_code}) in March and the "
        "motor burnt out by Easter. The helpline in {city} was polite but useless. If anyone at {company} "
        "is reading, my order number is {order_id} and you can reach me at {email}.",
    ),
    Template(
        id="en-review-002",
        style="review",
        text="I had a filling done on {date} and {title} {last_name} was running forty minutes late, but "
        "the treatment itself was completely painless. Reception rang me on {phone} the day before to "
        "confirm, which was a nice touch. Parking behind the Tesco is a nightmare though. Four stars.",
    ),
    Template(
        id="en-minutes-001",
        style="minutes",
        text="Residents' Association - minutes of {event_date}\nPresent: {person}, {person_2}, {person_3}\n"
        "1. Bike store: {first_name_2} will get three quotes before the April meeting.\n"
        "2. {person_3} has moved to {address} and asked for all post to go there from now on.\n"
        "3. AOB: none.",
    ),
    Template(
        id="en-minutes-002",
        style="minutes",
        text="Platform sync, Thursday\nAttendees: {first_name}, {first_name_2}, {first_name_3}\n"
        "- Release {version} slips to {event_date}; QA is blocked on {ticket}.\n"
        "- {first_name_2} pasted the Stripe key {api_key} into #general by mistake. It has been revoked.\n"
        "- Action: {first_name_3} to send these notes to the client at {email_4}.",
    ),
    Template(
        id="en-letter-001",
        style="letter",
        text="{full_name}\n{address_block}\n\nDear Sir or Madam,\n\nI am writing to cancel my membership "
        "with effect from {date}. Please stop taking payments from account number {account} and confirm "
        "the cancellation in writing.\n\nYours faithfully,\n{person}",
    ),
    Template(
        id="en-letter-002",
        style="letter",
        text="Dear {title} {last_name},\n\nThank you for your letter of {date}. We have updated our "
        "records, and from now on all statements will be sent to {address}. If anything is still "
        "incorrect, please contact {person_2} on {phone_2} or at {email_2}.\n\nYours sincerely,\n"
        "Customer Relations, {company}",
    ),
    Template(
        id="en-letter-003",
        style="letter",
        text="Dear {title} {last_name},\n\nWe still haven't had {first_name_2}'s consent form for the "
        "Year 6 trip to the Science Museum on {event_date}. I've attached it again here: {share_url}. Do "
        "ring me on {phone_3} if there's a problem.\n\nKind regards,\n{person_3}\nClass Teacher, {city} Primary "
        "School",
    ),
    Template(
        id="en-travel-001",
        style="travel",
        text="Hi {first_name},\n\nLooking forward to having you from {date}! The flat is at {address}, "
        "third floor, no lift I'm afraid. The Wi-Fi password is {password}. If your train from {city} is "
        "running late, just WhatsApp me on {phone_2}.\n\nSee you soon,\n{first_name_2}",
    ),
    Template(
        id="en-travel-002",
        style="travel",
        text="BOOKING CONFIRMED\nBooking ref: {order_id}\nLead passenger: {full_name}\n"
        "Date of birth: {birth_date}\nOutbound: {city} - {city_2}, {date} {time}\nBaggage: 1 x 23 kg\n"
        "Contact: {email} / {phone}\nTotal paid: {amount}",
    ),
    Template(
        id="en-travel-003",
        style="travel",
        text="Engineering works: on Sunday {event_date} no trains will run between {city} and {city_2}. "
        "Replacement buses leave from the Station Road stop every 20 minutes and take roughly an hour "
        "longer. Tickets for {company} services will be accepted. Plan ahead at {public_url}",
    ),
    Template(
        id="en-realestate-001",
        style="realestate",
        text="Good news, {first_name}: following your second viewing on {date}, the vendor has accepted "
        "your offer on the three-bed semi in {city}. Their solicitors are {company}. Could you send me "
        "your own solicitor's details at {email_2} by {event_date}?\n\n{person_2}, Sales Negotiator",
    ),
    Template(
        id="en-realestate-002",
        style="realestate",
        text="NEW TO MARKET - Chain free\nA beautifully presented Victorian terrace a short walk "
        "from {city} station, with two reception rooms, a south-facing garden and planning permission for "
        "a loft extension. Open house on Saturday with {company}. Ref {product_code}. Details: {public_url}",
    ),
    Template(
        id="en-social-001",
        style="social",
        text="Some personal news: after six years at {company}, I'm moving to {city} to join a tiny "
        "climate startup! Huge thanks to {person_2}, who hired me as a nervous graduate back then. "
        "Leaving drinks are Friday at the Red Lion. My new portfolio lives at {url}",
    ),
    Template(
        id="en-social-002",
        style="social",
        text="FOUND: black cat, white chest, red collar, no tag. He has been sleeping in our porch at "
        "{street} since Tuesday and is very friendly. If he's yours, call or text {phone}. I've shared "
        "this on the {city} Lost Pets page too. - {first_name}",
    ),
    Template(
        id="en-legal-001",
        style="legal",
        text="WITNESS STATEMENT\nI, {full_name}, of {address}, will say as follows:\n1. On the evening of "
        "{date} I was walking home along the canal when I saw a man in a grey hoodie force the back door "
        "of a white Transit van.\n2. I called the police from my mobile, {phone}, at about {time}.",
    ),
    Template(
        id="en-legal-002",
        style="legal",
        text='This Agreement is made on {date} between {company} ("the Landlord") and {full_name} '
        '("the Tenant") in respect of the property known as {address}. The Tenant shall pay rent of '
        "{amount} per calendar month by standing order to {iban}, in advance on the first day of each "
        "month.",
    ),
    Template(
        id="en-news-001",
        style="news",
        text="{city}, {event_date} - {company} said on Tuesday that it will close its Riverside plant by "
        "the end of the year, putting {num} jobs at risk. The Chief Executive blamed weak European demand "
        "and rising energy costs. Shares fell sharply in early trading. Statement: {public_url}",
    ),
    Template(
        id="en-email-005",
        style="email",
        text="Hi {first_name},\n\nI've reset your VPN account as requested. Your temporary password is "
        "{password} and you'll be asked to change it the first time you log in. If the Cisco client "
        'still says "Login failed", send a screenshot to {email_2} and quote {ticket}.\n\nBest,\n'
        "{first_name_2}\nIT Service Desk",
    ),
    Template(
        id="en-email-006",
        style="email",
        text="Hi {first_name},\n\nI came across your profile ({url}) and think you'd be a great fit for a "
        "Senior Data Engineer role at {company} in {city}. It's hybrid, two days a week in the office. "
        "Would you be up for a quick chat on Wednesday? My direct line is {phone_2}.\n\nThanks,\n{person_2}",
    ),
    Template(
        id="en-email-007",
        style="email",
        text="Subject: Claim {ticket}\n\nOn {date} my car was hit while parked outside our house at "
        "{address}. The other driver, {person_2}, left a note with their number ({phone_2}) and says they "
        "are insured with {company}. I've put the photos here: {share_url}\n\n{full_name}",
    ),
    Template(
        id="en-clinical-003",
        style="clinical",
        text="Dear Dr. {last_name_2},\n\nThank you for seeing {title} {person} (DOB {birth_date}), who has "
        "had intermittent chest pain since {date}. An ECG at the surgery was normal. {first_name} lives "
        "alone at {address} and prefers morning appointments; best number {phone}.\n\n"
        "Yours sincerely,\nDr. {person_3}",
    ),
    Template(
        id="en-sms-003",
        style="sms",
        text="{company}: online banking will be unavailable on {event_date} from {time} for about two "
        "hours while we carry out planned maintenance. Card payments and cash machines are not affected. "
        "Updates: {public_url}",
    ),
    Template(
        id="en-form-003",
        style="form",
        text="VOLUNTEER REGISTRATION - {city} Food Bank\nName: {full_name}\nDate of birth: {birth_date}\n"
        "Address:\n{address_block}\nEmail: {email}\nEmergency contact: {full_name_2}, {phone_2}\n"
        "Available from: {date}\nShifts: Saturday mornings",
    ),
    Template(
        id="en-log-003",
        style="log",
        text="{timestamp} INFO  checkout: order {order_id} created for {email}\n"
        "{timestamp_2} DEBUG payment: card={card} amount={amount} 3ds=true\n"
        "{timestamp_3} ERROR payment: gateway timeout after 30s (host {host})\n"
        "{timestamp_4} INFO  mailer: receipt queued for {email}",
    ),
    Template(
        id="en-config-003",
        style="config",
        text="# docker-compose.override.yml - local only, do NOT commit\nservices:\n  worker:\n"
        '    image: worker:{version}\n    environment:\n      JWT_SECRET: "{secret}"\n'
        '      REDIS_URL: "{conn}"\n      ALERT_EMAIL: {email}',
    ),
    Template(
        id="en-json-002",
        style="json",
        text='{{"id": "{uuid}", "displayName": "{person}", "profileUrl": "{url}", "contact": {{"email": '
        '"{email}", "mobile": "{phone}"}}, "plan": "Pro", "createdAt": "{timestamp}"}}',
    ),
    Template(
        id="en-csv-002",
        style="csv",
        text='Payee,IBAN,Amount,Reference\n"{full_name}",{iban},"{amount}",{invoice_no}\n'
        '"{company}",{iban_2},"{amount_2}",{invoice_no_2}\n'
        '"{full_name_3}",{iban_3},"{amount_3}",{invoice_no_3}',
    ),
    Template(
        id="en-chat-004",
        style="chat",
        text="{first_name}: are you coming to {first_name_2}'s leaving do on Friday?\n"
        "{first_name_3}: yeah! what's the address again?\n"
        "{first_name}: {address}. ring {phone_2} if the buzzer doesn't work, it's been dodgy since March",
    ),
)
