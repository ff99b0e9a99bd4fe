"""Portuguese templates (filled with pt_BR or pt_PT values; wording kept valid in both)."""

from pare.data.synth.template import Template

TEMPLATES: tuple[Template, ...] = (
    Template(
        id="pt-chat-001",
        style="chat",
        text="{first_name}: consegues mandar a encomenda para a minha casa nova? Fica em {address}\n"
        "{first_name_2}: claro! e o teu número, caso o estafeta ligue?\n{first_name}: {phone}",
    ),
    Template(
        id="pt-chat-002",
        style="chat",
        text="{first_name}: subi a {version} pra produção, commit {sha}\n"
        "{first_name_2}: show, me passa a senha do servidor de homologação?\n"
        "{first_name}: {password} — não cola no grupo, por favor",
    ),
    Template(
        id="pt-chat-003",
        style="chat",
        text="{first_name}: quando é o aniversário do/da {person_2}?\n{first_name_3}: dia {birth_date}\n"
        "{first_name}: vamos fazer uma vaquinha, transfiram para {iban}",
    ),
    Template(
        id="pt-email-001",
        style="email",
        text="Assunto: Confirmação de consulta\n\nPrezado(a) {title} {last_name},\n\n"
        "Confirmamos a sua consulta no dia {date} às {time}. Em caso de impedimento, avise-nos com "
        "24 horas de antecedência.\n\nAtenciosamente,\n{company}",
    ),
    Template(
        id="pt-email-002",
        style="email",
        text="Olá {first_name},\n\nfoi ótimo te conhecer no evento! Este é o meu perfil: {url_2}\n"
        "Pode me escrever para {email_2} ou ligar para {phone_2}.\n\nAbraço,\n{person_2}",
    ),
    Template(
        id="pt-email-003",
        style="email",
        text="De: {person} <{email}>\nAssunto: Reembolso do pedido {order_id}\n\nBom dia,\n\n"
        "Devolvi o artigo {product_code} em {date} e ainda não recebi o reembolso de {amount}. "
        "Peço que o valor seja depositado na conta {iban}.\n\nObrigado,\n{first_name}",
    ),
    Template(
        id="pt-email-004",
        style="email",
        text="Olá, {person}.\n\nDetetámos um acesso à sua conta a partir de um novo dispositivo. Se não foi "
        "você, redefina a sua senha aqui: {share_url}\n\nID do pedido: {uuid}\nEquipa de segurança {company}",
    ),
    Template(
        id="pt-ticket-001",
        style="ticket",
        text="Chamado {ticket} | Prioridade: alta\nCliente: {person}\nE-mail: {email}\nTelefone: {phone}\n\n"
        "O cliente não consegue entrar desde a atualização para a {version}.",
    ),
    Template(
        id="pt-ticket-002",
        style="ticket",
        text="Ocorrência {ticket} aberta por {first_name} {last_name}\nProblema: a API responde 401 com a "
        "chave "
        "{api_key}\nDocumentação: {public_url}\nServidor: {host}",
    ),
    Template(
        id="pt-form-001",
        style="form",
        text="FICHA DE INSCRIÇÃO\nNome completo: {full_name}\nData de nascimento: {birth_date}\nMorada: "
        "{address}\n"
        "Telefone: {phone}\nE-mail: {email}\nProcesso n.º {uuid}",
    ),
    Template(
        id="pt-form-002",
        style="form",
        text="Autorização de débito direto\nTitular da conta: {full_name}\nIBAN: {iban}\nEndereço: {street}\n"
        "Data da assinatura: {date}\nReferência da autorização: {invoice_no}",
    ),
    Template(
        id="pt-log-001",
        style="log",
        text="{timestamp} INFO login ok usuario={email} ip={ip}\n"
        "{timestamp_2} WARN pedido de redefinição de senha para {email} link={share_url}\n"
        "{timestamp_3} INFO deploy {version} commit {sha}",
    ),
    Template(
        id="pt-log-002",
        style="log",
        text="{timestamp} INFO  backup noturno iniciado em {host}\n"
        "{timestamp_2} INFO  {num} ficheiros enviados, checksum {sha256}\n"
        "{timestamp_3} ERRO  GET {public_url} retornou 503\n{timestamp_4} INFO  versão {version} gerada a "
        "partir de {sha}",
    ),
    Template(
        id="pt-json-001",
        style="json",
        text='{{"cliente": {{"nome": "{full_name}", "email": "{email}", "telefone": "{phone}", '
        '"dataNascimento": "{birth_date}"}}, "pedido": "{order_id}", "valor": "{amount}"}}',
    ),
    Template(
        id="pt-csv-001",
        style="csv",
        text="n;nome;email;telefone;cidade\n{num};{full_name};{email};{phone};{city}\n"
        "{num_2};{full_name_2};{email_2};{phone_2};{city_2}",
    ),
    Template(
        id="pt-clinical-001",
        style="clinical",
        text="Resumo de alta\nPaciente: {full_name}\nData de nascimento: {birth_date}\nInternação: {date}  "
        "Alta: {date_2}\nDiagnóstico: apendicite aguda, operada sem intercorrências. Médico assistente: "
        "Dr. {last_name_2}\nContato: {phone}",
    ),
    Template(
        id="pt-clinical-002",
        style="clinical",
        text="Consulta de {date}: {first_name} relata melhora das dores de cabeça. Manter medicação. "
        "Retorno marcado para {date_2} às {time}. Pedido de exames {order_id}.",
    ),
    Template(
        id="pt-invoice-001",
        style="invoice",
        text="FATURA {invoice_no}\nCliente:\n{full_name}\n{address_block}\n\n{num} x ref. {product_code}    "
        "{amount}\nPagamento por transferência para {iban} ou cartão {card}.",
    ),
    Template(
        id="pt-hr-001",
        style="hr",
        text="FICHA DO COLABORADOR\nNome: {full_name}\nData de admissão: {date}\nData de nascimento: "
        "{birth_date}\nEndereço: {address}\nConta para salário: {account}\nContato de emergência: "
        "{full_name_2} ({phone_2})",
    ),
    Template(
        id="pt-hr-002",
        style="hr",
        text="Olá a todos,\n\na partir de {date}, {person} junta-se à equipa de {city}. Podem escrever para "
        "{first_name} em {email}. Sejam bem-vindos os novos colegas!\n\nRecursos Humanos",
    ),
    Template(
        id="pt-code-001",
        style="code",
        text='# credenciais do gateway de pagamento (não fazer commit!)\nCHAVE_API = "{api_key}"\n'
        'cliente = GatewayPagamento(url="{public_url}", chave=CHAVE_API)',
    ),
    Template(
        id="pt-config-001",
        style="config",
        text="# configuração de produção {company}\nbanco_de_dados:\n  url: {conn}\nemail:\n  usuario: "
        "{email}\n"
        "  senha: {password}\nversao: {version}",
    ),
    Template(
        id="pt-config-002",
        style="config",
        text="Chave privada do utilizador de deploy (gerada em {event_date}):\n{private_key}\n"
        "Token do CI: {token}",
    ),
    Template(
        id="pt-sms-001",
        style="sms",
        text="Oi, é {first_name}, esse é meu número novo: {phone}. Pode transferir o aluguel para {iban} até "
        "sexta? Valeu",
    ),
    Template(
        id="pt-sms-002",
        style="sms",
        text="{company}: a sua encomenda {tracking} será entregue hoje entre as {time} e as {time_2}. "
        "Mais informações: {public_url}",
    ),
    Template(
        id="pt-calendar-001",
        style="calendar",
        text="Convite: avaliação anual com {person}\nQuando: {date}, {time}\nOnde: {address}\n"
        "Organizador: {email_2}\nEntrar na chamada: {share_url}",
    ),
    Template(
        id="pt-shipping-001",
        style="shipping",
        text="O seu pedido {order_id} foi enviado.\nCódigo de rastreio: {tracking}\nEndereço de entrega:\n"
        "{person}\n{address_block}\n\nAcompanhe a entrega: {public_url}",
    ),
    Template(
        id="pt-bank-001",
        style="bank",
        text="Prezado(a) {title} {last_name},\n\nfoi debitado o valor de {amount} no seu cartão {card} em "
        "{date}. Se não reconhece esta compra, bloqueie o cartão na app do banco.\n\n{company}",
    ),
    Template(
        id="pt-release-001",
        style="release",
        text="Notas da versão {version} (lançada em {event_date})\n- Corrigida falha ao importar CSV "
        "(#{num})\n"
        "- Compilada a partir do commit {sha}\n- Documentação: {public_url}\nSHA-256: {sha256}",
    ),
    Template(
        id="pt-faq-001",
        style="faq",
        text="Como altero a minha senha?\nClique em «Esqueci a senha» na página de acesso; o link expira em "
        "{num} minutos. Ajuda: {public_url}\n\nOnde está o meu pedido?\nIndique o número do pedido (ex.: "
        "{order_id}). Pedidos feitos até {event_date} chegam antes do Natal.",
    ),
)
