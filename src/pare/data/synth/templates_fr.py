"""French templates (filled with fr_FR values)."""

from pare.data.synth.template import Template

TEMPLATES: tuple[Template, ...] = (
    Template(
        id="fr-chat-001",
        style="chat",
        text="{first_name} : tu peux m'envoyer le colis chez moi ? c'est {address}\n"
        "{first_name_2} : ok ! et ton numéro, au cas où le livreur appelle ?\n{first_name} : {phone}",
    ),
    Template(
        id="fr-chat-002",
        style="chat",
        text="{first_name} : la mise en prod de la {version} est passée (commit {sha})\n"
        "{first_name_2} : top. tu me redonnes le mot de passe du serveur de recette ?\n"
        "{first_name} : {password} — ne le colle pas sur Slack stp",
    ),
    Template(
        id="fr-chat-003",
        style="chat",
        text="{first_name} : c'est quand l'anniversaire de {person_2} déjà ?\n{first_name_3} : le "
        "{birth_date}\n"
        "{first_name} : je fais une cagnotte, virez sur {iban}",
    ),
    Template(
        id="fr-email-001",
        style="email",
        text="Objet : Confirmation de rendez-vous\n\nBonjour {title} {last_name},\n\n"
        "Nous vous confirmons votre rendez-vous du {date} à {time} au cabinet. Merci d'apporter votre carte "
        "Vitale.\n\nCordialement,\nLe secrétariat {company}",
    ),
    Template(
        id="fr-email-002",
        style="email",
        text="Salut {first_name},\n\nravi de t'avoir rencontré au salon ! Voici mon profil : {url_2}\n"
        "Tu peux m'écrire à {email_2} ou m'appeler au {phone_2}.\n\nÀ bientôt,\n{person_2}",
    ),
    Template(
        id="fr-email-003",
        style="email",
        text="De : {person} <{email}>\nObjet : Remboursement commande {order_id}\n\nMadame, Monsieur,\n\n"
        "J'ai renvoyé l'article {product_code} le {date} mais je n'ai toujours pas reçu le remboursement de "
        "{amount}. Merci de le verser sur mon compte {iban}.\n\nBien cordialement,\n{person}",
    ),
    Template(
        id="fr-email-004",
        style="email",
        text="Bonjour {person},\n\nUne connexion depuis un nouvel appareil a été détectée sur votre compte. "
        "Si ce n'était pas vous, réinitialisez votre mot de passe ici : {share_url}\n\n"
        "Identifiant de la demande : {uuid}\nL'équipe sécurité {company}",
    ),
    Template(
        id="fr-ticket-001",
        style="ticket",
        text="Ticket {ticket} — priorité haute\nClient : {person}\nCourriel : {email}\nTél. : {phone}\n\n"
        "Le client ne parvient plus à se connecter depuis la mise à jour {version}.",
    ),
    Template(
        id="fr-ticket-002",
        style="ticket",
        text="Incident {ticket} signalé par {first_name} {last_name}\n"
        "Symptôme : l'API renvoie 401 avec la clé {api_key}\nDocumentation : {public_url}\n"
        "Serveur : {host} ({ip})",
    ),
    Template(
        id="fr-form-001",
        style="form",
        text="FICHE D'INSCRIPTION\nNom et prénom : {full_name}\nDate de naissance : {birth_date}\n"
        "Adresse : {address}\nTéléphone : {phone}\nE-mail : {email}\nN° de dossier : {uuid}",
    ),
    Template(
        id="fr-form-002",
        style="form",
        text="MANDAT DE PRÉLÈVEMENT SEPA\nTitulaire du compte : {full_name}\nIBAN : {iban}\n"
        "Adresse : {street}\nFait le : {date}\nRéférence unique du mandat : {invoice_no}",
    ),
    Template(
        id="fr-log-001",
        style="log",
        text="{timestamp} INFO connexion réussie utilisateur={email} ip={ip}\n"
        "{timestamp_2} WARN réinitialisation demandée pour {email} lien={share_url}\n"
        "{timestamp_3} INFO déploiement {version} ({sha})",
    ),
    Template(
        id="fr-log-002",
        style="log",
        text="{timestamp} INFO  sauvegarde nocturne démarrée sur {host}\n"
        "{timestamp_2} INFO  {num} fichiers envoyés, empreinte {sha256}\n"
        "{timestamp_3} ERREUR échec de GET {public_url} (503)\n{timestamp_4} INFO  version {version} "
        "construite depuis {sha}",
    ),
    Template(
        id="fr-json-001",
        style="json",
        text='{{"client": {{"nom": "{full_name}", "courriel": "{email}", "telephone": "{phone}", '
        '"dateNaissance": "{birth_date}"}}, "commande": "{order_id}", "montant": "{amount}"}}',
    ),
    Template(
        id="fr-csv-001",
        style="csv",
        text="num;nom;courriel;téléphone;ville\n{num};{full_name};{email};{phone};{city}\n"
        "{num_2};{full_name_2};{email_2};{phone_2};{city_2}",
    ),
    Template(
        id="fr-clinical-001",
        style="clinical",
        text="Compte rendu d'hospitalisation\nPatient(e) : {full_name}, né(e) le {birth_date}\n"
        "Entrée le {date}, sortie le {date_2}\nMotif : douleur thoracique atypique. Médecin traitant : "
        "Dr {last_name_2}\nJoignable au {phone}",
    ),
    Template(
        id="fr-clinical-002",
        style="clinical",
        text="Consultation du {date}. {first_name} signale une nette amélioration de la toux. Poursuite du "
        "traitement. Prochain contrôle prévu le {date_2} à {time}. Bon de laboratoire {order_id}.",
    ),
    Template(
        id="fr-invoice-001",
        style="invoice",
        text="FACTURE {invoice_no}\nFacturé à :\n{full_name}\n{address_block}\n\n{num} x réf. {product_code} "
        "   "
        "{amount}\nRèglement à 30 jours par virement sur {iban} ou par carte {card}.",
    ),
    Template(
        id="fr-hr-001",
        style="hr",
        text="DOSSIER SALARIÉ\nNom : {full_name}\nDate d'embauche : {date}\nDate de naissance : "
        "{birth_date}\n"
        "Adresse personnelle : {address}\nRIB (IBAN) : {iban}\nPersonne à prévenir : {full_name_2}, "
        "{phone_2}",
    ),
    Template(
        id="fr-hr-002",
        style="hr",
        text="Bonjour à tous,\n\nNous avons le plaisir d'accueillir {person} qui rejoint l'équipe de {city} "
        "le {date}. Vous pouvez écrire à {first_name} à l'adresse {email}.\n\nLes RH",
    ),
    Template(
        id="fr-code-001",
        style="code",
        text='// configuration du client de paiement — ne pas versionner\nconst CLE_API = "{api_key}";\n'
        'const client = new ClientPaiement("{public_url}", CLE_API);',
    ),
    Template(
        id="fr-config-001",
        style="config",
        text="# Paramètres de production {company}\n[base]\nurl = {conn}\n[smtp]\nutilisateur = {email}\n"
        "mot_de_passe = {password}\n[appli]\nversion = {version}",
    ),
    Template(
        id="fr-config-002",
        style="config",
        text="Voici la clé du compte de déploiement, à stocker dans le coffre :\n{private_key}\n"
        "Jeton CI : {token}",
    ),
    Template(
        id="fr-sms-001",
        style="sms",
        text="Coucou c'est {first_name} ! Nouveau numéro : {phone}. Tu peux me faire le virement pour le "
        "week-end sur {iban} ? Bisous",
    ),
    Template(
        id="fr-sms-002",
        style="sms",
        text="{company} : votre colis {tracking} sera livré aujourd'hui entre {time} et {time_2}. "
        "Suivi : {public_url}",
    ),
    Template(
        id="fr-calendar-001",
        style="calendar",
        text="Invitation : entretien annuel avec {person}\nQuand : le {date} à {time}\nOù : {address}\n"
        "Organisateur : {email_2}\nVisioconférence : {share_url}",
    ),
    Template(
        id="fr-shipping-001",
        style="shipping",
        text="Avis d'expédition\nVotre commande {order_id} a été expédiée. Numéro de suivi : {tracking}\n"
        "Adresse de livraison :\n{person}\n{address_block}\n\nSuivre le colis : {public_url}",
    ),
    Template(
        id="fr-bank-001",
        style="bank",
        text="{title} {last_name},\n\nUn paiement de {amount} a été débité le {date} sur votre carte {card}. "
        "Si vous ne reconnaissez pas cette opération, faites opposition depuis votre espace client.\n\n"
        "{company}",
    ),
    Template(
        id="fr-release-001",
        style="release",
        text="Notes de version {version} (publiée le {event_date})\n- Correction d'un plantage à l'import "
        "CSV "
        "(#{num})\n- Compilée depuis le commit {sha}\n- Documentation : {public_url}\nSHA-256 : {sha256}",
    ),
    Template(
        id="fr-faq-001",
        style="faq",
        text="Comment modifier mon mot de passe ?\nCliquez sur « Mot de passe oublié » sur la page de "
        "connexion ; le lien reste valable {num} minutes. Aide : {public_url}\n\nOù en est ma commande ?\n"
        "Saisissez votre numéro de commande (par ex. {order_id}). Les commandes passées avant le "
        "{event_date} seront livrées avant les fêtes.",
    ),
)

# Transfer templates: on neither side of the train/test split (see generate.transfer_templates).
TRANSFER_TEMPLATES: tuple[Template, ...] = (
    Template(
        id="fr-chat-004",
        style="chat",
        text="{first_name} : vous avez vu ? {first_name_2} a enfin signé son bail !\n{first_name_3} : oui, "
        "le déménagement c'est samedi. Sa nouvelle adresse : {address}, pour ceux qui viennent à la "
        "crémaillère\n{first_name} : top, je ramène des bières",
    ),
    Template(
        id="fr-chat-005",
        style="chat",
        text="{first_name} : j'ai déposé les photos du séminaire à {city} ici : {share_url}\n{first_name_2} "
        ": merci ! au fait, c'est quoi le mot de passe du wifi invités déjà ?\n{first_name} : {password}, "
        "mais il change lundi",
    ),
    Template(
        id="fr-email-005",
        style="email",
        text="Bonjour {title} {last_name},\n\nComme convenu mardi, je vous transmets mes relevés du "
        "trimestre. Attention, je suis maintenant chez {company} : les prélèvements de l'URSSAF doivent "
        "désormais passer sur {iban}. En cas de souci, je reste joignable au {phone_2}.\n\nBien à vous,\n"
        "{person_2}",
    ),
    Template(
        id="fr-email-006",
        style="email",
        text="Salut {first_name},\n\nTon accès au VPN est activé. Connecte-toi avec {email} et le mot de "
        "passe provisoire {password}, que tu devras changer à la première connexion. Toute la procédure est "
        "sur {public_url}.\n\nBonne journée,\n{first_name_2}, service informatique {company}",
    ),
    Template(
        id="fr-email-007",
        style="email",
        text="Objet : sortie au musée\n\nChers parents,\n\nLe {event_date}, la classe de CM2 se rendra à "
        "{city} pour visiter le musée des Beaux-Arts. Merci de rendre l'autorisation signée avant vendredi. "
        "Les photos de la dernière sortie sont ici : {share_url}. Pour toute question, écrivez-moi à "
        "{email}.\n\n{title} {last_name}",
    ),
    Template(
        id="fr-sms-003",
        style="sms",
        text="{company} : en raison d'une opération de maintenance, votre box sera indisponible le "
        "{event_date} à partir de {time}. La coupure devrait durer moins de deux heures. Réf. incident : "
        "{ticket}. Infos : {public_url}",
    ),
    Template(
        id="fr-sms-004",
        style="sms",
        text="Bonjour, c'est {person}, l'ostéopathe de votre fils. Je dois décaler la séance du {date} : "
        "seriez-vous disponible le {date_2} à {time} ? Merci de me répondre par SMS ou au {phone}.",
    ),
    Template(
        id="fr-forum-001",
        style="forum",
        text="Attention, arnaque en cours ! Hier, une personne se présentant comme {person}, de chez "
        "{company}, m'a appelé depuis le {phone}. Elle connaissait déjà le numéro de ma carte ({card}) et "
        "voulait juste le code reçu par SMS « pour sécuriser le compte ». J'ai raccroché et fait "
        "opposition. Méfiez-vous de ce numéro !",
    ),
    Template(
        id="fr-forum-002",
        style="forum",
        text="Bonjour à tous,\nDepuis la mise à jour de Docker Desktop en {version}, mon conteneur n'arrive "
        "plus à joindre la base. Pourtant la chaîne de connexion n'a pas bougé : {conn}\nJ'ai déjà suivi "
        "{public_url}, sans succès. Une idée ?\nMerci d'avance, {first_name}",
    ),
    Template(
        id="fr-review-001",
        style="review",
        text="5/5 – Je recommande vivement {first_name}, de l'entreprise {company} : intervention un "
        "dimanche matin pour une fuite sous l'évier, travail propre et devis respecté ({amount}). Son "
        "portable : {phone}.",
    ),
    Template(
        id="fr-review-002",
        style="review",
        text="Trajet {city} → {city_2} avec {first_name} : ponctualité parfaite, conduite souple et voiture "
        "impeccable. Seul bémol, la clim faisait un bruit bizarre sur l'autoroute. Pour ceux qui veulent "
        "réserver en direct, voici son profil : {url}. Je referai le trajet avec plaisir !",
    ),
    Template(
        id="fr-minutes-001",
        style="minutes",
        text="Compte rendu du conseil syndical du {event_date}\nPrésents : {person}, {person_2}, {title_3} "
        "{last_name_3}.\nLe ravalement de la façade débutera en avril. {person_2} signale une infiltration "
        "d'eau dans les caves du bâtiment B ({street}). Le syndic {company} sera relancé : son "
        "gestionnaire, {person_4}, est joignable à {email_4}.",
    ),
    Template(
        id="fr-minutes-002",
        style="minutes",
        text="Réunion d'équipe Data du lundi\n- {first_name} a présenté la nouvelle version du tableau de "
        "bord commercial.\n- Incident : la clé {api_key} a été collée par erreur dans un canal Teams ; "
        "{first_name_2} la révoque aujourd'hui (suivi dans {ticket}).\n- Prochain point le {event_date}.",
    ),
    Template(
        id="fr-letter-001",
        style="letter",
        text="{person}\n{address_block}\n\nÀ l'attention de {company}\n\nObjet : résiliation de "
        "l'abonnement n° {account}\n\nMadame, Monsieur,\n\nEn raison de mon déménagement le {date}, je vous "
        "prie de bien vouloir résilier mon abonnement à cette date et de m'adresser la facture de clôture.\n"
        "\nVeuillez agréer mes salutations distinguées.\n{person}",
    ),
    Template(
        id="fr-letter-002",
        style="letter",
        text="ATTESTATION D'HÉBERGEMENT\n\nJe soussigné(e) {person}, né(e) le {birth_date}, atteste sur "
        "l'honneur héberger à mon domicile, {address}, {title_2} {person_2} depuis le {date}.\n\nFait à "
        "{city}, pour servir et valoir ce que de droit.",
    ),
    Template(
        id="fr-rental-001",
        style="rental",
        text="Bonjour {title} {last_name},\n\nSuite à l'état des lieux de sortie du {date}, je vais vous "
        "restituer le dépôt de garantie, soit {amount} après retenue pour le store abîmé. Le virement part "
        "bien sur {iban} ? Pouvez-vous aussi me confirmer votre nouvelle adresse, {address}, pour l'envoi "
        "du décompte de charges ?\n\nCordialement,\n{person_2}",
    ),
    Template(
        id="fr-rental-002",
        style="rental",
        text="Bonjour,\n\nSuite à votre demande sur SeLoger, je vous propose de visiter le T3 situé "
        "{street} le {date} à {time}. Le propriétaire, {title_2} {last_name_2}, sera présent. Pensez à "
        "apporter votre dossier (trois derniers bulletins de salaire, avis d'imposition).\n\n{person}\n"
        "Agence {company} – {phone}",
    ),
    Template(
        id="fr-insurance-001",
        style="insurance",
        text="Déclaration de sinistre – contrat n° {account}\n\nLe {date}, vers {time}, ma voiture garée "
        "devant chez moi, {street}, a été percutée par une camionnette de la société {company}. La personne "
        "qui conduisait, {person_2}, a reconnu les faits et m'a laissé son numéro, le {phone_2}. Photos et "
        "constat : {share_url}\n\n{person}",
    ),
    Template(
        id="fr-recruiting-001",
        style="recruiting",
        text="Bonjour {first_name},\n\nJe m'occupe du recrutement chez {company} et votre profil ({url}) a "
        "retenu mon attention pour un poste de Lead Developer Python à {city}. Seriez-vous disponible jeudi "
        "pour un premier échange téléphonique ? Vous pouvez me joindre au {phone_2}.\n\nBien cordialement,\n"
        "{person_2}",
    ),
    Template(
        id="fr-transcript-001",
        style="transcript",
        text="Conseiller : {company}, bonjour, que puis-je faire pour vous ?\nClient : Bonjour, je suis "
        "{person}, j'appelle au sujet de la facture {invoice_no}.\nConseiller : Pour vérifier votre "
        "identité, quelle est votre date de naissance ?\nClient : Le {birth_date}.\nConseiller : Merci. Et "
        "l'adresse e-mail du compte ?\nClient : C'est {email}.",
    ),
    Template(
        id="fr-clinical-003",
        style="clinical",
        text="Cher confrère,\n\nJe vous adresse {title} {person} pour avis cardiologique. Lors de son "
        "passage aux urgences de {city} le {date}, un épisode de palpitations a été documenté ; l'ECG de "
        "contrôle est normal. Un Holter me paraît indiqué. Vous pouvez me joindre au {phone_2}.\n\n"
        "Confraternellement,\nDr {last_name_2}",
    ),
    Template(
        id="fr-json-002",
        style="json",
        text='{{"id": "{uuid}", "utilisateur": {{"prenom": "{first_name}", "nom": "{last_name}", "email": '
        '"{email}", "profil": "{url}"}}, "jeton_acces": "{jwt}", "cree_le": "{timestamp}"}}',
    ),
    Template(
        id="fr-csv-002",
        style="csv",
        text="matricule;nom;date_naissance;iban;site\n{num};{full_name};{birth_date};{iban};{city}\n"
        "{num_2};{full_name_2};{birth_date_2};{iban_2};{city_2}",
    ),
    Template(
        id="fr-config-003",
        style="config",
        text="# .env — appli {company} (ne jamais commiter ce fichier)\nDATABASE_URL={conn}\n"
        "PAYMENT_API_KEY={api_key}\nADMIN_EMAIL={email}\nSENTRY_RELEASE={version}",
    ),
    Template(
        id="fr-code-002",
        style="code",
        text="def envoyer_rapport(rapport):\n    # TODO : retirer le mot de passe en dur avant la revue\n   "
        ' smtp = SMTP("{host}", 587)\n    smtp.login("{email}", "{password}")\n    smtp.sendmail("{email}", '
        '["{email_2}"], rapport)',
    ),
    Template(
        id="fr-form-003",
        style="form",
        text="BULLETIN D'ADHÉSION – Club de natation de {city}\nNom : {last_name}\nPrénom : {first_name}\n"
        "Né(e) le : {birth_date}\nPortable : {phone}\nCourriel : {email}\nContact en cas d'urgence : "
        "{person_2} – {phone_2}\nCertificat médical du : {date}",
    ),
    Template(
        id="fr-ticket-003",
        style="ticket",
        text="Ticket {ticket} – Lien de partage inaccessible\nDemandeur : {full_name} <{email}>\nTél. : "
        "{phone}\nDescription : le lien {share_url} renvoie une erreur 403 depuis la mise à jour {version}. "
        "À traiter avant le {event_date}.",
    ),
    Template(
        id="fr-log-003",
        style="log",
        text="[{timestamp}] Démarrage du pipeline #{num} sur la branche main\n[{timestamp_2}] Récupération "
        "du commit {sha}\n[{timestamp_3}] Tests : {num_2} réussis, 0 échec\n[{timestamp_4}] Image poussée "
        "vers {host} (empreinte {sha256})\n[{timestamp_5}] Déploiement de la version {version} terminé",
    ),
    Template(
        id="fr-news-001",
        style="news",
        text="{city} – La société {company} a annoncé le {event_date} l'ouverture d'un centre logistique en "
        "Bretagne, dont les travaux démarreront à l'automne. Selon la direction, près de {num} emplois "
        "seront créés d'ici deux ans. Le Conseil régional salue « une excellente nouvelle pour le "
        "territoire ».",
    ),
    Template(
        id="fr-release-002",
        style="release",
        text="Nouveau : l'application {company} passe en version {version} ! Au programme : mode sombre, "
        "export PDF des relevés et prise en charge d'Apple Pay. Déploiement progressif à partir du "
        "{event_date} sur Android et iOS. Toutes les nouveautés : {public_url}",
    ),
)
