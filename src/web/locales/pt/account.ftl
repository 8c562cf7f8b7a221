# A business's own pages: applying (/apply), signing in, and running the
# business (/account and the pages under it). Written for a small shop
# owner, not an engineer: no "API", "E.164" or "HTTP" where words will do.

## Applying.

apply-title = Verifique sua empresa
apply-intro = Registre sua empresa, comprove com um código que você controla seus números de telefone e envie-a para revisão. Quando um revisor aprovar, seus números vão mostrar o selo verde.
apply-have-key = Já se registrou?
apply-sign-in = Entre com sua chave
apply-form-h = Sobre sua empresa
apply-legal-name = Razão social
apply-legal-name-hint = Como consta no registro comercial.
apply-name = Nome que seus clientes conhecem
apply-name-hint = Você pode adicionar o nome em outros idiomas depois.
apply-name-lang = Idioma desse nome
apply-default-lang = Idioma principal
apply-default-lang-hint = Os clientes veem seu nome no idioma deles quando você tem um nome nesse idioma; caso contrário, no idioma principal. O idioma principal precisa de um nome.
apply-category = Categoria
apply-category-choose = Escolha uma categoria
apply-country = País
apply-city = Cidade (opcional)
apply-website = Site (opcional)
apply-website-hint = Por exemplo example.com; se você não colocar https://, nós adicionamos.
apply-button = Registrar
apply-done-title = Sua empresa está registrada
apply-done-intro = Sua empresa está registrada. Abaixo estão o ID e a chave dela: com a chave você entra aqui, e seu software a usa para trabalhar com o bizseal.

## Signing in and out.

account-sign-in-title = Entrar
account-sign-in-intro = Cole a chave que você recebeu ao se registrar.
account-api-key = Sua chave de API
account-sign-in-button = Entrar
account-no-key = Ainda não se registrou?
account-apply-link = Registre sua empresa
account-sign-out = Sair
account-nav-label = Sua empresa
account-nav-status = Status e números
account-nav-profile = Perfil
account-nav-reports = Denúncias
account-nav-key = Chave

## What just happened, at the top of a page.

account-done-code-sent = Enviamos um código de 6 dígitos por SMS. Ele vale por 10 minutos.
account-done-number-proven = O número foi comprovado.
account-done-number-removed = O número foi removido.
account-done-domain-started = Agora publique o token abaixo e depois clique em “Verificar agora”.
account-done-domain-proven = Seu domínio foi comprovado.
account-done-submitted = Sua empresa foi enviada para revisão.
account-done-profile-saved = O perfil foi salvo.
account-done-profile-pending = Suas alterações foram salvas e estão aguardando um revisor. Até lá, as pessoas veem o perfil como estava.
account-done-signed-out = Você saiu da conta.
account-refused = Isso não foi feito.
account-forbidden-title = Este formulário expirou
account-forbidden-text = Nada foi alterado. Volte, recarregue a página e tente novamente.

## Status.

account-title = Sua empresa
account-business-id = ID da empresa
account-status-h = Sua situação
account-status-business = Status
account-status-registered = Registrada, ainda não verificada
account-status-verified = Verificada
account-status-suspended = Suspensa
account-status-review = Revisão
account-review-draft = Ainda não enviada para revisão
account-review-submitted = Aguardando um revisor
account-review-approved = Aprovada
account-review-rejected = Rejeitada
account-review-reason = O motivo do revisor
account-flag = Por que os revisores estão analisando sua empresa
account-next-h = O que fazer agora:
account-next-add-number = Adicione abaixo um número de telefone da sua empresa; enviaremos um código para ele.
account-next-send-code = Peça abaixo um código para um dos seus números.
account-next-enter-code = Digite abaixo o código que enviamos para o seu número.
account-next-submit = Envie sua empresa para revisão (no fim desta página).
account-next-wait = Nada por enquanto: um revisor vai analisar sua empresa.
account-next-rejected = Corrija o que o revisor apontou e envie sua empresa para revisão de novo.
account-next-verified = Nada: sua empresa está verificada.
account-next-verified-prove = Comprove seus números novos com os códigos deles: eles recebem o selo na hora.
account-next-edit-waits = Nada: as alterações do seu perfil estão aguardando um revisor.
account-next-suspended = Sua empresa está suspensa. Os números dela mostram um aviso até que um revisor retire a suspensão.
account-edit-pending-link = Ver suas alterações que aguardam revisão

## Numbers.

account-numbers-h = Seus números de telefone
account-numbers-none = Nenhum número ainda.
account-number-unproven = Ainda não comprovado
account-number-proven = Comprovado; fica público quando a revisão for aprovada
account-number-disputed = Comprovado; outra empresa tem este número, então os revisores decidem
account-number-locked = Bloqueado depois de códigos errados demais
account-number-attested = Verificado (nível { $level })
account-number-on-hold = Em espera enquanto a empresa estiver suspensa
account-number-revoked = Retirado por um revisor
account-number-locked-until = Você pode tentar novamente depois de { $time }.
account-code-label = Código enviado para { $number }
account-code-hint = Os 6 dígitos do SMS.
account-confirm = Confirmar
account-code-wrong = { $left ->
    [0] Esse código não está correto e não pode mais ser usado. Peça um novo.
    [one] Esse código não está correto. Você tem mais uma tentativa.
   *[other] Esse código não está correto. Você tem mais { $left } tentativas.
}
account-send-code = Enviar um código
account-resend = Enviar um novo código
account-remove = Remover
account-add-h = Adicionar um número
account-add-number = Número de telefone
account-add-hint = Enviamos um código para ele por SMS. Números sem + no início são lidos como números do país abaixo.
account-add-region = País do número
account-add-button = Adicionar e enviar um código

## Domain.

account-domain-h = Seu domínio na web (opcional)
account-domain-intro = Comprovar que você controla o domínio do seu site eleva seus números ao nível A.
account-domain-open = Para comprovar { $domain }, publique o token de uma destas duas formas e depois clique em “Verificar agora”.
account-domain-dns-h = Como registro DNS
account-domain-dns-name = Nome do registro TXT
account-domain-dns-value = Valor do registro TXT
account-domain-http-h = Ou no seu site
account-domain-http-url = Endereço
account-domain-http-body = O conteúdo, exatamente assim
account-domain-check = Verificar agora
account-domain-proven = { $domain } foi comprovado.
account-domain-other-h = Usar outro domínio
account-domain-restart-hint = Recomeçar retira a comprovação atual até que a nova seja verificada.
account-domain-label = Domínio
account-domain-hint = Por exemplo example.com, sem http:// nem caminho.
account-domain-start = Obter o token
account-check-ok = O domínio foi comprovado.
account-check-txt-missing = Ainda não foi encontrado nenhum registro TXT com esse nome. Mudanças no DNS podem demorar para aparecer: tente novamente mais tarde.
account-check-txt-mismatch = Existe um registro TXT, mas ele não contém o token. Copie o valor exatamente.
account-check-dns-failed = A consulta ao DNS falhou. Tente novamente em instantes.
account-check-dns-timeout = A consulta ao DNS demorou demais. Tente novamente em instantes.
account-check-unresolvable = Não foi possível encontrar o endereço do seu site.
account-check-private-address = Seu domínio aponta para um endereço privado, que nós não acessamos.
account-check-connect-failed = Não foi possível acessar seu site.
account-check-redirect = O endereço redireciona para outro lugar. O token precisa estar exatamente nesse endereço.
account-check-http-status = Seu site respondeu com um erro em vez do token.
account-check-too-large = Seu site respondeu com conteúdo demais: a página deve conter só o token.
account-check-token-mismatch = Seu site respondeu, mas não com o token. Copie-o exatamente.

## Review.

account-submit-h = Enviar para revisão
account-submit-intro = Quando pelo menos um número estiver comprovado, envie sua empresa para os revisores. Eles verificam quem você é; isso pode levar alguns dias.
account-submit-button = Enviar para revisão

## Profile.

account-profile-title = Seu perfil
account-profile-pending = Algumas alterações estão aguardando um revisor; este formulário as mostra. Até que um revisor as aprove, as pessoas veem seu perfil como estava.
account-profile-reviewed = Sua empresa está verificada, então as alterações aguardam um revisor antes que as pessoas as vejam.
account-profile-basics = O básico
account-profile-website-hint = Deixe em branco para não mostrar nenhum site. Se você não colocar https://, nós adicionamos.
account-profile-logo = Endereço do logotipo (opcional)
account-profile-logo-hint = O endereço de uma imagem no seu site. Deixe em branco para não ter logotipo.
account-profile-names = Seu nome em cada idioma
account-profile-name-in = Nome em { $lang }
account-profile-remove-name = Remover o nome em { $lang }
account-profile-add-name = Adicionar um nome em outro idioma
account-profile-new-name-lang = Idioma do novo nome
account-profile-new-name = Novo nome
account-profile-descriptions = Descrição
account-profile-description-in = Descrição em { $lang }
account-profile-remove-description = Remover a descrição em { $lang }
account-profile-add-description = Adicionar uma descrição em outro idioma
account-profile-new-description-lang = Idioma da nova descrição
account-profile-new-description = Nova descrição
account-profile-commands = Respostas rápidas
account-profile-commands-hint = Clientes que enviam uma palavra-chave para o seu número recebem a resposta na hora.
account-profile-keyword = Palavra-chave
account-profile-reply = Resposta
account-profile-reply-lang = Idioma desta resposta
account-profile-remove-reply = Remover a resposta rápida “{ $keyword }”
account-profile-add-reply = Adicionar uma resposta rápida
account-profile-save = Salvar o perfil

## Reports.

account-reports-title = Denúncias sobre seus números
account-reports-intro = O que as pessoas denunciaram sobre seus números comprovados, das mais recentes para as mais antigas. Nunca mostramos quem fez a denúncia. Denúncias sozinhas nunca tiram seu selo; quando são muitas, um revisor analisa o caso.
account-reports-count = { $count ->
    [0] Nenhuma denúncia
    [one] Uma denúncia
   *[other] { $count } denúncias
}

## Key.

account-key-title = Sua chave
account-key-replace-h = Trocar sua chave
account-key-intro = Sua chave permite que você entre aqui e que seu software use o bizseal. Troque-a se outra pessoa puder tê-la visto.
account-key-warning = A chave antiga para de funcionar na hora: em todo lugar onde ela é usada, entre novamente e atualize seu software com a nova.
account-key-button = Trocar minha chave
account-new-key-title = Sua nova chave
account-new-key-intro = Esta é sua nova chave. A antiga não funciona mais.
account-new-key-sessions = Todos os outros lugares conectados com a chave antiga foram desconectados; aqui você continua conectado.
account-key-h = Guarde esta chave em segurança
account-key-once = Guarde esta chave agora, em um lugar seguro: ela aparece só uma vez, e ninguém consegue mostrá-la de novo.
account-go = Ir para sua empresa

## One-time forms (registering, replacing the key)
form-spent = Este formulário já foi enviado, por isso nada foi feito de novo. Uma chave só é mostrada uma vez: se não a guardou, substitua-a na página Chave da sua conta.
form-stale = Este formulário é antigo demais para enviar, ou o serviço reiniciou desde que foi mostrado. Nada foi feito: verifique-o e envie-o de novo.

## The webhook page (/account/webhook)

account-nav-webhook = Webhook
account-done-webhook-saved = Seu webhook foi salvo.
account-done-webhook-removed = Seu webhook foi removido.
account-done-webhook-replayed = O evento será enviado de novo.
account-webhook-title = Seu webhook
account-webhook-h = Para onde vão seus eventos
account-webhook-intro = O bizseal envia ao seu servidor uma mensagem assinada (Standard Webhooks) sempre que algo muda para sua empresa: um número comprovado, uma decisão de análise, um selo revogado, uma suspensão. Mensagens que falham são reenviadas durante um dia.
account-webhook-current = Enviando para
account-webhook-none = Nenhum webhook definido: nada é enviado.
account-webhook-url = Endereço do webhook
account-webhook-url-hint = Um endereço https num servidor público, p. ex. https://example.com/hooks/bizseal
account-webhook-rotate = Criar um segredo novo (o antigo deixa de assinar na hora)
account-webhook-save = Salvar
account-webhook-remove = Remover o webhook
account-webhook-secret-h = Seu segredo de assinatura
account-webhook-secret-once = Guarde este segredo agora nas configurações do seu servidor: ele é mostrado uma só vez. Ele confirma que cada mensagem vem do bizseal.
account-webhook-deliveries-h = Mensagens recentes
account-webhook-deliveries-none = Nenhuma mensagem foi enviada ainda.
account-webhook-col-event = Evento
account-webhook-col-state = Estado
account-webhook-col-tries = Tentativas
account-webhook-col-result = Última resposta
account-webhook-col-time = Criado
account-webhook-col-action = Ação
account-webhook-state-pending = Aguardando
account-webhook-state-delivered = Entregue
account-webhook-state-dead = Desistido
account-webhook-replay = Enviar de novo
