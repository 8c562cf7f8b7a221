# Las páginas de la propia empresa: solicitar (/apply), entrar y llevar la
# empresa (/account y sus páginas). Para el dueño de una tienda, no para un
# ingeniero; siempre de «usted».

## Solicitar.

apply-title = Verifique su empresa
apply-intro = Registre su empresa, demuestre con un código que controla sus números de teléfono y envíela a revisión. Cuando un revisor la apruebe, sus números mostrarán la insignia verde.
apply-have-key = ¿Ya se ha registrado?
apply-sign-in = Entre con su clave
apply-form-h = Sobre su empresa
apply-legal-name = Razón social
apply-legal-name-hint = Tal como figura en el registro mercantil.
apply-name = Nombre que conocen sus clientes
apply-name-hint = Más adelante puede añadir el nombre en otros idiomas.
apply-name-lang = Idioma de ese nombre
apply-default-lang = Idioma principal
apply-default-lang-hint = Sus clientes ven su nombre en su propio idioma cuando usted tiene uno en él; si no, en el idioma principal. El idioma principal necesita un nombre.
apply-category = Categoría
apply-category-choose = Elija una categoría
apply-country = País
apply-city = Ciudad (opcional)
apply-website = Sitio web (opcional)
apply-website-hint = Por ejemplo example.com; si no lo escribe, añadimos https://.
apply-button = Registrar
apply-done-title = Su empresa está registrada
apply-done-intro = Su empresa está registrada. Abajo tiene su identificador y su clave: con la clave entra aquí, y su software la usa para trabajar con bizseal.

## Entrar y salir.

account-sign-in-title = Entrar
account-sign-in-intro = Pegue la clave que recibió al registrarse.
account-api-key = Su clave
account-sign-in-button = Entrar
account-no-key = ¿Aún no se ha registrado?
account-apply-link = Registre su empresa
account-sign-out = Salir
account-nav-label = Su empresa
account-nav-status = Estado y números
account-nav-profile = Perfil
account-nav-reports = Denuncias
account-nav-key = Clave

## Lo que acaba de pasar, arriba en la página.

account-done-code-sent = Le hemos enviado un código de 6 cifras por SMS. Es válido durante 10 minutos.
account-done-number-proven = El número queda demostrado.
account-done-number-removed = El número se ha quitado.
account-done-domain-started = Ahora publique el código de abajo y pulse «Comprobar ahora».
account-done-domain-proven = Su dominio queda demostrado.
account-done-submitted = Su empresa se ha enviado a revisión.
account-done-profile-saved = El perfil se ha guardado.
account-done-profile-pending = Sus cambios se han guardado y esperan a un revisor. Hasta entonces, el público ve el perfil como estaba.
account-done-signed-out = Ha salido de su cuenta.
account-refused = No se ha hecho.
account-forbidden-title = Este formulario ha caducado
account-forbidden-text = No se ha cambiado nada. Vuelva atrás, recargue la página e inténtelo de nuevo.

## Estado.

account-title = Su empresa
account-business-id = Identificador de la empresa
account-status-h = Dónde está
account-status-business = Estado
account-status-registered = Registrada, aún sin verificar
account-status-verified = Verificada
account-status-suspended = Suspendida
account-status-review = Revisión
account-review-draft = Aún no enviada a revisión
account-review-submitted = Esperando a un revisor
account-review-approved = Aprobada
account-review-rejected = Rechazada
account-review-reason = El motivo del revisor
account-flag = Por qué los revisores miran su empresa
account-next-h = Qué hacer ahora:
account-next-add-number = Añada abajo un número de teléfono de su empresa; le enviaremos un código.
account-next-send-code = Pida abajo un código para uno de sus números.
account-next-enter-code = Introduzca abajo el código que enviamos a su número.
account-next-submit = Envíe su empresa a revisión (al final de esta página).
account-next-wait = Nada por ahora: un revisor mirará su empresa.
account-next-rejected = Corrija lo que señaló el revisor y vuelva a enviar su empresa a revisión.
account-next-verified = Nada: su empresa está verificada.
account-next-verified-prove = Demuestre sus números nuevos con sus códigos: recibirán la insignia enseguida.
account-next-edit-waits = Nada: los cambios de su perfil esperan a un revisor.
account-next-suspended = Su empresa está suspendida. Sus números muestran un aviso hasta que un revisor levante la suspensión.
account-edit-pending-link = Ver los cambios que esperan revisión

## Números.

account-numbers-h = Sus números de teléfono
account-numbers-none = Aún no hay números.
account-number-unproven = Aún sin demostrar
account-number-proven = Demostrado; público cuando la revisión lo apruebe
account-number-disputed = Demostrado; otra empresa lo tiene, así que deciden los revisores
account-number-locked = Bloqueado tras demasiados códigos erróneos
account-number-attested = Verificado (nivel { $level })
account-number-on-hold = En espera mientras la empresa está suspendida
account-number-revoked = Retirado por un revisor
account-number-locked-until = Podrá intentarlo de nuevo después de las { $time }.
account-code-label = Código enviado al { $number }
account-code-hint = Las 6 cifras del SMS.
account-confirm = Confirmar
account-code-wrong = { $left ->
    [0] Ese código no es correcto y ya no se puede usar. Pida uno nuevo.
    [one] Ese código no es correcto. Le queda un intento más.
   *[other] Ese código no es correcto. Le quedan { $left } intentos más.
}
account-send-code = Enviar un código
account-resend = Enviar un código nuevo
account-remove = Quitar
account-add-h = Añadir un número
account-add-number = Número de teléfono
account-add-hint = Le enviamos un código por SMS. Los números sin + delante se leen como números del país de abajo.
account-add-region = País del número
account-add-button = Añadir y enviar un código

## Dominio.

account-domain-h = Su dominio web (opcional)
account-domain-intro = Demostrar que controla el dominio de su sitio web sube sus números al nivel A.
account-domain-open = Para demostrar { $domain }, publique el código de una de estas dos maneras y pulse «Comprobar ahora».
account-domain-dns-h = Como registro DNS
account-domain-dns-name = Nombre del registro TXT
account-domain-dns-value = Valor del registro TXT
account-domain-http-h = O en su sitio web
account-domain-http-url = Dirección
account-domain-http-body = Su contenido, exactamente
account-domain-check = Comprobar ahora
account-domain-proven = { $domain } queda demostrado.
account-domain-other-h = Usar otro dominio
account-domain-restart-hint = Si empieza de nuevo, la demostración actual se retira hasta que se compruebe la nueva.
account-domain-label = Dominio
account-domain-hint = Por ejemplo example.com, sin http:// ni ruta.
account-domain-start = Obtener el código
account-check-ok = El dominio queda demostrado.
account-check-txt-missing = Aún no hay ningún registro TXT con ese nombre. Los cambios de DNS pueden tardar en verse: inténtelo más tarde.
account-check-txt-mismatch = Hay un registro TXT, pero no contiene el código. Copie el valor exactamente.
account-check-dns-failed = La consulta DNS ha fallado. Inténtelo de nuevo en un momento.
account-check-dns-timeout = La consulta DNS ha tardado demasiado. Inténtelo de nuevo en un momento.
account-check-unresolvable = No se ha encontrado la dirección de su sitio web.
account-check-private-address = Su dominio apunta a una dirección privada, que no visitamos.
account-check-connect-failed = No se ha podido acceder a su sitio web.
account-check-redirect = La dirección redirige a otra. El código debe estar exactamente en esa dirección.
account-check-http-status = Su sitio web respondió con un error en lugar del código.
account-check-too-large = Su sitio web respondió con demasiado contenido: la página debe contener solo el código.
account-check-token-mismatch = Su sitio web respondió, pero no con el código. Cópielo exactamente.

## Revisión.

account-submit-h = Enviar a revisión
account-submit-intro = Cuando tenga al menos un número demostrado, envíe su empresa a los revisores. Comprueban quién es usted; puede tardar unos días.
account-submit-button = Enviar a revisión

## Perfil.

account-profile-title = Su perfil
account-profile-pending = Hay cambios que esperan a un revisor; este formulario los muestra. Hasta que un revisor los apruebe, el público ve su perfil como estaba.
account-profile-reviewed = Su empresa está verificada, así que los cambios esperan a un revisor antes de que el público los vea.
account-profile-basics = Lo básico
account-profile-website-hint = Déjelo vacío para no mostrar sitio web. Si no escribe https://, lo añadimos.
account-profile-logo = Dirección del logotipo (opcional)
account-profile-logo-hint = La dirección de una imagen de su sitio web. Déjela vacía si no quiere logotipo.
account-profile-names = Su nombre en cada idioma
account-profile-name-in = Nombre en { $lang }
account-profile-remove-name = Quitar el nombre en { $lang }
account-profile-add-name = Añadir el nombre en otro idioma
account-profile-new-name-lang = Idioma del nombre nuevo
account-profile-new-name = Nombre nuevo
account-profile-descriptions = Descripción
account-profile-description-in = Descripción en { $lang }
account-profile-remove-description = Quitar la descripción en { $lang }
account-profile-add-description = Añadir una descripción en otro idioma
account-profile-new-description-lang = Idioma de la descripción nueva
account-profile-new-description = Descripción nueva
account-profile-commands = Respuestas rápidas
account-profile-commands-hint = Quien envíe una palabra clave a su número recibe la respuesta al instante.
account-profile-keyword = Palabra clave
account-profile-reply = Respuesta
account-profile-reply-lang = Idioma de esta respuesta
account-profile-remove-reply = Quitar la respuesta rápida «{ $keyword }»
account-profile-add-reply = Añadir una respuesta rápida
account-profile-save = Guardar el perfil

## Denuncias.

account-reports-title = Denuncias sobre sus números
account-reports-intro = Lo que la gente ha denunciado sobre sus números demostrados, de lo más reciente a lo más antiguo. Nunca mostramos quién denunció. Las denuncias por sí solas nunca le quitan la insignia; muchas hacen que intervenga un revisor.
account-reports-count = { $count ->
    [0] Ninguna denuncia
    [one] Una denuncia
   *[other] { $count } denuncias
}

## Clave.

account-key-title = Su clave
account-key-replace-h = Cambiar su clave
account-key-intro = Su clave le permite entrar aquí y que su software use bizseal. Cámbiela si alguien más ha podido verla.
account-key-warning = La clave antigua deja de funcionar enseguida: allí donde la use, vuelva a entrar y ponga la nueva en su software.
account-key-button = Cambiar mi clave
account-new-key-title = Su clave nueva
account-new-key-intro = Esta es su clave nueva. La antigua ya no funciona.
account-new-key-sessions = Se ha cerrado la sesión en todos los demás sitios donde se entró con la clave antigua; aquí sigue dentro.
account-key-h = Guarde bien esta clave
account-key-once = Guarde esta clave ahora en un lugar seguro: solo se muestra una vez y nadie puede volver a mostrarla.
account-go = Ir a su empresa

## One-time forms (registering, replacing the key)
form-spent = Este formulario ya se envió, así que no se ha vuelto a hacer nada. Una clave se muestra una sola vez: si no la guardó, sustitúyala en la página Clave de su cuenta.
form-stale = Este formulario es demasiado antiguo para enviarlo, o el servicio se reinició desde que se mostró. No se ha hecho nada: revíselo y envíelo de nuevo.

## The webhook page (/account/webhook)

account-nav-webhook = Webhook
account-done-webhook-saved = Su webhook está guardado.
account-done-webhook-removed = Su webhook se ha quitado.
account-done-webhook-replayed = El evento se enviará de nuevo.
account-webhook-title = Su webhook
account-webhook-h = Adónde van sus eventos
account-webhook-intro = bizseal envía a su servidor un mensaje firmado (Standard Webhooks) cada vez que algo cambia para su empresa: un número comprobado, una revisión decidida, una insignia revocada, una suspensión. Los mensajes fallidos se reintentan durante un día.
account-webhook-current = Se envía a
account-webhook-none = No hay webhook: no se envía nada.
account-webhook-url = Dirección del webhook
account-webhook-url-hint = Una dirección https en un servidor público, p. ej. https://example.com/hooks/bizseal
account-webhook-rotate = Crear un secreto nuevo (el anterior deja de firmar en el acto)
account-webhook-save = Guardar
account-webhook-remove = Quitar el webhook
account-webhook-secret-h = Su secreto de firma
account-webhook-secret-once = Guarde ahora este secreto en la configuración de su servidor: solo se muestra una vez. Sirve para comprobar que cada mensaje viene de bizseal.
account-webhook-deliveries-h = Mensajes recientes
account-webhook-deliveries-none = Aún no se ha enviado ningún mensaje.
account-webhook-col-event = Evento
account-webhook-col-state = Estado
account-webhook-col-tries = Intentos
account-webhook-col-result = Última respuesta
account-webhook-col-time = Creado
account-webhook-col-action = Acción
account-webhook-state-pending = En espera
account-webhook-state-delivered = Entregado
account-webhook-state-dead = Abandonado
account-webhook-replay = Enviar de nuevo
