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

# Transfer templates: on neither side of the train/test split (see generate.transfer_templates).
TRANSFER_TEMPLATES: tuple[Template, ...] = (
    Template(
        id="pt-forum-001",
        style="forum",
        text="Boa tarde a todos. Depois de atualizar o Django para a {version}, a aplicação deixou de arrancar e "
        "o log só diz «connection refused». Já segui o guia em {public_url}, sem sucesso. No settings.py tenho "
        'DATABASE_URL = "{conn}". Alguém faz ideia do que possa ser?\nAgradeço desde já, {first_name}',
    ),
    Template(
        id="pt-forum-002",
        style="forum",
        text="Alguém conhece um eletricista de confiança em {city}? O último que contratei, {person}, cobrou "
        "{amount} e deixou metade do serviço por fazer. Se tiverem indicação, me chamem no WhatsApp {phone} "
        "ou respondam aqui no tópico mesmo. Valeu!",
    ),
    Template(
        id="pt-review-001",
        style="review",
        text="★★★★☆ Jantar de aniversário no restaurante {company}, em {city}. A comida chegou quente e o "
        "polvo à lagareiro estava impecável. Destaque para {first_name}, que nos atendeu com muita paciência "
        "mesmo com a sala cheia numa sexta-feira à noite. Só não dou cinco estrelas porque a sobremesa "
        "demorou imenso.",
    ),
    Template(
        id="pt-review-002",
        style="review",
        text="Comprei o robô aspirador {product_code} na loja online da {company} e chegou a {city} em dois "
        "dias (encomenda {order_id}). Aspira bem os tapetes e a App é intuitiva, mas depois da atualização "
        "{version} o mapeamento ficou mais lento. Por {amount}, recomendo. Manual em PDF: {public_url}",
    ),
    Template(
        id="pt-minutes-001",
        style="minutes",
        text="ATA N.º {num}\nReuniu a assembleia de condóminos com {num_2} frações representadas. Presidiu "
        "{person}, do 2.º direito, e secretariou {person_2}. Foi aprovado o orçamento da {company} para a "
        "pintura da fachada, no valor de {amount}. As quotas extraordinárias devem ser transferidas para o "
        "IBAN {iban} até {event_date}.",
    ),
    Template(
        id="pt-letter-001",
        style="letter",
        text="À {company}\nServiço de Apoio ao Cliente\n\nExmos. Senhores,\n\nvenho por este meio informar que, "
        "a partir de {date}, deixarei de residir em {address}. Solicito que a correspondência relativa ao "
        "contrato {order_id} passe a ser enviada para a nova morada:\n{address_block_2}\n\n"
        "Com os melhores cumprimentos,\n{person}",
    ),
    Template(
        id="pt-letter-002",
        style="letter",
        text="{city}, {event_date}\n\nExmo.(a) {title} {last_name},\n\nconforme previsto no contrato de "
        "arrendamento, a renda passa a ser de {amount} a partir do próximo mês. A transferência deve continuar "
        "a ser feita até ao dia 8, mas agora para o IBAN {iban}, em nome de {full_name_2}.\n\n"
        "Com os meus cumprimentos,\n{person_2}",
    ),
    Template(
        id="pt-insurance-001",
        style="insurance",
        text="Descrição do sinistro (processo {ticket}):\nNo dia {date}, cerca das {time}, o meu carro estava "
        "estacionado à porta de casa, em {address}, quando foi embatido por uma carrinha da {company} em "
        "marcha-atrás. Quem conduzia, {person_2}, assumiu a culpa e assinou a Declaração Amigável. "
        "Testemunha: {person_3}, telemóvel {phone_3}.",
    ),
    Template(
        id="pt-insurance-002",
        style="insurance",
        text="PROPOSTA DE SEGURO MULTIRRISCOS HABITAÇÃO\nMediador: {company}\nTomador: {full_name}\n"
        "Data de nascimento: {birth_date}\nMorada do risco: {address}\nTelemóvel: {phone}\nE-mail: {email}\n"
        "Pagamento: débito no cartão {card}\nPrémio anual: {amount}",
    ),
    Template(
        id="pt-travel-001",
        style="travel",
        text="Olá {first_name},\n\nestá tudo pronto para a sua viagem a {city}! A reserva {order_id} inclui voo, "
        "transfer e quatro noites de hotel. Os vouchers e os cartões de embarque estão nesta pasta: "
        "{share_url}\nNo aeroporto, terá à sua espera {person_2}, da nossa equipa local ({phone_2}).\n\n"
        "Boa viagem!\nEquipa {company}",
    ),
    Template(
        id="pt-school-001",
        style="school",
        text="Caros encarregados de educação,\n\na visita de estudo ao Museu de Ciência, em {city}, ficou marcada "
        "para {event_date}. O autocarro sai da escola às {time}. Peço que entreguem a autorização assinada até "
        "quarta-feira e que os alunos levem almoço. Para qualquer questão, escrevam-me para {email}.\n\n"
        "{person}, diretor(a) de turma do 6.º B",
    ),
    Template(
        id="pt-realestate-001",
        style="realestate",
        text="Alugo apartamento de 2 quartos em {city}, 68 m², reformado, com varanda e vaga de garagem. "
        "A cinco minutos do Metrô, aceita pet. Aluguel: {amount} + condomínio. Visitas de segunda "
        "a sábado: fale com {first_name} pelo {phone} ou veja mais fotos no meu perfil, {url}",
    ),
    Template(
        id="pt-email-005",
        style="email",
        text="Boa tarde, {title} {last_name},\n\nconforme pedido, partilho as faturas e os recibos de 2024 para a "
        "declaração de IRS: {share_url_2}\nO ficheiro ZIP está protegido; a palavra-passe é {password}. Como "
        "o prazo termina a {event_date}, agradeço que me diga se falta algum documento.\n\n"
        "Com os melhores cumprimentos,\n{first_name_2}",
    ),
    Template(
        id="pt-email-006",
        style="email",
        text="Olá {first_name},\n\ncomo prometido, aqui vai o contacto de {person_2}, que tratou das partilhas "
        "da herança da minha avó e foi impecável. Podes ligar-lhe para o {phone_2} ou mandar e-mail para "
        "{email_2}; diz que vais da minha parte. O escritório fica no centro de {city}.\n\n"
        "Beijinhos,\n{first_name_3}",
    ),
    Template(
        id="pt-email-007",
        style="email",
        text="Assunto: Oportunidade na {company}\n\nOlá {first_name},\n\nvi o seu perfil em {url} e a sua "
        "experiência com Python e Kubernetes encaixa numa vaga de engenharia de dados que temos em {city}. "
        "Teria disponibilidade para conversarmos na quinta-feira? Pode ligar-me para o {phone_2} ou escrever "
        "para {email_2}.\n\nCumprimentos,\n{person_2}",
    ),
    Template(
        id="pt-email-008",
        style="email",
        text="Assunto: Manutenção programada do Portal do Cliente\n\nCaro cliente,\n\nno dia {event_date}, "
        "entre as {time} e as {time_2}, o Portal do Cliente e a App {company} estarão indisponíveis para "
        "atualização dos servidores de {city}. Os pagamentos por Multibanco não serão afetados. Acompanhe o "
        "estado do serviço em {public_url}\n\nReferência: {ticket}",
    ),
    Template(
        id="pt-news-001",
        style="news",
        text="A {company} anunciou nesta terça-feira a abertura de um centro logístico em {city}, junto à "
        "autoestrada. Segundo o comunicado, a nova unidade deverá criar {num} postos de trabalho diretos e "
        "entrar em funcionamento a {event_date}. O Presidente da Câmara considerou o projeto «decisivo para a "
        "região». Mais detalhes em {public_url}",
    ),
    Template(
        id="pt-chat-004",
        style="chat",
        text="{first_name}: alguém tá com o cartão corporativo? preciso pagar o Uber até o aeroporto\n"
        "{first_name_2}: tô sim, anota aí: {card}, validade 09/28\n"
        "{first_name}: valeu! mando o recibo pro financeiro na segunda\n"
        "{first_name_2}: e apaga essa mensagem depois, hein",
    ),
    Template(
        id="pt-chat-005",
        style="chat",
        text="{first_name}: gente, o churrasco de sábado vai ser lá em casa!\n"
        "{first_name}: endereço novo: {street}, {city}\n{first_name_2}: que horas começa?\n"
        "{first_name}: a partir das {time}. quem se perder me liga no {phone}\n"
        "{first_name_3}: posso levar minha irmã?\n{first_name}: claro, quanto mais gente melhor",
    ),
    Template(
        id="pt-sms-003",
        style="sms",
        text="Oi tia, aqui é {first_name}! Troquei de número, salva esse: {phone}. Ah, e o aniversário da vó "
        "agora vai ser na casa de {first_name_2}, no endereço {street}. Beijo!",
    ),
    Template(
        id="pt-clinical-003",
        style="clinical",
        text="Nota de admissão: {person}, nascido(a) em {birth_date}, deu entrada no Serviço de Urgência a "
        "{date}, às {time}, por dor torácica com duas horas de evolução. Traz a medicação habitual e um "
        "relatório do centro de saúde assinado por {person_2}. Acompanhante: {first_name_3}, contactável "
        "pelo {phone_3}.",
    ),
    Template(
        id="pt-hr-003",
        style="hr",
        text="Olá {first_name},\n\nrecebemos o seu pedido de alteração de dados bancários. A partir do salário de "
        "junho, o vencimento passará a ser depositado na conta {account}. Como a sua admissão foi a {date}, o "
        "subsídio de férias deste ano será pago proporcionalmente. Se algo não estiver certo, responda para "
        "{email_2}.\n\nDepartamento de Pessoal, {company}",
    ),
    Template(
        id="pt-transcript-001",
        style="transcript",
        text="Mensagem de voz ({timestamp}, 0:42)\n«Olá, bom dia, aqui é {person}, do RH da {company}. Estou "
        "ligando para confirmar a sua entrevista no dia {date}, às {time}, no nosso escritório de {city}. Se "
        "precisar remarcar, é só retornar para {phone}. Até mais!»",
    ),
    Template(
        id="pt-config-003",
        style="config",
        text="# .env de produção (NÃO fazer commit deste ficheiro)\nAPP_ENV=production\nAPP_VERSION={version}\n"
        "DATABASE_URL={conn}\nSENDGRID_API_KEY={api_key}\nADMIN_EMAIL={email}\nLOG_LEVEL=info",
    ),
    Template(
        id="pt-code-002",
        style="code",
        text='import requests\n\n# token de testes do {first_name}; trocar antes do deploy\nTOKEN = "{jwt}"\n\n'
        'resp = requests.get(\n    "{public_url}",\n    headers={{"Authorization": f"Bearer {{TOKEN}}"}},\n'
        "    timeout=10,\n)\nresp.raise_for_status()",
    ),
    Template(
        id="pt-csv-002",
        style="csv",
        text="n;aluno;data_nascimento;encarregado_educacao;telemovel;morada\n"
        "{num};{full_name};{birth_date};{person_2};{phone_2};{address}\n"
        "{num_2};{full_name_3};{birth_date_3};{person_4};{phone_4};{address_2}",
    ),
    Template(
        id="pt-json-002",
        style="json",
        text='{{"id": "{uuid}", "nome": "{person}", "perfil": "{url}", "pagamento": {{"metodo": "transferencia", '
        '"iban": "{iban}"}}, "criadoEm": "{timestamp}", "plano": "premium"}}',
    ),
    Template(
        id="pt-log-003",
        style="log",
        text="{timestamp} INFO  [auth] POST /api/v1/sessoes 200 utilizador={email} ip={ip}\n"
        "{timestamp_2} DEBUG [auth] access_token={token} expira_em=3600s\n"
        "{timestamp_3} WARN  [auth] {num} tentativas falhadas para {email_2} a partir de {ip_2}\n"
        "{timestamp_4} INFO  [gateway] upstream {host} respondeu em 84 ms",
    ),
    Template(
        id="pt-log-004",
        style="log",
        text="[{timestamp}] Runner ci-linux-03: início da pipeline #{num} (commit {sha})\n"
        "[{timestamp_2}] Passo 2/5: a instalar dependências de {public_url}\n"
        "[{timestamp_3}] Passo 4/5: Testes OK ({num_2} passed, 0 failed)\n"
        "[{timestamp_4}] Passo 5/5: Publicada a versão {version}, digest sha256:{sha256}",
    ),
    Template(
        id="pt-calendar-002",
        style="calendar",
        text="Marcação confirmada: Fisioterapia ao domicílio\nUtente: {person}\nData: {date}, às {time}\n"
        "Morada: {address}\nTelemóvel: {phone}\nE-mail: {email}\nFisioterapeuta: {person_2}\n"
        "Observações: ter à mão a prescrição médica. Ref.ª {ticket}",
    ),
)
