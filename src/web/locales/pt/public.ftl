# The public pages: check a number, search, profiles, reports.

home-title = É mesmo quem diz ser?
home-intro = Digite um número de telefone para saber se ele pertence a uma empresa verificada, ou um nome para encontrar os números oficiais de uma empresa.
home-label = Número de telefone ou nome da empresa
home-region = País do número
home-region-intl = Internacional (começa com +)
home-hint = Números sem + no início são lidos como números do país escolhido.
home-button = Verificar
home-result = Resultado
home-belongs = Este número pertence a
badge-verified-detail = bizseal verificou quem é esta empresa e que ela controla este número.
badge-registered-detail = Este número está listado, mas a identidade da empresa por trás dele não foi verificada. Trate-o como não verificado.
badge-unknown-detail = Ninguém registrou este número no bizseal. Pode ser qualquer pessoa: não compartilhe códigos, senhas nem dinheiro.
badge-suspended-detail = A empresa por trás deste número foi suspensa. Não confie em ligações nem mensagens deste número.
badge-revoked-detail = Este número era verificado, mas a verificação foi retirada.
home-revoked-on = Retirada em { $date }.
home-revoked-reason = Motivo: { $reason }
home-reports = { $count ->
    [one] Denunciado como spam ou fraude uma vez nos últimos 30 dias.
   *[other] Denunciado como spam ou fraude { $count } vezes nos últimos 30 dias.
}
home-see-profile = Ver o perfil da empresa
home-invalid = Este não é um número de telefone válido, e nenhuma empresa corresponde a ele. Confira os dígitos e o país.
home-too-long = É longo demais para ser um número ou um nome.
home-error = Não foi possível verificar. Tente novamente em instantes.

search-count = { $count ->
    [one] { $count } empresa encontrada
   *[other] { $count } empresas encontradas
}
search-none = Nenhuma empresa encontrada para “{ $query }”.
search-unavailable = A busca não está disponível agora. Você ainda pode verificar um número de telefone.
search-official = Números oficiais
search-report = Denunciar um dos números dela

profile-legal-name = Razão social
profile-category = Categoria
profile-location = Localização
profile-website = Site
profile-numbers = Números de telefone
profile-no-numbers = Nenhum número de telefone informado.
profile-names = Nomes em outros idiomas
profile-commands = Respostas rápidas
profile-commands-help = Envie uma destas palavras para o número da empresa para receber a resposta na hora.
profile-commands-other = Respostas rápidas em outros idiomas
profile-logo = Logotipo de { $name }
profile-verified-detail = bizseal verificou quem é esta empresa e que ela controla os números marcados como “Verificado”.
profile-no-numbers-detail = bizseal verificou quem é esta empresa, mas nenhum dos números dela está verificado no momento. Tenha cuidado com ligações e mensagens.
profile-registered-detail = Esta empresa se registrou, mas ainda não foi verificado quem ela é.
profile-suspended-detail = Esta empresa foi suspensa. Não confie em ligações nem mensagens dos números dela.

report-title = Denunciar um número
report-intro = Recebeu spam ou uma ligação de golpe de um destes números? Conte para nós; os revisores leem todas as denúncias.
report-open = Denunciar este número
report-this-number = Denunciar o { $number }
report-number = Número
report-reason = O que aconteceu
report-reason-spam = Spam
report-reason-scam = Golpe ou fraude
report-reason-impersonation = Alguém se passando por uma empresa
report-reason-other = Outra coisa
report-comment = Comentário (opcional)
report-next = Sua denúncia é anônima. Quando várias pessoas denunciam o mesmo número, um revisor analisa o caso.
report-send = Enviar denúncia
report-thanks = Obrigado. Sua denúncia foi recebida.
report-what-next = As denúncias são contadas por 30 dias. Quando várias pessoas diferentes denunciam o mesmo número, ele vai para um revisor, que pode suspender a empresa por trás dele. Uma denúncia sozinha nunca retira um selo, então ninguém consegue derrubar um selo só com denúncias.
report-check-again = Verificar o número novamente
report-too-many = Você enviou muitas denúncias em pouco tempo. Aguarde um pouco e tente novamente.
report-comment-too-long = O comentário é longo demais: no máximo 1000 caracteres.
report-bad-number = Esse não é um número de telefone que possa ser denunciado.
report-incomplete = Faltou um número ou um motivo na denúncia.
report-failed = Não foi possível enviar a denúncia. Tente novamente em instantes.
