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
