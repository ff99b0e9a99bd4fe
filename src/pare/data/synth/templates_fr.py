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
