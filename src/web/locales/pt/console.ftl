# The reviewers' console (/console): for reviewers, who know the trust
# rules; plain words all the same.

console-sign-in-title = Acesso de revisores
console-token = Token de revisor
console-token-hint = O token que um operador passou para você (bizseal reviewer create). Em um computador compartilhado, saia da conta quando terminar.
console-sign-in = Entrar
console-wrong-token = Esse token não está correto. Confira e tente novamente.
console-locked-out = { $minutes ->
    [one] Chegaram tokens errados demais da sua rede. Tente novamente em um minuto.
   *[other] Chegaram tokens errados demais da sua rede. Tente novamente em { $minutes } minutos.
}
console-signed-out = Você saiu da conta.

console-nav-label = Console
console-nav-queue = Fila de revisão
console-nav-business = Empresa ou número
console-nav-audit = Registro de auditoria
console-nav-outbox = Caixa de saída de códigos
console-signed-in-as = Conectado como { $name }
console-sign-out = Sair

console-forged-title = Formulário recusado
console-forged-text = Este formulário não trazia o token de segurança desta sessão, então nada foi feito. Abra a página novamente pelo console e envie o formulário a partir dela.
console-back-to-queue = Voltar para a fila de revisão

console-done-approved = Aprovado. Em uma solicitação, a empresa passa a ser verificada e os números comprovados dela recebem o selo; uma alteração de perfil agora é pública.
console-done-rejected = Rejeitado. A empresa verá o seu motivo; nada público mudou.
console-done-dismissed = Alerta descartado. As denúncias continuam contando; a empresa saiu da fila.
console-done-suspended = Suspensa. Todos os selos da empresa foram retirados até que ela seja reativada.
console-done-reinstated = Reativada. Os números de uma empresa verificada voltam a ter o selo, com tokens novos.
console-done-revoked = Selo retirado. O token do número foi revogado e as consultas informam isso.
console-done-released = Número liberado desta empresa. Qualquer selo que ele tinha foi revogado.
console-done-unlocked = Bloqueio removido. A empresa pode voltar a digitar códigos para este número.
console-done-nothing-locked = Nada a desbloquear: o número não estava bloqueado para esta empresa.

console-queue-title = Fila de revisão
console-queue-count = { $count ->
    [0] Nada está aguardando decisão.
    [one] Uma empresa está aguardando decisão.
   *[other] { $count } empresas estão aguardando decisão, das mais antigas para as mais recentes.
}
console-queue-more = Só as mais antigas são mostradas: decida sobre elas para ver as demais.
console-kind-submission = Solicitação
console-kind-edit = Alteração de perfil
console-kind-flag = Com alerta
console-legal-name = Razão social
console-names = Nomes
console-about = Categoria, local, status
console-id = ID da empresa
console-queued = Aguardando desde
console-flag = Alerta
console-evidence = Evidências
console-numbers = Números de telefone
console-no-numbers = Nenhum número de telefone informado.
console-number = Número
console-state = Estado
console-proof = Comprovado por
console-reports = Denúncias (30 dias)
console-reports-count = { $reports ->
    [0] Nenhuma
    [one] Uma denúncia ({ $reporters ->
        [one] uma rede
       *[other] { $reporters } redes
    })
   *[other] { $reports } denúncias ({ $reporters ->
        [one] uma rede
       *[other] { $reporters } redes
    })
}
console-level = nível { $level }
console-held-by-other = Pertence a outra empresa
console-not-proven = Não comprovado
console-proof-otp = Código de uso único
console-proof-import = Importado de um registro verificado
console-domain = Domínio
console-domain-proven = Domínio { $domain } comprovado em { $date }.
console-domain-unproven = Domínio { $domain } informado, não comprovado.
console-no-domain = Sem domínio: no máximo nível B.
console-warnings = Avisos
console-warning-confusable = “{ $name }” se parece com “{ $similar }”, uma empresa verificada.
console-warning-brand = “{ $name }” contém o nome de “{ $similar }”, uma empresa verificada.
console-warning-mixed-script = “{ $name }” mistura alfabetos em uma mesma palavra, um jeito comum de imitar um nome.
console-warning-website = O site { $name } não está no domínio comprovado.
console-see-business = Ver essa empresa
console-changes = Alterações propostas
console-field = Campo
console-before = Atual
console-after = Proposto
console-none = (nenhum)
console-field-legal-name = Razão social
console-field-names = Nomes
console-field-default-lang = Idioma padrão
console-field-category = Categoria
console-field-city = Cidade
console-field-website = Site
console-field-description = Descrição
console-field-logo-url = Logotipo
console-field-commands = Respostas rápidas
console-field-other = Outro campo
console-decision = Decisão

console-note = Observação (opcional)
console-reason = Motivo (obrigatório)
console-approve = Aprovar
console-approve-explain = Aprovar: uma solicitação torna a empresa verificada e dá o selo a cada número comprovado (nível A com domínio comprovado, senão B); uma alteração de perfil se torna pública.
console-reject = Rejeitar
console-reject-explain = Rejeitar: a empresa verá o seu motivo e poderá fazer uma nova solicitação mais tarde. Nada público muda; para tirar do ar uma empresa verificada, suspenda-a.
console-dismiss = Descartar o alerta
console-dismiss-explain = Descartar: a empresa sai da fila; as denúncias dela continuam contando e podem gerar um novo alerta.
console-suspend = Suspender
console-suspend-explain = Suspender: todos os selos desta empresa são retirados na hora e os números dela aparecem como suspensos até que um revisor a reative.
console-reinstate = Reativar
console-reinstate-explain = Reativar: a suspensão termina; uma empresa verificada recebe tokens novos para os números dela (os antigos continuam revogados).
console-revoke = Retirar o selo
console-revoke-explain = Retirar o selo: o token deste número é revogado e as consultas mostram a verificação como retirada, com o seu motivo. Depois disso, só uma liberação deixa o número livre.
console-release = Liberar o número
console-release-explain = Liberar: o número sai da lista desta empresa e qualquer selo é revogado; outra empresa revisada que o tenha comprovado fica com ele.
console-unlock = Remover o bloqueio
console-unlock-explain = Remover o bloqueio: a empresa pode voltar a digitar códigos para este número (ele foi bloqueado depois de códigos errados demais).

console-business-title = Empresa ou número
console-find-label = ID da empresa ou número de telefone
console-find-hint = Um ID de empresa (b_…) ou um número em formato internacional (+…).
console-find = Buscar
console-find-unreadable = Isso não é um ID de empresa nem um número de telefone em formato internacional.
console-find-no-business = Nenhuma empresa tem esse ID.
console-find-unlisted = Nenhuma empresa informa o número { $number }.
console-parties = Empresas que informam o número { $number }
console-review = Revisão
console-review-draft = Ainda não enviada para revisão
console-review-submitted = Aguardando um revisor
console-review-approved = Aprovada
console-review-rejected = Rejeitada
console-review-other = Desconhecido
console-status-verified = Verificada
console-status-registered = Não verificada
console-status-suspended = Suspensa
console-in-queue = Ela está aguardando na fila de revisão.
console-public-profile = Perfil público
console-locked-until = bloqueado por códigos errados até { $date }
console-number-attested = Tem o selo
console-number-on-hold = Em espera (empresa suspensa)
console-number-revoked = Selo retirado
console-number-unproven = Não comprovado
console-number-proven = Comprovado, aguardando revisão
console-number-disputed = Comprovado, mas pertence a outra empresa
console-number-locked = Bloqueado por códigos errados
console-number-other = Estado desconhecido
console-business-decision = A empresa
console-history = Últimos registros de auditoria
console-whole-history = Todo o registro de auditoria desta empresa

console-audit-title = Registro de auditoria
console-audit-of = Somente a empresa { $business }.
console-audit-all = Mostrar tudo
console-audit-empty = Nenhum registro.
console-when = Quando
console-who = Quem
console-what = O quê
console-business = Empresa
console-detail = Detalhe
console-pages = Páginas
console-newest = Registros mais recentes
console-older = Registros anteriores
console-did-registered = Registrou-se
console-did-submitted = Enviou para revisão
console-did-submission-withdrawn = Retirou a solicitação
console-did-deleted = Excluiu a empresa
console-did-profile-edited = Editou o perfil
console-did-edit-submitted = Enviou uma alteração de perfil para revisão
console-did-edit-withdrawn = Retirou uma alteração de perfil
console-did-domain-challenge = Iniciou uma verificação de domínio
console-did-domain-proven = Comprovou o domínio
console-did-code-sent = Recebeu um código de uso único
console-did-number-proven = Comprovou um número
console-did-number-removed = Removeu um número
console-did-number-disputed = Comprovou um número que pertence a outra empresa
console-did-number-taken-over = Assumiu um número liberado
console-did-flagged = Recebeu um alerta para revisão
console-did-approved = Aprovou a solicitação ou a alteração
console-did-rejected = Rejeitou a solicitação ou a alteração
console-did-flag-dismissed = Descartou o alerta
console-did-suspended = Suspendeu a empresa
console-did-reinstated = Reativou a empresa
console-did-number-revoked = Retirou o selo de um número
console-did-number-released = Liberou um número
console-did-number-unlocked = Removeu o bloqueio de um número
console-did-key-rotated = Trocou a chave de assinatura
console-did-reviewer-created = Adicionou um revisor
console-did-admin-created = Adicionou um revisor administrador
console-did-reviewer-removed = Removeu um revisor
console-did-reviewer-lockout = Bloqueou uma rede após tokens de revisor errados
console-did-country-breaker = Limitou os códigos para um país

console-outbox-title = Caixa de saída de códigos
console-outbox-intro = Os códigos de uso único vão para esta caixa de saída em vez de um gateway de SMS (o envio para o log). Leia um código somente para a pessoa que o pediu, no número para o qual ele foi enviado.
console-outbox-empty = Nenhum código foi enviado ainda.
console-code = Código
console-language = Idioma
