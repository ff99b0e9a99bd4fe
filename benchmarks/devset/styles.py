"""The seven styles of the development set. Each style is a list of frame functions ``f(g, doc)``.

Frames are written here, in a voice unlike pare's templates: short, uneven, often first person. Frames whose
name ends in ``_real`` are built around a real sentence (``gen.Gen.sentence``) into which, or around which,
the PII is placed.
"""

from __future__ import annotations

from collections.abc import Callable

from devvalues import Person
from docbuilder import Doc, Val
from gen import PRODUCTS, PUBLIC_URLS, STREETS_ONLY, Gen, comma_split, lower_first, no_period

Frame = Callable[[Gen, Doc], None]

# --- chat: lowercase, shorthand, typos, little punctuation ---

CHAT_FILLERS = ("lol", "ok cool", "on my way", "cool cool", "k", "she said yes", "haha sure", "will do",
                "nope", "Cool", "Sure", "She said yes", "omg", "thx", "yep", "Noted", "ok")  # fmt: skip


def chat_lines(g: Gen, doc: Doc, lines: list[list[str | Val]], speakers: bool | None = None) -> None:
    """Write chat lines; a line is pieces of literal text and values. Speakers are lower-case first names."""
    speaker_names = [g.chat_name(g.person()), g.chat_name(g.person())]  # each speaker keeps one spelling
    tags = g.pick("none", "none", "names", "time") if speakers is None else ("names" if speakers else "none")
    hour, minute = g.rng.randint(7, 22), g.rng.randint(0, 50)
    for k, line in enumerate(lines):
        if k:
            doc.add("\n")
        if tags == "names":
            doc.put(speaker_names[k % 2]).add(": ")
        elif tags == "time":
            doc.put(Val(f"[{hour}:{minute + k:02d}] "))  # a Val: literal, but no typos in the time
        for piece in line:
            doc.put(piece)


def chat_number(g: Gen, doc: Doc) -> None:
    p = g.person()
    ask = g.pick(
        "whats ur number again", "can u text me ur number", "what number should i call", "new phone?"
    )
    reply = g.rng.choice(
        (["yes its ", g.chat_phone(p)], ["its ", g.chat_phone(p), " call after 6"], [g.chat_phone(p)],
         ["new one is ", g.chat_phone(p), " the old one is dead"], [g.chat_phone(p), " but whatsapp is better"])
    )  # fmt: skip
    chat_lines(g, doc, [[ask], reply, [g.pick(*CHAT_FILLERS)]][: g.rng.randint(2, 3)])


def chat_email(g: Gen, doc: Doc) -> None:
    p = g.person()
    line = g.rng.choice(
        (["can u send the pics to ", g.email(p, True), " pls"], ["my email is ", g.email(p, True), " not the old one"],
         ["email me at ", g.email(p, True)], [g.email(p, True), " thats the one"],
         ["forward it to ", g.chat_name(p), " ", g.email(p, True), " shes handling it now"])
    )  # fmt: skip
    chat_lines(g, doc, [[g.pick("where do i send it", "whats ur email", "got it?", "hey")], line])


def chat_people(g: Gen, doc: Doc) -> None:
    p, q = g.person(), g.person()
    line = g.rng.choice(
        ([g.chat_name(p), " said " + g.he(p) + "s running late"], ["ask ", g.chat_name(p), " " + g.he(p) + "s got the keys"],
         ["is ", g.chat_name(p, "full"), " coming tmrw"], ["tell ", g.chat_name(p), " i said hi"],
         ["me and ", g.chat_name(p), " r at the cafe"], [g.chat_name(p), " and ", g.chat_name(q), " broke up lol"],
         ["have u met ", g.chat_name(p), "? the new guy from ", g.city()])
    )  # fmt: skip
    chat_lines(g, doc, [line, [g.pick(*CHAT_FILLERS)]])


def chat_address(g: Gen, doc: Doc) -> None:
    addr = g.address(country=False)
    line = g.rng.choice(
        (["new address is ", addr], ["im at ", addr, " now"], ["parcel goes to ", addr, " pls"],
         ["its ", addr, " the blue door"], ["party at ", addr, " bring snacks"])
    )  # fmt: skip
    chat_lines(
        g, doc, [[g.pick("where r u staying", "address?", "where is it", "hey where do i send it")], line]
    )


def chat_dates(g: Gen, doc: Doc) -> None:
    p = g.person()
    line = g.rng.choice(
        ([g.chat_name(p), g.pick("'s bday is ", " bday is "), g.birth(False)], ["dob ", g.birth()], ["appointment moved to ", g.date(lower=True)],
         ["my interview is on ", g.date(False, True), " wish me luck"], ["dentist ", g.date(lower=True), " at 3"])
    )  # fmt: skip
    chat_lines(g, doc, [line, [g.pick(*CHAT_FILLERS)]])


def chat_secret(g: Gen, doc: Doc) -> None:
    line = g.rng.choice(
        (["wifi password is ", g.password()], ["pw for the shared acct: ", g.password()],
         ["the key is ", g.api_key(), " dont share it"], ["login is my email and ", g.password()])
    )  # fmt: skip
    chat_lines(g, doc, [[g.pick("whats the wifi", "cant log in", "need the password", "hey")], line])


def chat_money(g: Gen, doc: Doc) -> None:
    p = g.person()
    line = g.rng.choice(
        (["send it to ", g.account(), " thx"], ["my acct no is ", g.bank()], ["iban ", g.iban()],
         ["pay ", g.chat_name(p), " on ", g.bank(), " not me"], ["card ending? no its the full one ", g.card()])
    )  # fmt: skip
    chat_lines(g, doc, [[g.pick("how do i pay u back", "where do i send the money", "rent?")], line])


def chat_link(g: Gen, doc: Doc) -> None:
    p = g.person()
    line = g.rng.choice((["check out my page ", g.url(p)], ["heres the link ", g.url(p)], [g.url(p)],
                         [g.chat_name(p), "'s portfolio ", g.url(p), " its good"]))  # fmt: skip
    chat_lines(g, doc, [line, [g.pick(*CHAT_FILLERS)]])


def chat_real(g: Gen, doc: Doc) -> None:
    p = g.person()
    quote = lower_first(no_period(g.sentence(doc))) if g.chance(0.6) else g.sentence(doc)
    lead = g.rng.choice(([g.chat_name(p), " sent me this from the manual: "], ["copying from the docs: "],
                         ["ok so apparently "], ["read this "]))  # fmt: skip
    follow = g.rng.choice(
        (["lol what does that even mean"], ["ask ", g.chat_name(p), " at ", g.email(p, True)],
         ["call ", g.chat_name(p), " ", g.chat_phone(p), " " + g.he(p) + " knows this stuff"],
         ["Cool. ", g.chat_name(p), " fixed it already"], ["She said thats normal"])
    )  # fmt: skip
    chat_lines(g, doc, [[*lead, quote], follow])


CHAT: tuple[Frame, ...] = (chat_number, chat_email, chat_people, chat_address, chat_dates, chat_secret,
                           chat_money, chat_link)  # fmt: skip
CHAT_REAL: tuple[Frame, ...] = (chat_real,)


def chat(g: Gen, doc: Doc, real: bool) -> None:
    doc.noise = g.chat_noise
    g.rng.choice(CHAT_REAL if real else CHAT)(g, doc)


# --- qa: a question and an answer ---


def qa_write(g: Gen, doc: Doc, question: list[str | Val], answer: list[str | Val]) -> None:
    """One question and its answer, in one of the layouts Q&A text comes in."""
    q, a = g.rng.choice(
        (("Q: ", "\nA: "), ("Question: ", "\nAnswer: "), ("", "\n\n"), ("", "\n"), ("> ", "\n"))
    )
    doc.add(q)
    for piece in question:
        doc.put(piece)
    doc.add(a)
    for piece in answer:
        doc.put(piece)


def qa_beneficiary(g: Gen, doc: Doc) -> None:
    p = g.person()
    question = g.rng.choice(
        (["Can I add ", g.name(p, "full"), " as a beneficiary on my savings account?"],
         ["I want to add ", g.name(p, "full"), " as a beneficiary. What do you need from me?"],
         ["My ", g.pick("daughter", "son", "husband", "wife", "partner"), ", ", g.name(p, "full"), ", needs access to the joint account. How?"])
    )  # fmt: skip
    answer = g.rng.choice(
        (["Yes. Send us ", g.his(p), " date of birth and a copy of ", g.his(p), " ID."],
         ["Sure, as long as ", g.name(p, "first"), " is over 18. We'll need ", g.his(p), " address too."],
         ["Of course. Please confirm ", g.his(p), " date of birth (we have ", g.birth(), " on file)."])
    )  # fmt: skip
    qa_write(g, doc, question, answer)


def qa_contact(g: Gen, doc: Doc) -> None:
    p = g.person()
    question = g.rng.choice(
        (["Who do I speak to about the lease?"], ["Does anyone have a contact for ", g.name(p, "full"), "? I need to return the drill."],
         ["Is ", g.email(p), " still the best way to reach you?"], ["Who handles refunds at the Leeds branch?"])
    )  # fmt: skip
    answer = g.rng.choice(
        ([g.name(p, g.pick("title_full", "full", "title")), ". ", g.his(p).capitalize(), " direct line is ", g.phone(p), "."],
         ["Try ", g.email(p), " or call ", g.phone(p), "."], ["No, please use ", g.email(p), " from now on."],
         ["Ask for ", g.name(p), " on ", g.phone(p), " (mornings only)."],
         ["Email ", g.name(p, "first"), " at ", g.email(p), "."], ["It's ", g.email(p), ". Don't use the old one."])
    )  # fmt: skip
    qa_write(g, doc, question, answer)


def qa_personal(g: Gen, doc: Doc) -> None:
    p = g.person()
    question, answer = g.rng.choice(
        ((["What is your date of birth?"], [g.birth(), "."]), (["And your date of birth?"], ["It's ", g.birth(), "."]),
         (["Where should we deliver the replacement?"], ["To ", g.address(), ", please."]),
         (["What's your current address?"], [g.address()]),
         (["Which account should the refund go to?"], [g.account(), ", under the name ", g.name(p, "full"), "."]),
         (["When did you last see the doctor?"], ["On ", g.date(), ", for my knee."]),
         (["Who referred you?"], ["My neighbour, ", g.name(p, "full"), "."]),
         (["What was the guest wifi password again?"], [g.password(), " - change it after the party."]),
         (["Where can I see your work?"], ["My portfolio is at ", g.url(p), "."]),
         (["What's the API key for the staging server?"], ["It's ", g.api_key(), ". Don't paste it in the channel."]),
         (["Which card did you pay with?"], ["The Visa, ", g.card(), "."]),
         (["Can you send me your bank details?"], ["Account ", g.bank(), ", name ", g.name(p, "full"), "."]),
         (["Did you get the login for the portal?"], ["Yes, user ", g.email(p), ", password ", g.password(), "."]))
    )  # fmt: skip
    qa_write(g, doc, question, answer)


def qa_real(g: Gen, doc: Doc) -> None:
    """A question quoting real documentation, or an answer made of it, with a person to ask."""
    p = g.person()
    s = g.sentence(doc)
    if g.chance(0.5):
        question = [g.pick("The manual says: ", "It says here: ", "Quick one. "), f'"{s}" ',
                    g.pick("What does that mean in practice?", "Is that true for me too?", "Huh?")]  # fmt: skip
        answer = g.rng.choice(
            (["Ask ", g.name(p), "; ", g.he(p), " wrote that part. ", g.his(p).capitalize(), " email is ", g.email(p), "."],
             ["Honestly no idea. ", g.name(p, "first"), " might know, try ", g.phone(p), "."],
             ["Yes. I asked her about it when we met on ", g.date(), "."])
        )  # fmt: skip
    else:
        question = [
            g.pick(
                "Why does this keep failing?", "Can someone explain this?", "Any idea what is going on here?"
            )
        ]
        answer = [
            s,
            " ",
            g.pick("If that doesn't help, ring ", "Otherwise ask "),
            g.name(p),
            " on ",
            g.phone(p),
            ".",
        ]
        if g.chance(0.4):
            answer = [s, " ", g.name(p, "first"), " (", g.email(p), ") can confirm."]
    qa_write(g, doc, question, answer)


QA: tuple[Frame, ...] = (qa_beneficiary, qa_contact, qa_personal, qa_personal)
QA_REAL: tuple[Frame, ...] = (qa_real,)


def qa(g: Gen, doc: Doc, real: bool) -> None:
    g.rng.choice(QA_REAL if real else QA)(g, doc)


# --- letter: salutation, body, signature block ---


def salutation(g: Gen, doc: Doc, p: Person) -> None:
    form = g.pick("title", "first", "first", "title_full", "none")
    if form == "none":
        doc.add(g.pick("Dear Sir or Madam,", "To whom it may concern,", "Hello,", "Dear team,"))
    else:
        doc.add(g.pick("Dear ", "Dear ", "Hi ", "Hello ")).put(g.name(p, form)).add(
            g.pick(",", ",", "", " -")
        )
    doc.add("\n\n")


def signature(g: Gen, doc: Doc, p: Person) -> None:
    """Closing, the name (title outside the span), then contact lines in a random order."""
    doc.add(
        "\n\n"
        + g.pick("Kind regards,", "Best wishes,", "Yours sincerely,", "Cheers,", "Thanks,", "Warm regards,")
    )
    doc.add("\n").put(
        g.name(p, g.pick("full", "full", "title_full", "middle"), g.pick("title", "title", "upper"))
    )
    if g.chance(0.4):
        doc.add(
            "\n" + g.pick("Head of Finance", "Office Manager", "Senior Accountant", "Volunteer coordinator")
        )
    contacts: list[list[str | Val]] = [
        [g.pick("Tel: ", "M: ", "Mob. ", "Phone: ", ""), g.phone(p)],
        [g.pick("E: ", "Email: ", ""), g.email(p)],
        [g.address_block() if g.chance(0.5) else g.address()],
        [g.url(p)],
    ]
    g.rng.shuffle(contacts)
    for line in contacts[: g.rng.randint(1, 4)]:
        doc.add("\n")
        for piece in line:
            doc.put(piece)
    if g.chance(0.1):
        doc.add("\n\nSent from my iPhone")


def letter_body(g: Gen, doc: Doc, p: Person) -> None:
    q = g.person()
    child_birth = Val(g.v.date(g.v.day(1998, 2021)), "private_date")
    body = g.rng.choice(
        (["Thank you for your letter of ", g.date(), ". I have moved, and my new address is ", g.address(), "."],
         ["I am writing to confirm the appointment for my ", g.kin(q, "mother", "father"), ", ", g.name(q, "full"), ", on ", g.date(), "."],
         ["As agreed, the deposit should be paid into ", g.account(), ". Please use my surname as the reference."],
         ["You can see my previous work at ", g.url(p), ". I am available from ", g.date(), "."],
         ["I would like to add my ", g.kin(q, "daughter", "son"), ", ", g.name(q, "full"), " (born ", child_birth, "), to the policy."],
         ["Please pay the refund into my account, IBAN ", g.iban(), ", as the card has been cancelled."],
         ["Please update my phone number to ", g.phone(p), " and send future letters to ", g.address(), "."],
         ["If anything changes, please write to me at ", g.email(p), "."], ["My CV and references are at ", g.url(p), "."],
         ["I enclose the signed form. My date of birth is ", g.birth(), " and my card number is ", g.card(), "."])
    )  # fmt: skip
    for piece in body:
        doc.put(piece)


def letter_real_body(g: Gen, doc: Doc, p: Person) -> None:
    q = g.person()
    s = g.sentence(doc)
    body = g.rng.choice(
        (["In reply to your question about the settings: \"", s, "\" I hope that clarifies it. If not, call me on ", g.phone(p), "."],
         ["As the guide puts it, ", lower_first(s), " ", g.name(q, "full"), " from our team can walk you through it."],
         ["You were right. ", s, " I have copied ", g.name(q), " (", g.email(q), ") so ", g.he(q), " can fix the rest."],
         ["Thank you for meeting me on ", g.date(), ". One note from the documentation: ", s])
    )  # fmt: skip
    for piece in body:
        doc.put(piece)


def letter(g: Gen, doc: Doc, real: bool) -> None:
    reader, writer = g.person(), g.person()
    if g.chance(0.15):
        doc.put(g.name(reader, "full")).add("\n").put(g.address_block()).add("\n\n")
    salutation(g, doc, reader)
    (letter_real_body if real else letter_body)(g, doc, writer)
    signature(g, doc, writer)


# --- narrative: third-person sentences and quoted speech ---


def narrative_plain(g: Gen, doc: Doc) -> None:
    p, q = g.person(), g.person(female=False)
    he, his = g.he(p), g.his(p)
    story = g.rng.choice(
        ([g.name(p, "full"), " was born on ", g.birth(), " in ", g.city(), ". ", he.capitalize(), " grew up above the family shop and later moved to ", g.address(), "."],
         ["When the police called ", g.name(p, "title"), " on ", g.phone(p), ", ", he, " was already on the train to ", g.city(), "."],
         ['"My number has changed," ', g.name(p, "first"), ' told the receptionist. "It\'s ', g.phone(p), ' now."'],
         ["Every Sunday ", g.name(p, "first"), " wrote to ", his, " brother ", g.name(q, "full"), " at ", g.email(q), ", even when he never answered."],
         ["The letter from ", g.name(p), " arrived on ", g.date(), ", addressed to a flat at ", g.address(), " that had been empty for years."],
         [g.name(p, "full"), ", a nurse from ", g.city(), ", paid the deposit from account ", g.account(), " on ", g.date(), "."],
         ["After the meeting, ", g.name(p, "first"), " posted the slides on ", g.url(p), " and went home early."],
         ["The landlord, ", g.name(q, "title_full"), ", insisted on cash. ", g.name(p, "first"), " paid and said nothing."],
         ["Nobody believed ", g.name(p, "first"), " when ", he, " said the password was ", g.password(), "."],
         [g.name(p, "full"), " and ", g.name(q, "full"), " met at a wedding in ", g.city(), " in ", g.year(), "."],
         ["She handed ", g.name(p, "initial"), " a note: ", g.phone(), ", ask for ", g.name(q, "first"), "."],
         ["By the time ", g.name(p, "first"), " noticed, someone had used ", his, " card ", g.card(), " to buy two flights."],
         ["The note on the fridge just said: wifi ", g.password(), ", back at six. ", g.name(p, "first")],
         [g.name(p, "full"), " wired the money from ", g.iban(), " on ", g.date(), " and never heard back."],
         ["The only contact on the form was an e-mail address, ", g.email(p), ". Nobody ever answered it."],
         [g.name(p, "first"), " put everything online. The photos are still up at ", g.url(p), "."])
    )  # fmt: skip
    for piece in story:
        doc.put(piece)


NARRATIVE_REAL = (
    "According to {p}, {lower}", "In the words of {p}, {lower}", "As {p} put it in an e-mail to {q_email}, {lower}",
    "{s_} - at least that is what {p} ({p_email}) told me.", "{s_}, or so {p} ({p_email}) told me.",
    '{p_full} read the line aloud: "{s}" Then {he} called {q_first} on {q_phone}.',
    '"{s_}," {p} explained to {q_full}, who lives at {address}.', "{s} Questions go to {p} at {p_email}.",
)  # fmt: skip
NARRATIVE_INSIDE = (
    "{head}, as {p} pointed out on {date}, {tail}",
    "{head}, {p} ({p_email}) reminded us, {tail}",
)


def narrative_real(g: Gen, doc: Doc) -> None:
    """A real sentence with a clause about a person placed before it, inside it (at a comma), or after it."""
    p, q = g.person(), g.person()
    s = g.sentence(doc)
    split = comma_split(s)
    frames = NARRATIVE_REAL + (NARRATIVE_INSIDE * 3 if split else ())
    head, tail = split or ("", "")
    doc.fill(
        g.pick(*frames), s=s, s_=no_period(s), lower=lower_first(s), head=head, tail=tail, he=g.he(p),
        p=g.name(p), p_full=g.name(p, "full"), p_email=g.email(p), q_email=g.email(q), q_first=g.name(q, "first"),
        q_full=g.name(q, "full"), q_phone=g.phone(q), date=g.date(), address=g.address(),
    )  # fmt: skip


def narrative(g: Gen, doc: Doc, real: bool) -> None:
    (narrative_real if real else narrative_plain)(g, doc)


# --- form: field: value lines in mixed order ---


def form_fields(g: Gen, p: Person) -> list[tuple[str, list[str | Val]]]:
    """Candidate fields of a form about ``p``: PII fields and ordinary ones that are not PII."""
    case = g.pick("title", "title", "upper")
    q = g.person()
    return [
        (g.pick("Name", "Full name", "Applicant", "Patient name", "Account holder"), [g.name(p, g.pick("full", "record", "middle"), case)]),
        (g.pick("Date of birth", "DOB", "D.O.B.", "Birth date"), [g.birth()]),
        (g.pick("Phone", "Mobile", "Tel.", "Contact no.", "Cell"), [g.phone(p)]),
        (g.pick("Email", "E-mail", "Email address"), [g.email(p)]),
        (g.pick("Address", "Home address", "Postal address"), [g.address()] if g.chance(0.6) else ["\n", g.address_block()]),
        g.rng.choice((("IBAN", [g.iban()]), (g.pick("Card number", "Card no."), [g.card()]),
                      (g.pick("Account no.", "Bank account", "Account number"), [g.bank()]))),
        (g.pick("Website", "Profile", "Portfolio", "Homepage"), [g.url(p)]),
        (g.pick("Appointment", "Start date", "Date signed", "Move-in date"), [g.date()]),
        ("Emergency contact", [g.name(q, "full"), " (", g.phone(q), ")"]),
        (g.pick("Temporary password", "Password", "API key"), [g.password() if g.chance(0.6) else g.api_key()]),
        (g.pick("Nationality", "Citizenship"), [g.pick("Kenyan", "Nigerian", "Indian", "Polish", "Vietnamese", "Turkish", "Brazilian")]),
        (g.pick("Country", "Country of residence"), [g.country()]),
        (g.pick("Occupation", "Job title"), [g.pick("Teacher", "Nurse", "Software developer", "Retired", "Student", "Driver")]),
        (g.pick("Reference", "Booking ref", "Order no."), [g.order_ref()]),
        (g.pick("Gender", "Sex"), [g.pick("F", "M", "Female", "Male", "Prefer not to say")]),
        ("Preferred language", [g.pick("English", "Hindi", "Yoruba", "Polish", "Spanish")]),
        (g.pick("Member since", "Year of arrival"), [g.year()]),
    ]  # fmt: skip


def form(g: Gen, doc: Doc, real: bool) -> None:
    p = g.person()
    fields = form_fields(g, p)
    pii, plain = fields[:10], fields[10:]
    chosen = g.rng.sample(pii, g.rng.randint(2, 6)) + g.rng.sample(plain, g.rng.randint(0, 3))
    g.rng.shuffle(chosen)
    title = g.pick("NEW PATIENT INTAKE", "Beneficiary details", "Rental application", "Change of address request",
                   "Membership form", "Volunteer sign-up", "")  # fmt: skip
    sep = g.pick(": ", ": ", " - ", ":\t", " | ")
    doc.add(title + "\n" if title else "")
    for k, (label, value) in enumerate(chosen):
        doc.add(
            ("\n" if k else "")
            + (label.lower() if g.chance(0.1) else label)
            + sep.rstrip(" " if value[0] == "\n" else "")
        )
        for piece in value:
            doc.put(piece)


# --- address_block: multi-line postal addresses of many countries ---


def address_block(g: Gen, doc: Doc, real: bool) -> None:
    """An intro, maybe a name line (its title outside the span), the block, maybe a closing line."""
    p = g.person()
    intro = g.pick("Ship to:", "Mailing address:", "Please send the documents to:", "My address is:", "Deliver to",
                   "Billing address", "Return address:", "", "", "")  # fmt: skip
    if intro:
        doc.add(intro + "\n")
    elif g.chance(0.2):
        doc.add("Our new address from ").pii(g.date()).add(":\n")
    if g.chance(0.65):
        form = g.pick("full", "full", "title_full", "middle", "initial")
        doc.add(g.pick("", "", "", "Attn: ")).put(g.name(p, form, g.pick("title", "title", "upper"))).add(
            "\n"
        )
    doc.pii(g.address_block())
    ending = g.pick("", "", "", "tel", "note")
    if ending == "tel":
        doc.add("\n" + g.pick("Tel. ", "Phone: ", "")).pii(g.phone(p))
    elif ending == "note":
        doc.add(
            "\n\n" + g.pick("Ring the bell twice.", "Leave it with the neighbours if I'm out.", "Thanks!")
        )
    if g.chance(0.12):
        doc.add("\n\n" + g.pick("Shipping address:", "Deliver to:") + "\n").pii(g.address_block())


def address_inline(g: Gen, doc: Doc, real: bool) -> None:
    p = g.person()
    frame = g.pick("We're at {a}.", "Our office moved to {a} last month.", "Send it to {n}, {a}.",
                   "The viewing is at {a}; ring {n} when you arrive.", "Address: {a}")  # fmt: skip
    doc.fill(frame, a=g.address(), n=g.name(p))


def address(g: Gen, doc: Doc, real: bool) -> None:
    (address_inline if g.chance(0.25) else address_block)(g, doc, real)


# --- negatives: no PII at all, but words and numbers that look like it ---
# Not PII in this taxonomy: a city, country, street name without a number, or postcode on its own; an
# organization or product; a year, amount, version, order/booking/ticket number; dates of public events;
# capitalized ordinary words (Cool, She, Office, Will, Mark, Grace, April) and kinship words (Mum, Doc).


def negative_plain(g: Gen, doc: Doc) -> None:
    frame = g.pick(
        "Cool, see you at the {org} office tomorrow.", "She said the {product} is cheaper in {city} than in {city2}.",
        "Office closed on Monday for the public holiday.", "Will do! Order {ref} shipped yesterday, tracking says {city}.",
        "Grace period ends after 30 days.", "Mark the invoice as paid, it was {amount}.",
        "He moved to {country} in {year} and works for {org} now.", "Update: {product} firmware {version} fixes the Bluetooth bug.",
        "They asked for postcode {postcode} but our depot is in {city}.", "Thanks! Booking reference {ref} is confirmed for two nights.",
        "Is {postcode} inside the delivery zone?", "Sure, the {org} branch on {street} is open until six.",
        "Hope that helps. Version {version} is the last one that supports Windows 7.", "Mum says hi. Dad is still in {city}.",
        "Doc said I need rest, so no football until {month}.", "Security will let you in after 9:30.",
        "They want {amount} for the flat, which is mad for {city}.", "Noted. Ticket {ref} has been closed by the system.",
        "Everyone, the {org} shuttle leaves at 7:45 sharp.", "The conference runs from 14 to 16 May {year} in {city}.",
        "Docs are at {public_url} if anyone needs them.", "Reception has the spare keys.",
        "April is the cheapest month to fly to {country}.", "Great. The {product} arrived but the box was open.",
        "They charged me {amount} twice. Support says it will reverse in 5 working days.",
        "We offer 24/7 support in English and Hindi.", "About 3/4 of the team works remotely now.",
        "Revenue grew 12% in Q3 {year}, mostly in {country}.", "Open 9-5, Mon-Fri, closed on bank holidays.",
        "Python 3.12 was released on 2 October 2023.", "The museum reopens on 1 March after the renovation.",
        "Chapter 7 covers the years 1914 to 1918.", "Flight EK 203 departs at 02:40 from Terminal 3.",
        "Room 1204 is on the twelfth floor.", "Pay before 31/12 to keep the early-bird price of {amount}.",
    )  # fmt: skip
    doc.fill(frame, org=g.org(), product=g.pick(*PRODUCTS), city=g.city(), city2=g.city(), ref=g.order_ref(),
             amount=g.amount(), country=g.country(), year=g.year(), version=g.version(), postcode=g.postcode(),
             street=g.pick(*STREETS_ONLY), month=g.pick("June", "August", "March"), public_url=g.pick(*PUBLIC_URLS))  # fmt: skip


def negative_chat(g: Gen, doc: Doc) -> None:
    doc.noise = g.chat_noise
    lines = g.rng.sample(
        ["where r u", "Cool", "She's here", "omw", "Office is closed today", "ok", "lol no",
         f"order {g.order_ref()} still not here", f"meet at the {g.city()} station?", "He said maybe",
         f"its {g.amount()} now", f"flight lands at {g.rng.randint(1, 11)}:{g.rng.randint(10, 59)}",
         "Sure thing", "They cancelled", f"got the {g.pick(*PRODUCTS)} finally", "Will call later", "Noted"],
        g.rng.randint(2, 4),
    )  # fmt: skip
    doc.add("\n".join(lines))


def negative_real(g: Gen, doc: Doc) -> None:
    """Real sentences with a capitalized reply word or a look-alike number next to them."""
    s = g.sentence(doc)
    frame = g.pick("{s}", "Cool. {s}", "She says: {s}", "Office note: {s}", "Q: Is this right? {s}\nA: Sure, since version {version}.",
                   "{s} {s2}", "Noted - {s}", "{s} (see ticket {ref})", "They wrote back: \"{s}\"")  # fmt: skip
    s2 = g.sentence(doc) if "{s2}" in frame else ""
    doc.fill(frame, s=s, s2=s2, version=g.version(), ref=g.order_ref())


def negatives(g: Gen, doc: Doc, real: bool) -> None:
    if real:
        negative_real(g, doc)
    else:
        (negative_chat if g.chance(0.25) else negative_plain)(g, doc)


STYLES: dict[str, Callable[[Gen, Doc, bool], None]] = {
    "chat": chat,
    "qa": qa,
    "letter": letter,
    "narrative": narrative,
    "form": form,
    "address_block": address,
    "negatives": negatives,
}
# the share of each style's documents built around real sentences (forms and address blocks have none)
REAL_SHARE: dict[str, float] = {"chat": 0.45, "qa": 0.55, "letter": 0.5, "narrative": 0.65, "form": 0.0,
                                "address_block": 0.0, "negatives": 0.6}  # fmt: skip
