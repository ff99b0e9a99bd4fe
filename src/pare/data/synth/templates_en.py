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
