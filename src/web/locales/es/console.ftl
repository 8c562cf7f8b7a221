# La consola de los revisores (/console).

console-sign-in-title = Acceso de revisores
console-token = Token de revisor
console-token-hint = El token que le dio un operador (bizseal reviewer create). En un ordenador compartido, cierre la sesión al terminar.
console-sign-in = Entrar
console-wrong-token = Ese token no es correcto. Revíselo e inténtelo de nuevo.
console-locked-out = { $minutes ->
    [one] Han llegado demasiados tokens incorrectos desde su red. Inténtelo de nuevo dentro de un minuto.
   *[other] Han llegado demasiados tokens incorrectos desde su red. Inténtelo de nuevo dentro de { $minutes } minutos.
}
console-signed-out = Ha cerrado la sesión.

console-nav-label = Consola
console-nav-queue = Cola de revisión
console-nav-business = Empresa o número
console-nav-audit = Registro de auditoría
console-nav-outbox = Buzón de códigos
console-signed-in-as = Sesión de { $name }
console-sign-out = Cerrar sesión

console-forged-title = Formulario rechazado
console-forged-text = Este formulario no llevaba el código de seguridad de esta sesión, así que no se ha hecho nada. Vuelva a abrir la página desde la consola y envíe el formulario desde allí.
console-back-to-queue = Volver a la cola de revisión

console-done-approved = Aprobado. Una solicitud deja la empresa verificada y sus números comprobados llevan la insignia; un cambio de perfil ya es público.
console-done-rejected = Rechazado. La empresa verá su motivo; no ha cambiado nada público.
console-done-dismissed = Aviso descartado. Las denuncias siguen contando; la empresa ha salido de la cola.
console-done-suspended = Suspendida. Se han retirado todas las insignias de la empresa hasta que se reactive.
console-done-reinstated = Reactivada. Los números de una empresa verificada vuelven a llevar la insignia, con tokens nuevos.
console-done-revoked = Insignia retirada. El token del número está revocado y las consultas lo indican.
console-done-released = Número liberado de esta empresa. Cualquier insignia que tuviera está revocada.
console-done-unlocked = Bloqueo levantado. La empresa puede volver a introducir códigos para este número.
console-done-nothing-locked = No había nada que desbloquear: el número no estaba bloqueado para esta empresa.

console-queue-title = Cola de revisión
console-queue-count = { $count ->
    [0] No hay nada pendiente de decisión.
    [one] Una empresa espera una decisión; las más antiguas primero.
   *[other] { $count } empresas esperan una decisión; las más antiguas primero.
}
console-queue-more = Solo se muestran las más antiguas: decida sobre ellas para ver el resto.
console-kind-submission = Solicitud
console-kind-edit = Cambio de perfil
console-kind-flag = Con aviso
console-legal-name = Razón social
console-names = Nombres
console-about = Categoría, lugar, estado
console-id = Identificador
console-queued = Esperando desde
console-flag = Aviso
console-evidence = Pruebas
console-numbers = Números de teléfono
console-no-numbers = No tiene números de teléfono.
console-number = Número
console-state = Estado
console-proof = Comprobado con
console-reports = Denuncias (30 días)
console-reports-count = { $reports ->
    [0] Ninguna
    [one] Una denuncia ({ $reporters ->
        [one] una red
       *[other] { $reporters } redes
    })
   *[other] { $reports } denuncias ({ $reporters ->
        [one] una red
       *[other] { $reporters } redes
    })
}
console-level = nivel { $level }
console-held-by-other = Lo tiene otra empresa
console-not-proven = Sin comprobar
console-proof-otp = Código de un solo uso
console-proof-import = Importado de un registro verificado
console-domain = Dominio
console-domain-proven = Dominio { $domain } comprobado el { $date }.
console-domain-unproven = Dominio { $domain } indicado, sin comprobar.
console-no-domain = Sin dominio: como mucho nivel B.
console-warnings = Advertencias
console-warning-confusable = «{ $name }» se parece a «{ $similar }», una empresa verificada.
console-warning-brand = «{ $name }» contiene el nombre de «{ $similar }», una empresa verificada.
console-warning-mixed-script = «{ $name }» mezcla alfabetos en una palabra, un truco habitual para imitar un nombre.
console-warning-website = La web { $name } no está en el dominio comprobado.
console-see-business = Ver esa empresa
console-changes = Cambios propuestos
console-field = Campo
console-before = Ahora
console-after = Propuesto
console-none = (nada)
console-field-legal-name = Razón social
console-field-names = Nombres
console-field-default-lang = Idioma principal
console-field-category = Categoría
console-field-city = Ciudad
console-field-website = Web
console-field-description = Descripción
console-field-logo-url = Logotipo
console-field-commands = Respuestas rápidas
console-field-other = Otro campo
console-decision = Decisión

console-note = Nota (opcional)
console-reason = Motivo (obligatorio)
console-approve = Aprobar
console-approve-explain = Aprobar: una solicitud deja la empresa verificada y da la insignia a cada número comprobado (nivel A con el dominio comprobado, si no B); un cambio de perfil se hace público.
console-reject = Rechazar
console-reject-explain = Rechazar: la empresa verá su motivo y podrá volver a solicitarlo más adelante. No cambia nada público; para retirar una empresa verificada, suspéndala.
console-dismiss = Descartar el aviso
console-dismiss-explain = Descartar: la empresa sale de la cola; sus denuncias siguen contando y pueden volver a ponerla en ella.
console-suspend = Suspender
console-suspend-explain = Suspender: se retiran a la vez todas las insignias de esta empresa y sus números aparecen como suspendidos hasta que un revisor la reactive.
console-reinstate = Reactivar
console-reinstate-explain = Reactivar: termina la suspensión; una empresa verificada recibe tokens nuevos para sus números (los antiguos siguen revocados).
console-revoke = Retirar la insignia
console-revoke-explain = Retirar la insignia: se revoca el token de este número y las consultas muestran la verificación como retirada, con su motivo. Después solo una liberación deja libre el número.
console-release = Liberar el número
console-release-explain = Liberar: el número sale de la lista de esta empresa y se revoca cualquier insignia; otra empresa revisada que lo haya comprobado se queda con él.
console-unlock = Levantar el bloqueo
console-unlock-explain = Levantar el bloqueo: la empresa puede volver a introducir códigos para este número (se bloqueó tras demasiados códigos incorrectos).

console-business-title = Empresa o número
console-find-label = Identificador de empresa o número de teléfono
console-find-hint = Un identificador de empresa (b_…) o un número en formato internacional (+…).
console-find = Buscar
console-find-unreadable = Eso no es ni un identificador de empresa ni un número de teléfono en formato internacional.
console-find-no-business = Ninguna empresa tiene ese identificador.
console-find-unlisted = Ninguna empresa tiene el número { $number }.
console-parties = Empresas que tienen el número { $number }
console-review = Revisión
console-review-draft = Aún no enviada a revisión
console-review-submitted = Esperando a un revisor
console-review-approved = Aprobada
console-review-rejected = Rechazada
console-review-other = Desconocido
console-status-verified = Verificada
console-status-registered = Sin verificar
console-status-suspended = Suspendida
console-in-queue = Está esperando en la cola de revisión.
console-public-profile = Perfil público
console-locked-until = bloqueado por códigos incorrectos hasta el { $date }
console-number-attested = Lleva la insignia
console-number-on-hold = En pausa (empresa suspendida)
console-number-revoked = Insignia retirada
console-number-unproven = Sin comprobar
console-number-proven = Comprobado, pendiente de revisión
console-number-disputed = Comprobado, pero lo tiene otra empresa
console-number-locked = Bloqueado por códigos incorrectos
console-number-other = Estado desconocido
console-business-decision = La empresa
console-history = Últimas entradas de auditoría
console-whole-history = Todo el registro de auditoría de esta empresa

console-audit-title = Registro de auditoría
console-audit-of = Solo la empresa { $business }.
console-audit-all = Mostrar todo
console-audit-empty = No hay entradas.
console-when = Cuándo
console-who = Quién
console-what = Qué
console-business = Empresa
console-detail = Detalle
console-pages = Páginas
console-newest = Entradas más recientes
console-older = Entradas anteriores
console-did-registered = Se registró
console-did-submitted = Envió la solicitud a revisión
console-did-submission-withdrawn = Retiró la solicitud
console-did-deleted = Eliminó la empresa
console-did-profile-edited = Modificó el perfil
console-did-edit-submitted = Envió un cambio de perfil a revisión
console-did-edit-withdrawn = Retiró un cambio de perfil
console-did-domain-challenge = Empezó la comprobación del dominio
console-did-domain-proven = Comprobó el dominio
console-did-code-sent = Recibió un código de un solo uso
console-did-number-proven = Comprobó un número
console-did-number-removed = Quitó un número
console-did-number-disputed = Comprobó un número que tiene otra empresa
console-did-number-taken-over = Se quedó con un número liberado
console-did-flagged = Pasó a revisión por un aviso
console-did-approved = Aprobó la solicitud o el cambio
console-did-rejected = Rechazó la solicitud o el cambio
console-did-flag-dismissed = Descartó el aviso
console-did-suspended = Suspendió la empresa
console-did-reinstated = Reactivó la empresa
console-did-number-revoked = Retiró la insignia de un número
console-did-number-released = Liberó un número
console-did-number-unlocked = Levantó el bloqueo de un número
console-did-key-rotated = Cambió la clave de firma
console-did-reviewer-created = Añadió un revisor
console-did-admin-created = Añadió un revisor administrador
console-did-reviewer-removed = Quitó un revisor
console-did-reviewer-lockout = Bloqueó una red tras tokens de revisor incorrectos
console-did-country-breaker = Frenó los códigos a un país

console-outbox-title = Buzón de códigos
console-outbox-intro = Los códigos de un solo uso llegan a este buzón en lugar de a una pasarela de SMS (el envío al registro). Lea un código solo a la persona que lo pidió, en el número al que se envió.
console-outbox-empty = Aún no se ha enviado ningún código.
console-code = Código
console-language = Idioma
