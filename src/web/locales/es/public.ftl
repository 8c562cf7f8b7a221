# Las páginas públicas: comprobar un número, buscar, perfiles, denuncias.

home-title = ¿Son realmente ellos?
home-intro = Escriba un número de teléfono para saber si pertenece a una empresa verificada, o un nombre para encontrar los números oficiales de una empresa.
home-label = Número de teléfono o nombre de la empresa
home-region = País del número
home-region-intl = Internacional (empieza por +)
home-hint = Los números sin + delante se leen como números del país elegido.
home-button = Comprobar
home-result = Resultado
home-belongs = Este número pertenece a
badge-verified-detail = bizseal ha comprobado quién es esta empresa y que controla este número.
badge-registered-detail = Este número figura en la lista, pero no se ha comprobado la identidad de la empresa. Trátelo como no verificado.
badge-unknown-detail = Nadie ha registrado este número en bizseal. Podría ser cualquiera: no comparta códigos, contraseñas ni dinero.
badge-suspended-detail = La empresa de este número ha sido suspendida. No confíe en sus llamadas ni mensajes.
badge-revoked-detail = Este número estaba verificado, pero su verificación se retiró.
home-revoked-on = Retirada el { $date }.
home-revoked-reason = Motivo: { $reason }
home-reports = { $count ->
    [one] Denunciado como spam o fraude una vez en los últimos 30 días.
   *[other] Denunciado como spam o fraude { $count } veces en los últimos 30 días.
}
home-see-profile = Ver el perfil de la empresa
home-invalid = Este no es un número de teléfono válido y ninguna empresa coincide. Revise los dígitos y el país.
home-too-long = Es demasiado largo para ser un número o un nombre.
home-error = No se pudo comprobar. Inténtelo de nuevo en un momento.

search-count = { $count ->
    [one] Una empresa encontrada
   *[other] { $count } empresas encontradas
}
search-none = No se encontró ninguna empresa para «{ $query }».
search-unavailable = La búsqueda no está disponible ahora mismo. Puede comprobar un número de teléfono.
search-official = Números oficiales
search-report = Denunciar uno de sus números

profile-legal-name = Razón social
profile-category = Categoría
profile-location = Ubicación
profile-website = Sitio web
profile-numbers = Números de teléfono
profile-no-numbers = No hay números de teléfono.
profile-names = Nombres en otros idiomas
profile-commands = Respuestas rápidas
profile-commands-help = Envíe una de estas palabras al número de la empresa para recibir la respuesta al momento.
profile-commands-other = Respuestas rápidas en otros idiomas
profile-logo = Logotipo de { $name }
profile-verified-detail = bizseal ha comprobado quién es esta empresa y que controla los números marcados como «Verificado».
profile-no-numbers-detail = bizseal ha comprobado quién es esta empresa, pero ahora mismo ninguno de sus números está verificado. Tenga cuidado con llamadas y mensajes.
profile-registered-detail = Esta empresa se ha registrado, pero aún no se ha comprobado quién es.
profile-suspended-detail = Esta empresa ha sido suspendida. No confíe en las llamadas ni mensajes de sus números.

report-title = Denunciar un número
report-intro = ¿Ha recibido spam o una llamada fraudulenta de uno de estos números? Cuéntenoslo; los revisores leen todas las denuncias.
report-open = Denunciar este número
report-this-number = Denunciar el { $number }
report-number = Número
report-reason = Qué ocurrió
report-reason-spam = Spam
report-reason-scam = Estafa o fraude
report-reason-impersonation = Alguien que se hace pasar por una empresa
report-reason-other = Otra cosa
report-comment = Comentario (opcional)
report-next = Su denuncia es anónima. Cuando varias personas denuncian el mismo número, un revisor lo examina.
report-send = Enviar denuncia
report-thanks = Gracias. Hemos recibido su denuncia.
report-what-next = Las denuncias se cuentan durante 30 días. Cuando varias personas distintas denuncian el mismo número, pasa a un revisor, que puede suspender a la empresa. Una denuncia sola nunca retira una insignia, así que nadie puede quitarla solo con denunciar.
report-check-again = Volver a comprobar el número
report-too-many = Ha enviado muchas denuncias en poco tiempo. Espere un poco y vuelva a intentarlo.
report-comment-too-long = El comentario es demasiado largo: como máximo 1000 caracteres.
report-bad-number = Ese no es un número de teléfono que se pueda denunciar.
report-incomplete = A la denuncia le faltaba un número o un motivo.
report-failed = No se pudo enviar la denuncia. Inténtelo de nuevo en un momento.
