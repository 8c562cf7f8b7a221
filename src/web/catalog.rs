//! Every word the pages show, in English and Spanish: one table for the
//! server-rendered HTML and the scripts alike. `{name}`-style placeholders
//! are filled in by the scripts, always as text, never as markup.
//!
//! The badge wording is for someone who has never heard of attestations:
//! "Verified business" / "Empresa verificada", and a plain warning for
//! everything else.

/// Message key → `[English, Spanish]`.
pub const MESSAGES: &[(&str, [&str; 2])] = &[
    // The shell.
    ("nav.skip", ["Skip to content", "Saltar al contenido"]),
    ("nav.label", ["Main", "Principal"]),
    ("nav.check", ["Check a number", "Comprobar un número"]),
    ("nav.apply", ["For businesses", "Para empresas"]),
    ("nav.review", ["Reviewers", "Revisión"]),
    ("lang.label", ["Language", "Idioma"]),
    (
        "site.footer",
        [
            "bizseal checks that a phone number really belongs to the business it claims to be.",
            "bizseal comprueba que un número de teléfono pertenece de verdad a la empresa que dice ser.",
        ],
    ),
    (
        "site.noscript",
        [
            "This page needs JavaScript turned on.",
            "Esta página necesita JavaScript activado.",
        ],
    ),
    // Badges and statuses.
    ("badge.verified", ["Verified business", "Empresa verificada"]),
    (
        "badge.not_verified",
        ["Not verified — be careful", "No verificado — tenga cuidado"],
    ),
    (
        "badge.suspended",
        ["Suspended — be careful", "Suspendida — tenga cuidado"],
    ),
    (
        "badge.revoked",
        [
            "Verification withdrawn — be careful",
            "Verificación retirada — tenga cuidado",
        ],
    ),
    ("status.verified", ["Verified", "Verificado"]),
    ("status.registered", ["Not verified", "No verificado"]),
    ("status.unknown", ["Unknown", "Desconocido"]),
    ("status.suspended", ["Suspended", "Suspendido"]),
    ("status.revoked", ["Withdrawn", "Retirado"]),
    // The home page.
    ("home.title", ["Is it really them?", "¿Son realmente ellos?"]),
    (
        "home.intro",
        [
            "Type a phone number to see whether it belongs to a verified business, or a name to find a business's official numbers.",
            "Escriba un número de teléfono para saber si pertenece a una empresa verificada, o un nombre para encontrar los números oficiales de una empresa.",
        ],
    ),
    (
        "home.label",
        ["Phone number or business name", "Número de teléfono o nombre de la empresa"],
    ),
    ("home.region", ["Country of the number", "País del número"]),
    (
        "home.region.intl",
        ["International (starts with +)", "Internacional (empieza por +)"],
    ),
    (
        "home.hint",
        [
            "Numbers without a leading + are read as numbers of the country chosen.",
            "Los números sin + delante se leen como números del país elegido.",
        ],
    ),
    ("home.button", ["Check", "Comprobar"]),
    ("home.checking", ["Checking…", "Comprobando…"]),
    (
        "home.verified.detail",
        [
            "This number belongs to {name}. bizseal checked who they are.",
            "Este número pertenece a {name}. bizseal ha comprobado quiénes son.",
        ],
    ),
    ("home.other_numbers", ["Other official numbers", "Otros números oficiales"]),
    ("home.see_profile", ["See the business profile", "Ver el perfil de la empresa"]),
    (
        "home.unknown.detail",
        [
            "Nobody has registered this number with bizseal. It could be anyone: do not share codes, passwords or money.",
            "Nadie ha registrado este número en bizseal. Podría ser cualquiera: no comparta códigos, contraseñas ni dinero.",
        ],
    ),
    (
        "home.registered.detail",
        [
            "This number is listed, but the identity of the business behind it has not been checked. Treat it as unverified.",
            "Este número figura en la lista, pero no se ha comprobado la identidad de la empresa. Trátelo como no verificado.",
        ],
    ),
    (
        "home.suspended.detail",
        [
            "The business behind this number has been suspended. Do not trust calls or messages from it.",
            "La empresa de este número ha sido suspendida. No confíe en sus llamadas ni mensajes.",
        ],
    ),
    (
        "home.revoked.detail",
        [
            "This number used to be verified, but its verification was withdrawn on {date}.",
            "Este número estaba verificado, pero su verificación se retiró el {date}.",
        ],
    ),
    ("home.revoked.reason", ["Reason: {reason}", "Motivo: {reason}"]),
    (
        "home.reports",
        [
            "Reported as spam or fraud {n} times in the last 30 days.",
            "Denunciado como spam o fraude {n} veces en los últimos 30 días.",
        ],
    ),
    (
        "home.invalid",
        [
            "This is not a valid phone number. Check the digits and the country.",
            "Este no es un número de teléfono válido. Revise los dígitos y el país.",
        ],
    ),
    (
        "home.keep_typing",
        [
            "Type the whole number, then press Check.",
            "Escriba el número completo y pulse Comprobar.",
        ],
    ),
    (
        "home.error",
        [
            "The check failed. Please try again in a moment.",
            "No se pudo comprobar. Inténtelo de nuevo en un momento.",
        ],
    ),
    (
        "search.unavailable",
        [
            "Search is unavailable right now. You can still check a phone number.",
            "La búsqueda no está disponible ahora mismo. Puede comprobar un número de teléfono.",
        ],
    ),
    ("search.none", ["No business found for “{q}”.", "No se encontró ninguna empresa para «{q}»."]),
    ("search.count", ["{n} businesses found", "{n} empresas encontradas"]),
    ("search.official", ["Official numbers", "Números oficiales"]),
    // The profile page.
    ("profile.legal_name", ["Legal name", "Razón social"]),
    ("profile.category", ["Category", "Categoría"]),
    ("profile.location", ["Location", "Ubicación"]),
    ("profile.website", ["Website", "Sitio web"]),
    ("profile.numbers", ["Phone numbers", "Números de teléfono"]),
    ("profile.no_numbers", ["No phone numbers listed.", "No hay números de teléfono."]),
    ("profile.names", ["Names in other languages", "Nombres en otros idiomas"]),
    ("profile.commands", ["Quick replies", "Respuestas rápidas"]),
    (
        "profile.commands.help",
        [
            "Send one of these words to the business's number to get the answer at once.",
            "Envíe una de estas palabras al número de la empresa para recibir la respuesta al momento.",
        ],
    ),
    (
        "profile.verified.detail",
        [
            "bizseal checked who this business is and that it controls the numbers marked “Verified”.",
            "bizseal ha comprobado quién es esta empresa y que controla los números marcados como «Verificado».",
        ],
    ),
    (
        "profile.registered.detail",
        [
            "This business has registered, but who it is has not been checked yet.",
            "Esta empresa se ha registrado, pero aún no se ha comprobado quién es.",
        ],
    ),
    (
        "profile.suspended.detail",
        [
            "This business has been suspended. Do not trust calls or messages from its numbers.",
            "Esta empresa ha sido suspendida. No confíe en las llamadas ni mensajes de sus números.",
        ],
    ),
    ("notfound.title", ["Not found", "No encontrado"]),
    (
        "notfound.text",
        ["There is no business at this address.", "No hay ninguna empresa en esta dirección."],
    ),
    ("error.title", ["Something went wrong", "Algo ha fallado"]),
    (
        "error.text",
        ["Please try again in a moment.", "Inténtelo de nuevo en un momento."],
    ),
    // Reports.
    ("report.title", ["Report a number", "Denunciar un número"]),
    (
        "report.intro",
        [
            "Got spam or a scam call from one of these numbers? Tell us; reviewers read every report.",
            "¿Ha recibido spam o una llamada fraudulenta de uno de estos números? Cuéntenoslo; los revisores leen todas las denuncias.",
        ],
    ),
    ("report.number", ["Number", "Número"]),
    ("report.reason", ["What happened", "Qué ocurrió"]),
    ("report.reason.spam", ["Spam", "Spam"]),
    ("report.reason.scam", ["Scam or fraud", "Estafa o fraude"]),
    (
        "report.reason.impersonation",
        [
            "Someone pretending to be this business",
            "Alguien que se hace pasar por esta empresa",
        ],
    ),
    ("report.reason.other", ["Something else", "Otra cosa"]),
    ("report.comment", ["Comment (optional)", "Comentario (opcional)"]),
    ("report.send", ["Send report", "Enviar denuncia"]),
    (
        "report.thanks",
        ["Thank you. Your report was received.", "Gracias. Hemos recibido su denuncia."],
    ),
    (
        "report.failed",
        ["The report was not sent: {detail}", "La denuncia no se envió: {detail}"],
    ),
    // The application pages.
    ("apply.title", ["Get your business verified", "Verifique su empresa"]),
    (
        "apply.intro",
        [
            "Register your business, prove with a code that you control your phone numbers, and send it for review. Once a reviewer approves, your numbers show the green badge.",
            "Registre su empresa, demuestre con un código que controla sus números de teléfono y envíela a revisión. Cuando un revisor la apruebe, sus números mostrarán la insignia verde.",
        ],
    ),
    ("apply.register.title", ["Register your business", "Registre su empresa"]),
    ("apply.legal_name", ["Legal name", "Razón social"]),
    (
        "apply.display_name",
        ["Name your customers know", "Nombre que conocen sus clientes"],
    ),
    ("apply.default_lang", ["Main language", "Idioma principal"]),
    ("apply.category", ["Category", "Categoría"]),
    ("apply.country", ["Country", "País"]),
    ("apply.city", ["City", "Ciudad"]),
    ("apply.website", ["Website (optional)", "Sitio web (opcional)"]),
    ("apply.register.button", ["Register", "Registrar"]),
    ("apply.login.title", ["Already registered?", "¿Ya se ha registrado?"]),
    ("apply.business_id", ["Business id", "Identificador de la empresa"]),
    ("apply.api_key", ["API key", "Clave de API"]),
    ("apply.login.button", ["Continue", "Continuar"]),
    (
        "apply.login.failed",
        [
            "That business id and API key do not match.",
            "El identificador y la clave de API no coinciden.",
        ],
    ),
    (
        "apply.key.notice",
        [
            "This is your API key. It is shown only once: copy it somewhere safe, you need it to come back.",
            "Esta es su clave de API. Solo se muestra una vez: cópiela en un lugar seguro, la necesitará para volver.",
        ],
    ),
    (
        "apply.key.kept",
        [
            "The key is kept in this browser tab only, until you close it.",
            "La clave se guarda solo en esta pestaña del navegador, hasta que la cierre.",
        ],
    ),
    ("apply.logout", ["Forget the key in this tab", "Olvidar la clave en esta pestaña"]),
    ("apply.registered", ["Registered: {name}", "Registrada: {name}"]),
    ("apply.status.title", ["Your verification", "Su verificación"]),
    ("apply.status.business", ["Business status", "Estado de la empresa"]),
    ("apply.status.review", ["Review", "Revisión"]),
    ("apply.refresh", ["Refresh", "Actualizar"]),
    ("apply.review.draft", ["Not sent for review yet", "Aún no enviada a revisión"]),
    ("apply.review.submitted", ["Waiting for a reviewer", "Esperando a un revisor"]),
    ("apply.review.approved", ["Approved", "Aprobada"]),
    ("apply.review.rejected", ["Rejected: {reason}", "Rechazada: {reason}"]),
    ("apply.numbers.title", ["Your phone numbers", "Sus números de teléfono"]),
    ("apply.numbers.none", ["No numbers yet.", "Aún no hay números."]),
    ("apply.number.unproven", ["Code not confirmed", "Código sin confirmar"]),
    ("apply.number.proven", ["Verified (level {level})", "Verificado (nivel {level})"]),
    ("apply.number.proven_waiting", ["Proven; public once the review approves", "Demostrado; público cuando la revisión lo apruebe"]),
    ("apply.number.disputed", ["Proven; another business holds it: the reviewers decide", "Demostrado; otra empresa lo tiene: deciden los revisores"]),
    ("apply.number.on_hold", ["On hold while the business is suspended", "En espera mientras la empresa está suspendida"]),
    ("apply.number.revoked", ["Withdrawn by a reviewer", "Retirado por un revisor"]),
    ("apply.number", ["Phone number", "Número de teléfono"]),
    ("apply.send_code", ["Send code", "Enviar código"]),
    ("apply.resend", ["Send a new code", "Enviar un código nuevo"]),
    ("apply.enter_code", ["Enter the code", "Introducir el código"]),
    (
        "apply.code_sent",
        [
            "We sent a 6-digit code to {number}. It is valid for 10 minutes.",
            "Hemos enviado un código de 6 cifras al {number}. Es válido durante 10 minutos.",
        ],
    ),
    ("apply.code", ["Code for {number}", "Código para el {number}"]),
    ("apply.confirm", ["Confirm", "Confirmar"]),
    ("apply.proven", ["{number} is proven.", "El {number} queda demostrado."]),
    ("apply.domain.title", ["Your web domain (optional)", "Su dominio web (opcional)"]),
    (
        "apply.domain.intro",
        [
            "Proving your domain helps the reviewer see that you are who you say.",
            "Demostrar su dominio ayuda al revisor a ver que es quien dice ser.",
        ],
    ),
    ("apply.domain", ["Domain", "Dominio"]),
    ("apply.domain.start", ["Get the challenge", "Obtener el reto"]),
    ("apply.domain.check", ["Check now", "Comprobar ahora"]),
    (
        "apply.domain.publish",
        [
            "Publish this text at this address, then press “Check now”:",
            "Publique este texto en esta dirección y pulse «Comprobar ahora»:",
        ],
    ),
    (
        "apply.domain.dns",
        ["Or as a DNS TXT record named:", "O como registro DNS TXT con el nombre:"],
    ),
    ("apply.domain.ok", ["Domain {domain} is proven.", "El dominio {domain} queda demostrado."]),
    (
        "apply.domain.pending",
        ["Domain {domain} is not proven yet.", "El dominio {domain} aún no está demostrado."],
    ),
    (
        "apply.domain.failed",
        ["Not proven yet ({reason}).", "Aún no demostrado ({reason})."],
    ),
    ("apply.submit.title", ["Send for review", "Enviar a revisión"]),
    (
        "apply.submit.intro",
        [
            "When your numbers are proven, send your business to the reviewers.",
            "Cuando sus números estén demostrados, envíe su empresa a los revisores.",
        ],
    ),
    ("apply.submit.button", ["Send for review", "Enviar a revisión"]),
    ("apply.problem", ["Please check: {detail}", "Revise: {detail}"]),
    // The review page.
    ("review.title", ["Review queue", "Cola de revisión"]),
    (
        "review.intro",
        [
            "Paste your reviewer token to see the businesses waiting for a decision.",
            "Pegue su token de revisor para ver las empresas que esperan una decisión.",
        ],
    ),
    ("review.token", ["Reviewer token", "Token de revisor"]),
    ("review.load", ["Open the queue", "Abrir la cola"]),
    ("review.forget", ["Forget the token", "Olvidar el token"]),
    ("review.reload", ["Reload the queue", "Recargar la cola"]),
    ("review.empty", ["Nothing waits for review.", "No hay nada pendiente de revisión."]),
    (
        "review.unauthorized",
        ["That reviewer token was not accepted.", "No se aceptó ese token de revisor."],
    ),
    ("review.count", ["{n} waiting", "{n} en espera"]),
    ("review.queued", ["Waiting since {date}", "En espera desde el {date}"]),
    ("review.numbers", ["Numbers", "Números"]),
    ("review.proof", ["proven by {method} on {date}", "demostrado por {method} el {date}"]),
    ("review.level", ["level {level}", "nivel {level}"]),
    ("review.method.otp", ["one-time code", "código de un solo uso"]),
    ("review.method.import", ["import", "importación"]),
    ("review.no_proof", ["not proven", "no demostrado"]),
    ("review.revoked", ["withdrawn", "retirado"]),
    (
        "review.reports",
        [
            "{n} reports from {m} people in 30 days",
            "{n} denuncias de {m} personas en 30 días",
        ],
    ),
    ("review.domain.ok", ["Domain {domain}: proven", "Dominio {domain}: demostrado"]),
    ("review.domain.no", ["Domain {domain}: not proven", "Dominio {domain}: no demostrado"]),
    ("review.domain.none", ["No domain given", "Sin dominio"]),
    (
        "review.warning",
        [
            "“{name}” looks like “{other}”, another business. Check it is not an impersonation.",
            "«{name}» se parece a «{other}», otra empresa. Compruebe que no es una suplantación.",
        ],
    ),
    (
        "review.warning.mixed_script",
        [
            "“{name}” mixes alphabets inside a word, as look-alikes do.",
            "«{name}» mezcla alfabetos dentro de una palabra, como hacen las imitaciones.",
        ],
    ),
    (
        "review.warning.website_outside_domain",
        [
            "The website {name} is not on the proven domain.",
            "El sitio web {name} no está en el dominio demostrado.",
        ],
    ),
    (
        "review.pending_names",
        ["Asks to change its name to: {names}", "Pide cambiar su nombre a: {names}"],
    ),
    ("review.flag", ["Flagged: {reason}", "Señalada: {reason}"]),
    ("review.note", ["Note (optional)", "Nota (opcional)"]),
    ("review.approve", ["Approve", "Aprobar"]),
    ("review.reason", ["Reason for rejecting", "Motivo del rechazo"]),
    ("review.reject", ["Reject", "Rechazar"]),
    (
        "review.reason_needed",
        ["Write a reason to reject.", "Escriba un motivo para rechazar."],
    ),
    ("review.approved", ["Approved: {name}", "Aprobada: {name}"]),
    ("review.rejected", ["Rejected: {name}", "Rechazada: {name}"]),
    ("review.failed", ["Not done: {detail}", "No se hizo: {detail}"]),
];

/// Countries offered for national numbers and applications: ISO 3166-1
/// alpha-2 → `[English, Spanish]`. The demo data's countries, the
/// Spanish-speaking world, and the largest others.
pub const REGIONS: &[(&str, [&str; 2])] = &[
    ("AE", ["United Arab Emirates", "Emiratos Árabes Unidos"]),
    ("AR", ["Argentina", "Argentina"]),
    ("AT", ["Austria", "Austria"]),
    ("AU", ["Australia", "Australia"]),
    ("BE", ["Belgium", "Bélgica"]),
    ("BO", ["Bolivia", "Bolivia"]),
    ("BR", ["Brazil", "Brasil"]),
    ("CA", ["Canada", "Canadá"]),
    ("CH", ["Switzerland", "Suiza"]),
    ("CL", ["Chile", "Chile"]),
    ("CN", ["China", "China"]),
    ("CO", ["Colombia", "Colombia"]),
    ("CR", ["Costa Rica", "Costa Rica"]),
    ("CU", ["Cuba", "Cuba"]),
    ("DE", ["Germany", "Alemania"]),
    ("DO", ["Dominican Republic", "República Dominicana"]),
    ("EC", ["Ecuador", "Ecuador"]),
    ("ES", ["Spain", "España"]),
    ("FR", ["France", "Francia"]),
    ("GB", ["United Kingdom", "Reino Unido"]),
    ("GQ", ["Equatorial Guinea", "Guinea Ecuatorial"]),
    ("GT", ["Guatemala", "Guatemala"]),
    ("HN", ["Honduras", "Honduras"]),
    ("IE", ["Ireland", "Irlanda"]),
    ("IN", ["India", "India"]),
    ("IT", ["Italy", "Italia"]),
    ("JP", ["Japan", "Japón"]),
    ("MX", ["Mexico", "México"]),
    ("NI", ["Nicaragua", "Nicaragua"]),
    ("NL", ["Netherlands", "Países Bajos"]),
    ("PA", ["Panama", "Panamá"]),
    ("PE", ["Peru", "Perú"]),
    ("PL", ["Poland", "Polonia"]),
    ("PR", ["Puerto Rico", "Puerto Rico"]),
    ("PT", ["Portugal", "Portugal"]),
    ("PY", ["Paraguay", "Paraguay"]),
    ("SA", ["Saudi Arabia", "Arabia Saudí"]),
    ("SV", ["El Salvador", "El Salvador"]),
    ("TR", ["Türkiye", "Turquía"]),
    ("US", ["United States", "Estados Unidos"]),
    ("UY", ["Uruguay", "Uruguay"]),
    ("VE", ["Venezuela", "Venezuela"]),
];

/// Business categories the application form offers, as slugs the API
/// accepts, → `[English, Spanish]`.
pub const CATEGORIES: &[(&str, [&str; 2])] = &[
    ("airline", ["Airline", "Aerolínea"]),
    ("bank", ["Bank", "Banco"]),
    ("ecommerce", ["Online shop", "Tienda online"]),
    ("government", ["Government", "Administración pública"]),
    ("healthcare", ["Health care", "Salud"]),
    ("insurance", ["Insurance", "Seguros"]),
    (
        "logistics",
        ["Delivery and logistics", "Envíos y logística"],
    ),
    ("restaurant", ["Restaurant", "Restaurante"]),
    ("retail", ["Shop", "Comercio"]),
    ("telecom", ["Telecom", "Telecomunicaciones"]),
    ("travel", ["Travel", "Viajes"]),
    ("utility", ["Energy and water", "Energía y agua"]),
    ("other", ["Other", "Otra"]),
];
