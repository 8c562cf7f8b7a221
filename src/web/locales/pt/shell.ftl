# The page shell, and words every page shares.

nav-skip = Pular para o conteúdo
nav-label = Navegação principal
nav-check = Verificar um número
nav-apply = Para empresas
nav-account = Sua empresa
lang-label = Idioma
site-footer = bizseal verifica se um número de telefone pertence mesmo à empresa que diz ser.

notfound-title = Não encontrado
notfound-text = Não há nada neste endereço.
error-title = Algo deu errado
error-text = Não foi possível mostrar a página. Tente novamente em instantes.

# Badges: for someone who has never heard of attestations.
badge-verified = Empresa verificada
badge-registered = Não verificado — cuidado
badge-unknown = Número desconhecido — cuidado
badge-suspended = Suspensa — cuidado
badge-revoked = Verificação retirada — cuidado
badge-no-numbers = Identidade conferida — nenhum número verificado no momento

# A number's state, as a short label.
status-verified = Verificado
status-registered = Não verificado
status-unknown = Desconhecido
status-suspended = Suspenso
status-revoked = Retirado
# Country and category names.

region-AE = Emirados Árabes Unidos
region-AR = Argentina
region-AT = Áustria
region-AU = Austrália
region-BE = Bélgica
region-BO = Bolívia
region-BR = Brasil
region-CA = Canadá
region-CH = Suíça
region-CL = Chile
region-CN = China
region-CO = Colômbia
region-CR = Costa Rica
region-CU = Cuba
region-DE = Alemanha
region-DO = República Dominicana
region-EC = Equador
region-ES = Espanha
region-FR = França
region-GB = Reino Unido
region-GQ = Guiné Equatorial
region-GT = Guatemala
region-HN = Honduras
region-IE = Irlanda
region-IN = Índia
region-IT = Itália
region-JP = Japão
region-MX = México
region-NI = Nicarágua
region-NL = Países Baixos
region-PA = Panamá
region-PE = Peru
region-PL = Polônia
region-PR = Porto Rico
region-PT = Portugal
region-PY = Paraguai
region-SA = Arábia Saudita
region-SV = El Salvador
region-TR = Turquia
region-US = Estados Unidos
region-UY = Uruguai
region-VE = Venezuela

category-airline = Companhia aérea
category-bank = Banco
category-ecommerce = Loja online
category-government = Governo
category-healthcare = Saúde
category-insurance = Seguros
category-restaurant = Restaurante
category-retail = Comércio
category-telecom = Telecomunicações
category-travel = Viagens
category-utility = Energia e água
category-other = Outra

# Why an action was refused, one message per error code (src/error_code.rs),
# shown next to the form that was sent.
code-malformed-json = Não foi possível ler a solicitação.
code-unprocessable-body = O formulário estava incompleto. Preencha-o novamente.
code-unsupported-media-type = Não foi possível ler a solicitação.
code-payload-too-large = É coisa demais para enviar de uma só vez.
code-method-not-allowed = Isso não pode ser feito aqui.
code-not-found = Não foi encontrado. Talvez tenha sido removido.
code-invalid-request = Confira o que você digitou.
code-invalid-number = Esse não é um número de telefone válido. Confira os dígitos e o país.
code-unauthorized = Essa chave não está correta. Confira e tente novamente.
code-forbidden = Você não tem permissão para fazer isso.
code-rate-limited = Tentativas demais em pouco tempo. Aguarde um pouco e tente novamente.
code-wrong-code = Esse código não está correto. Confira a mensagem e tente novamente.
code-code-expired = Esse código expirou. Peça um novo.
code-too-many-attempts = Códigos errados demais. Peça um novo.
code-no-code = Ainda não foi enviado nenhum código para esse número. Peça um primeiro.
code-number-locked = Este número fica bloqueado por um tempo depois de muitos códigos errados.
code-business-suspended = Esta empresa está suspensa, então isso não pode ser feito agora.
code-not-suspended = Esta empresa não está suspensa.
code-already-verified = Esta empresa já está verificada.
code-nothing-proven = Comprove pelo menos um número de telefone antes de enviar a solicitação.
code-resubmit-later = A solicitação acabou de ser decidida. Você poderá enviá-la novamente um pouco mais tarde.
code-nothing-waits = Não há nada aguardando decisão.
code-flag-not-submission = Isto é um alerta, não uma solicitação: descarte-o ou suspenda a empresa.
code-not-flagged = Não há nenhum alerta aqui.
code-already-proven = Este número já foi comprovado.
code-not-attested = Este número não tem selo para retirar.
code-not-held = Este número não pertence a esta empresa.
code-revoked-by-reviewer = Um revisor retirou este número; só um revisor pode liberá-lo.
code-no-domain-challenge = Comece primeiro a verificação do domínio.
code-challenge-changed = A verificação do domínio foi reiniciada nesse meio-tempo. Confira a nova.
code-search-running = O índice de busca está ocupado. Tente novamente em instantes.
code-sender-failed = Não foi possível enviar o código agora. Tente novamente em instantes.
code-timeout = Demorou demais. Tente novamente.
code-unavailable = O serviço está ocupado. Tente novamente em instantes.
code-storage-full = O serviço não consegue salvar nada agora. Tente novamente mais tarde.
code-internal = Algo deu errado do nosso lado. Tente novamente mais tarde.
# A field that was refused, when it has no message of its own.
invalid-field = Confira este campo.
invalid-url = Use um endereço https num servidor público (porta 443), sem nome de usuário nem senha.
invalid-reason = Informe um motivo: de 1 a 1000 caracteres, em texto simples.

# A refused field of a business's forms, by the service's name for the
# field (src/web/forms.rs): what to put there instead.
invalid-legal-name = Informe a razão social registrada da empresa (no máximo 200 caracteres).
invalid-names = Informe um nome (no máximo 200 caracteres) para cada idioma listado, e um no idioma principal.
invalid-default-lang = Escolha o idioma principal.
invalid-category = Escolha uma categoria.
invalid-country = Escolha um país.
invalid-city = A cidade pode ter no máximo 200 caracteres.
invalid-website = Informe o endereço do site, por exemplo https://example.com.
invalid-logo-url = Informe o endereço do logotipo, por exemplo https://example.com/logo.png.
invalid-description = Escolha um idioma para cada descrição; cada uma pode ter no máximo 2000 caracteres.
invalid-commands = Você pode ter no máximo 60 respostas rápidas.
invalid-commands-keyword = Uma palavra-chave é uma única palavra com letras minúsculas de a–z, dígitos, “-” ou “_”, com no máximo 40 caracteres.
invalid-commands-reply = Cada palavra-chave precisa de uma resposta, com no máximo 2000 caracteres.
invalid-commands-lang = Cada palavra-chave só pode ser uma resposta rápida uma vez por idioma: mude a palavra-chave ou o idioma.
invalid-code = O código são os 6 dígitos da mensagem que enviamos.
invalid-domain = Informe um nome de domínio como example.com, sem http:// nem caminho.
