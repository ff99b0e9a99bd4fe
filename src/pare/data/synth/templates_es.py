"""Spanish templates (filled with es_ES values)."""

from pare.data.synth.template import Template

TEMPLATES: tuple[Template, ...] = (
    Template(
        id="es-chat-001",
        style="chat",
        text="{first_name}: ¿me mandas las llaves por mensajero? Ahora vivo en {address}\n"
        "{first_name_2}: vale, ¿y tu móvil por si llama el repartidor?\n{first_name}: {phone}",
    ),
    Template(
        id="es-chat-002",
        style="chat",
        text="{first_name}: ya está desplegada la {version}, commit {sha}\n"
        "{first_name_2}: genial, ¿me pasas la contraseña del servidor de pruebas?\n"
        "{first_name}: {password} (no la pegues en el grupo, porfa)",
    ),
    Template(
        id="es-chat-003",
        style="chat",
        text="{first_name}: ¿cuándo es el cumple de {person_2}?\n{first_name_3}: el {birth_date}, creo\n"
        "{first_name}: pues hacemos bote, haced bizum o transferencia a {iban}",
    ),
    Template(
        id="es-email-001",
        style="email",
        text="Asunto: Confirmación de cita\n\nEstimado/a {title} {last_name}:\n\n"
        "Le confirmamos su cita el {date} a las {time} en nuestra clínica. Si no puede asistir, avísenos "
        "con 24 horas de antelación.\n\nUn saludo,\n{company}",
    ),
    Template(
        id="es-email-002",
        style="email",
        text="Hola {first_name}:\n\n¡Encantado de conocerte en la feria! Te dejo mi perfil: {url_2}\n"
        "Escríbeme a {email_2} o llámame al {phone_2} cuando quieras.\n\nUn abrazo,\n{person_2}",
    ),
    Template(
        id="es-email-003",
        style="email",
        text="De: {person} <{email}>\nAsunto: Reembolso del pedido {order_id}\n\nHola:\n\n"
        "Devolví el artículo {product_code} el {date} y todavía no he recibido el reembolso de {amount}. "
        "Por favor, ingresadlo en mi cuenta {iban}.\n\nGracias,\n{first_name}",
    ),
    Template(
        id="es-email-004",
        style="email",
        text="Hola, {person}:\n\nHemos detectado un inicio de sesión desde un dispositivo nuevo. Si no has "
        "sido "
        "tú, restablece tu contraseña aquí: {share_url}\n\nID de la solicitud: {uuid}\nEquipo de seguridad "
        "de {company}",
    ),
    Template(
        id="es-ticket-001",
        style="ticket",
        text="Incidencia {ticket} · Prioridad: alta\nCliente: {person}\nCorreo: {email}\nTeléfono: "
        "{phone}\n\n"
        "El cliente no puede iniciar sesión desde la actualización a la {version}.",
    ),
    Template(
        id="es-ticket-002",
        style="ticket",
        text="Ticket {ticket} abierto por {first_name} {last_name}\nProblema: la API devuelve 401 con la "
        "clave "
        "{api_key}\nDocumentación: {public_url}\nServidor: {host}",
    ),
    Template(
        id="es-form-001",
        style="form",
        text="FORMULARIO DE INSCRIPCIÓN\nNombre y apellidos: {full_name}\nFecha de nacimiento: {birth_date}\n"
        "Domicilio: {address}\nTeléfono: {phone}\nCorreo electrónico: {email}\nN.º de expediente: {uuid}",
    ),
    Template(
        id="es-form-002",
        style="form",
        text="Orden de domiciliación SEPA\nTitular de la cuenta: {full_name}\nIBAN: {iban}\nDirección: "
        "{street}\n"
        "Fecha de firma: {date}\nReferencia de la orden: {invoice_no}",
    ),
    Template(
        id="es-log-001",
        style="log",
        text="{timestamp} INFO acceso correcto usuario={email} ip={ip}\n"
        "{timestamp_2} WARN solicitud de restablecimiento para {email} enlace={share_url}\n"
        "{timestamp_3} INFO despliegue {version} commit {sha}",
    ),
    Template(
        id="es-log-002",
        style="log",
        text="{timestamp} INFO  copia de seguridad iniciada en {host}\n"
        "{timestamp_2} INFO  {num} ficheros subidos, suma {sha256}\n"
        "{timestamp_3} ERROR GET {public_url} devolvió 503\n{timestamp_4} INFO  versión {version} generada "
        "desde {sha}",
    ),
    Template(
        id="es-json-001",
        style="json",
        text='{{"cliente": {{"nombre": "{full_name}", "correo": "{email}", "telefono": "{phone}", '
        '"fechaNacimiento": "{birth_date}"}}, "pedido": "{order_id}", "importe": "{amount}"}}',
    ),
    Template(
        id="es-csv-001",
        style="csv",
        text="n;nombre;correo;telefono;ciudad\n{num};{full_name};{email};{phone};{city}\n"
        "{num_2};{full_name_2};{email_2};{phone_2};{city_2}",
    ),
    Template(
        id="es-clinical-001",
        style="clinical",
        text="Informe de alta\nPaciente: {full_name}\nFecha de nacimiento: {birth_date}\nIngreso: {date}  "
        "Alta: {date_2}\nDiagnóstico: neumonía adquirida en la comunidad. Médico de cabecera: "
        "Dr. {last_name_2}\nTeléfono de contacto: {phone}",
    ),
    Template(
        id="es-clinical-002",
        style="clinical",
        text="Evolución {date}: {first_name} refiere menos dolor lumbar. Se mantiene la pauta. Revisión el "
        "{date_2} a las {time}. Petición de analítica {order_id}.",
    ),
    Template(
        id="es-invoice-001",
        style="invoice",
        text="FACTURA {invoice_no}\nCliente:\n{full_name}\n{address_block}\n\n{num} x ref. {product_code}    "
        "{amount}\nForma de pago: transferencia a {iban} o tarjeta {card}.",
    ),
    Template(
        id="es-hr-001",
        style="hr",
        text="FICHA DEL EMPLEADO\nNombre: {full_name}\nFecha de alta: {date}\nFecha de nacimiento: "
        "{birth_date}\n"
        "Domicilio: {address}\nCuenta de nómina: {iban}\nContacto de emergencia: {full_name_2} ({phone_2})",
    ),
    Template(
        id="es-hr-002",
        style="hr",
        text="Hola a todos:\n\nel {date} se incorpora {person} a la oficina de {city}. Podéis escribir a "
        "{first_name} a {email}. ¡Bienvenida/o!\n\nRecursos Humanos",
    ),
    Template(
        id="es-code-001",
        style="code",
        text='# credenciales del proveedor de pagos (¡no subir al repositorio!)\nCLAVE_API = "{api_key}"\n'
        'cliente = ClientePagos(url="{public_url}", clave=CLAVE_API)',
    ),
    Template(
        id="es-config-001",
        style="config",
        text="# configuración de producción de {company}\nbase_de_datos:\n  cadena: {conn}\ncorreo:\n"
        "  usuario: {email}\n  contrasena: {password}\nversion: {version}",
    ),
    Template(
        id="es-config-002",
        style="config",
        text="Clave privada del usuario de despliegue (generada el {event_date}):\n{private_key}\n"
        "Huella: {sha256}",
    ),
    Template(
        id="es-sms-001",
        style="sms",
        text="Hola, soy {first_name}, este es mi número nuevo: {phone}. ¿Me puedes hacer la transferencia "
        "del "
        "alquiler a {iban} antes del viernes? Gracias",
    ),
    Template(
        id="es-sms-002",
        style="sms",
        text="{company}: tu paquete {tracking} llegará hoy entre las {time} y las {time_2}. Más info: "
        "{public_url}",
    ),
    Template(
        id="es-calendar-001",
        style="calendar",
        text="Evento: revisión anual con {person}\nCuándo: {date}, {time}\nDónde: {address}\n"
        "Organizador: {email_2}\nUnirse a la videollamada: {share_url}",
    ),
    Template(
        id="es-shipping-001",
        style="shipping",
        text="Tu pedido {order_id} ya está en camino.\nNúmero de seguimiento: {tracking}\nDirección de "
        "entrega:\n{person}\n{address_block}\n\nSeguimiento: {public_url}",
    ),
    Template(
        id="es-bank-001",
        style="bank",
        text="Estimado/a {title} {last_name}:\n\nSe ha realizado un cargo de {amount} en su tarjeta {card} "
        "el "
        "{date}. Si no reconoce esta operación, bloquee la tarjeta desde la banca online.\n\n{company}",
    ),
    Template(
        id="es-release-001",
        style="release",
        text="Notas de la versión {version} (publicada el {event_date})\n- Corregido un fallo al importar "
        "CSV "
        "(#{num})\n- Compilada desde el commit {sha}\n- Documentación: {public_url}\nSHA-256: {sha256}",
    ),
    Template(
        id="es-faq-001",
        style="faq",
        text="¿Cómo cambio mi contraseña?\nPulsa «He olvidado mi contraseña» en la página de acceso; el "
        "enlace "
        "caduca a los {num} minutos. Ayuda: {public_url}\n\n¿Dónde está mi pedido?\nIntroduce tu número de "
        "pedido (p. ej. {order_id}). Los pedidos realizados antes del {event_date} llegan antes de Reyes.",
    ),
)

# Transfer templates: on neither side of the train/test split (see generate.transfer_templates).
TRANSFER_TEMPLATES: tuple[Template, ...] = (
    Template(
        id="es-chat-004",
        style="chat",
        text="{first_name}: al final nos mudamos el {date}. La dirección nueva es {address}, apúntala para "
        "la cena de Nochebuena\n{first_name_2}: ¡qué bien! ¿Seguís con el mismo fijo?\n"
        "{first_name}: no, lo damos de baja; llamad al móvil, {phone}",
    ),
    Template(
        id="es-chat-005",
        style="chat",
        text="{first_name}: oye, el token del bot caducó el lunes y Jenkins no publica nada en Slack\n"
        "{first_name_2}: ya he generado otro: {token}. Lo he guardado también en el Vault de {company}\n"
        "{first_name}: perfecto, lo pruebo en {host} y te digo algo",
    ),
    Template(
        id="es-email-005",
        style="email",
        text="Buenas tardes, {title_3} {last_name_3}:\n\nMe ha dado su contacto {person_2}, de {company}, "
        "que me comentó que buscan intérpretes para la feria de {city}. Le adjunto mi currículum; también "
        "puede ver mis trabajos en {url}. Suelo estar localizable en el {phone} por las mañanas.\n\n"
        "Atentamente,\n{person}",
    ),
    Template(
        id="es-email-006",
        style="email",
        text="Hola, {first_name}:\n\nTe escribimos porque {person_2}, tu fisioterapeuta, estará de baja "
        "la semana que viene. Hemos pasado tu sesión al {date} a las {time}, con otro profesional del "
        "centro. Si no te viene bien, llámanos al {phone} y lo cambiamos.\n\nUn saludo,\n"
        "Recepción de {company}",
    ),
    Template(
        id="es-letter-001",
        style="letter",
        text="{person}\n{address_block}\n\n{city}, a {event_date}\n\nMuy señores míos:\n\nPor la presente "
        "les comunico mi baja como socio/a del gimnasio con efectos a partir del {date}. Les ruego que "
        "dejen de cargar las cuotas en la cuenta {iban} y que me lo confirmen por escrito.\n\n"
        "Atentamente,\n{person}",
    ),
    Template(
        id="es-letter-002",
        style="letter",
        text="Estimado/a {title} {last_name}:\n\nNos complace comunicarle que ha sido admitido/a en el "
        "Máster de Gestión Cultural de la Universidad de {city}. Deberá formalizar la matrícula antes del "
        "{event_date}. Sus datos de acceso a la Secretaría Virtual son:\nUsuario: {email}\n"
        "Contraseña provisional: {password}\n\nSecretaría de Posgrado",
    ),
    Template(
        id="es-rental-001",
        style="rental",
        text="Hola, {first_name}:\n\nSoy {person_2}, te escribo por el piso de {street}. Te confirmo que "
        "la entrada será el {date}; ese día te doy las llaves y repasamos juntos el inventario. La fianza "
        "({amount}) puedes ingresarla en {iban_2}. Para cualquier cosa, mi móvil es el {phone_2}.",
    ),
    Template(
        id="es-forum-001",
        style="forum",
        text="Re: Router de {company} que se desconecta cada noche\n\nA mí me pasaba lo mismo con el "
        "firmware {version}. Al final me atendió un técnico, {person}, que me cambió el router sin coste. "
        "Si alguien quiere el hilo completo con soporte, que me escriba a {email} y se lo reenvío. "
        "Saludos desde {city}.",
    ),
    Template(
        id="es-forum-002",
        style="forum",
        text="Ayuda urgente: subí sin querer a GitHub el fichero .env con la clave {api_key} y esta mañana "
        "ya tenía cargos de {amount}. ¿Basta con revocarla o tengo que reclamar a {company}? He seguido "
        "la guía de {public_url}, pero no me queda claro. Gracias de antemano.",
    ),
    Template(
        id="es-review-001",
        style="review",
        text="★★★★☆ Pasamos tres noches en {city} y reservamos con {company} sin ningún problema. "
        "La habitación, impecable, y el desayuno, de diez. Mención especial para {first_name}, de "
        "recepción, que nos consiguió mesa en un asador del casco antiguo en plena Semana Santa. Lo único "
        "malo: el parking se paga aparte.",
    ),
    Template(
        id="es-review-002",
        style="review",
        text="Compré el modelo {product_code} y llegó con la pantalla rota. Tras tres semanas de correos "
        "sin respuesta, ayer me llamó {person}, del servicio de Atención al Cliente de {company}, y lo "
        "resolvió en diez minutos. Pedido {order_id}, por si alguien de la tienda lee esto. Le pongo "
        "cuatro estrellas solo por {first_name}.",
    ),
    Template(
        id="es-minutes-001",
        style="minutes",
        text="ACTA DE LA JUNTA ORDINARIA\nComunidad de Propietarios de {street}\n\nAsisten {person}, "
        "{person_2} y {person_3}. La presidencia informa de que la derrama para la fachada será de "
        "{amount} por vivienda. {person_2} se compromete a pedir tres presupuestos antes del "
        "{event_date}.",
    ),
    Template(
        id="es-minutes-002",
        style="minutes",
        text="Reunión semanal ({event_date}). Asisten {first_name}, {first_name_2} y {first_name_3}.\n"
        "1. {first_name_2} confirma que el clúster de {city} estará listo para la {version}.\n"
        "2. La contraseña compartida del panel ({password}) se cambia el lunes; que nadie la mande por "
        "correo.\n3. Próxima reunión: jueves a las {time}.",
    ),
    Template(
        id="es-notes-001",
        style="notes",
        text="Pendiente antes de la mudanza:\n- llamar a {company} para dar de alta la luz en {address} "
        "(el contrato está a nombre de {person_2})\n- pasarle a {first_name_3} la tarjeta {card} para "
        "reservar la furgoneta\n- cita en el Ayuntamiento para empadronarnos: {date}",
    ),
    Template(
        id="es-notes-002",
        style="notes",
        text="Llamada con {person} ({company}): quieren ampliar a {num} licencias antes de fin de "
        "trimestre. Prefiere que le escribamos a su correo personal, {email}, porque el corporativo lo "
        "filtra todo. Quedamos en vernos el {date} en su oficina de {city}. Pedir a Marketing el caso de "
        "éxito.",
    ),
    Template(
        id="es-insurance-001",
        style="insurance",
        text="Parte de siniestro {ticket}\n\nEl {date}, hacia las {time}, el tomador del seguro, "
        "{full_name}, con domicilio en {address}, sufrió una fuga de agua en la cocina que afectó a la "
        "vivienda de abajo, propiedad de {person_2}. El perito de {company} contactará con el tomador en "
        "el {phone}.",
    ),
    Template(
        id="es-school-001",
        style="school",
        text="Estimadas familias:\n\nEl {event_date} iremos de excursión al Museo de la Ciencia de {city}. "
        "Si aún no habéis entregado la autorización, enviadla firmada a {person}, tutor/a de 3.º B, "
        "a {email}. Para cualquier urgencia ese día, llamad al {phone}.\n\nUn saludo,\nLa Dirección",
    ),
    Template(
        id="es-school-002",
        style="school",
        text="SOLICITUD DE ADMISIÓN – CURSO ESCOLAR\nAlumno/a: {full_name}\nFecha de nacimiento: "
        "{birth_date}\nPadre, madre o tutor legal: {full_name_2}\nTeléfono: {phone_2}\nCorreo: {email_2}\n"
        "Domicilio familiar:\n{address_block}",
    ),
    Template(
        id="es-recruiting-001",
        style="recruiting",
        text="Hola, {first_name}:\n\nHe visto tu perfil ({url}) y creo que encajarías muy bien en el "
        "equipo de datos de {company} en {city}. Ofrecemos contrato indefinido y teletrabajo parcial. "
        "¿Te va bien que hablemos el jueves? Si lo prefieres, escríbeme a {email_2}.\n\nSaludos,\n"
        "{person_2}",
    ),
    Template(
        id="es-recruiting-002",
        style="recruiting",
        text="Candidatura {ticket}\nCandidato/a: {full_name}\nPuesto: Técnico/a de soporte (oficina de "
        "{city})\nCorreo: {email}\nMóvil: {phone}\nPortafolio: {url}\nIncorporación prevista: {date}\n"
        "Fuente: oferta publicada en {public_url}",
    ),
    Template(
        id="es-news-001",
        style="news",
        text="{city}, {event_date}. {company} ha anunciado la apertura de un centro logístico en el "
        "polígono industrial de {city_2}, con una inversión de {num} millones de euros y {num_2} empleos "
        "directos. Según la Consejería de Economía, las obras comenzarán en primavera. Más información en "
        "{public_url}.",
    ),
    Template(
        id="es-release-002",
        style="release",
        text="{company} lanza la versión {version} de su aplicación de Facturación\n\nLa actualización, "
        "publicada el {event_date}, añade sincronización con Google Drive, modo oscuro en Android e iOS y "
        "un nuevo panel de Estadísticas. Instalador para Windows con SHA-256 {sha256}. Notas completas: "
        "{public_url}",
    ),
    Template(
        id="es-log-003",
        style="log",
        text="{timestamp} [INFO] Compilando {version} desde el commit {sha}\n"
        "{timestamp_2} [INFO] Ejecutando {num} pruebas en {host}\n"
        "{timestamp_3} [WARN] Latencia alta hacia {ip}\n"
        "{timestamp_4} [INFO] Artefacto publicado en {public_url} (sha256 {sha256})",
    ),
    Template(
        id="es-email-007",
        style="email",
        text="Asunto: Mantenimiento programado\n\nEl {event_date}, a partir de las {time}, "
        "{company} actualizará los servidores del Portal del Cliente y la Oficina Virtual no estará "
        "disponible. Las incidencias abiertas (p. ej. {ticket}) se atenderán al terminar. Estado del "
        "servicio: {public_url}",
    ),
    Template(
        id="es-json-002",
        style="json",
        text='{{"usuario": {{"id": "{uuid}", "nombre": "{first_name}", "apellidos": "{last_name}", '
        '"email": "{email}", "perfil": "{url}"}}, "sesion": {{"token": "{jwt}", "expira": '
        '"{timestamp}"}}}}',
    ),
    Template(
        id="es-config-003",
        style="config",
        text="# .env de preproducción ({company})\nDATABASE_URL={conn}\nSTRIPE_SECRET_KEY={api_key}\n"
        "SMTP_USER={email}\nSMTP_PASSWORD={password}\nAPP_VERSION={version}\nCACHE_HOST={host}",
    ),
    Template(
        id="es-csv-002",
        style="csv",
        text="fecha_operacion;ordenante;iban_destino;importe;concepto\n"
        "{timestamp};{full_name};{iban};{amount};Alquiler {city}\n"
        "{timestamp_2};{full_name_2};{iban_2};{amount_2};Factura {invoice_no}",
    ),
    Template(
        id="es-bank-002",
        style="bank",
        text="JUSTIFICANTE DE TRANSFERENCIA\nOrdenante: {full_name}\nCuenta de cargo: {account}\n"
        "Beneficiario: {full_name_2}\nIBAN del beneficiario: {iban_2}\nImporte: {amount}\n"
        "Concepto: fianza piso {city}\nFecha de ejecución: {event_date}\nReferencia: {uuid}",
    ),
    Template(
        id="es-sms-003",
        style="sms",
        text="Hola, {first_name}, te paso el enlace con las fotos de la boda: {share_url} Caduca el "
        "domingo, así que descárgalas pronto. Un beso, {first_name_2}",
    ),
    Template(
        id="es-clinical-003",
        style="clinical",
        text="{person}, con fecha de nacimiento {birth_date}, acude a Urgencias del Hospital Universitario "
        "de {city} el {date} por dolor torácico de dos horas de evolución. Antecedentes: HTA y diabetes "
        "tipo 2. Se avisa a su persona de contacto, {person_2}, en el {phone_2}.",
    ),
)
