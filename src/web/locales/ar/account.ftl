# A business's own pages: applying (/apply), signing in, and running the
# business (/account and the pages under it). Written for a small shop
# owner, not an engineer: no "API", "E.164" or "HTTP" where words will do.

## Applying.

apply-title = احصل على توثيق شركتك
apply-intro = سجّل شركتك، وأثبت برمز أنك تتحكم في أرقام هواتفك، ثم أرسلها للمراجعة. بعد موافقة أحد المراجعين، ستظهر الشارة الخضراء على أرقامك.
apply-have-key = هل سجّلت من قبل؟
apply-sign-in = سجّل الدخول بمفتاحك
apply-form-h = عن شركتك
apply-legal-name = الاسم القانوني
apply-legal-name-hint = كما يظهر في السجل التجاري.
apply-name = الاسم الذي يعرفه عملاؤك
apply-name-hint = يمكنك إضافة الاسم بلغات أخرى لاحقًا.
apply-name-lang = لغة هذا الاسم
apply-default-lang = اللغة الرئيسية
apply-default-lang-hint = يرى العملاء اسمك بلغتهم إذا كان لديك اسم بها، وإلا فباللغة الرئيسية. يجب أن يكون لك اسم باللغة الرئيسية.
apply-category = الفئة
apply-category-choose = اختر فئة
apply-country = الدولة
apply-city = المدينة (اختياري)
apply-website = الموقع الإلكتروني (اختياري)
apply-website-hint = مثلًا example.com؛ وإذا لم تكتب https:// فسنضيفه نحن.
apply-button = تسجيل
apply-done-title = تم تسجيل شركتك
apply-done-intro = تم تسجيل شركتك. تجد أدناه معرّفها ومفتاحها: بالمفتاح تسجّل الدخول هنا، ويستخدمه برنامجك للعمل مع bizseal.

## Signing in and out.

account-sign-in-title = تسجيل الدخول
account-sign-in-intro = الصق المفتاح الذي تلقيته عند التسجيل.
account-api-key = مفتاح API الخاص بك
account-sign-in-button = تسجيل الدخول
account-no-key = لم تسجّل بعد؟
account-apply-link = سجّل شركتك
account-sign-out = تسجيل الخروج
account-nav-label = شركتك
account-nav-status = الحالة والأرقام
account-nav-profile = الملف
account-nav-reports = البلاغات
account-nav-key = المفتاح

## What just happened, at the top of a page.

account-done-code-sent = أرسلنا إليك رمزًا من 6 أرقام في رسالة نصية. وهو صالح لمدة 10 دقائق.
account-done-number-proven = تم إثبات الرقم.
account-done-number-removed = تمت إزالة الرقم.
account-done-domain-started = انشر الآن الرمز المميّز أدناه، ثم اضغط «تحقّق الآن».
account-done-domain-proven = تم إثبات نطاقك.
account-done-submitted = تم إرسال شركتك للمراجعة.
account-done-profile-saved = تم حفظ الملف.
account-done-profile-pending = تم حفظ تغييراتك وهي بانتظار مراجع. وحتى ذلك الحين، يرى الناس الملف كما كان.
account-done-signed-out = لقد سجّلت الخروج.
account-refused = لم يتم تنفيذ ذلك.
account-forbidden-title = انتهت صلاحية هذا النموذج
account-forbidden-text = لم يتغير أي شيء. ارجع إلى الصفحة السابقة، وأعد تحميل الصفحة، ثم حاول مرة أخرى.

## Status.

account-title = شركتك
account-business-id = معرّف الشركة
account-status-h = وضعك الحالي
account-status-business = الحالة
account-status-registered = مسجّلة، ولم تُوثَّق بعد
account-status-verified = موثّقة
account-status-suspended = موقوفة
account-status-review = المراجعة
account-review-draft = لم تُرسل للمراجعة بعد
account-review-submitted = بانتظار مراجع
account-review-approved = تمت الموافقة
account-review-rejected = مرفوضة
account-review-reason = سبب المراجع
account-flag = لماذا يفحص المراجعون شركتك
account-next-h = الخطوة التالية:
account-next-add-number = أضف أدناه رقم هاتف لشركتك؛ وسنرسل إليه رمزًا.
account-next-send-code = اطلب أدناه رمزًا لأحد أرقامك.
account-next-enter-code = أدخل أدناه الرمز الذي أرسلناه إلى رقمك.
account-next-submit = أرسل شركتك للمراجعة (في أسفل هذه الصفحة).
account-next-wait = لا شيء الآن: سيطّلع أحد المراجعين على شركتك.
account-next-rejected = صحّح ما أشار إليه المراجع، ثم أرسل شركتك للمراجعة مرة أخرى.
account-next-verified = لا شيء: شركتك موثّقة.
account-next-verified-prove = أثبت أرقامك الجديدة برموزها: ستحصل على الشارة فورًا.
account-next-edit-waits = لا شيء: تغييرات ملفك بانتظار مراجع.
account-next-suspended = شركتك موقوفة. تُظهر أرقامها تحذيرًا إلى أن يرفع أحد المراجعين الإيقاف.
account-edit-pending-link = عرض تغييراتك التي تنتظر المراجعة

## Numbers.

account-numbers-h = أرقام هواتفك
account-numbers-none = لا توجد أرقام بعد.
account-number-unproven = لم يُثبت بعد
account-number-proven = مُثبت؛ يصبح علنيًا بعد الموافقة في المراجعة
account-number-disputed = مُثبت؛ لكن شركة أخرى تملكه، لذا يقرر المراجعون
account-number-locked = مقفل بعد رموز خاطئة كثيرة جدًا
account-number-attested = موثّق (المستوى { $level })
account-number-on-hold = معلّق ما دامت الشركة موقوفة
account-number-revoked = سحبه أحد المراجعين
account-number-locked-until = يمكنك المحاولة مرة أخرى بعد { $time }.
account-code-label = الرمز المرسل إلى { $number }
account-code-hint = الأرقام الستة الواردة في الرسالة النصية.
account-confirm = تأكيد
account-code-wrong = { $left ->
    [0] هذا الرمز غير صحيح، ولم يعد من الممكن استخدامه. اطلب رمزًا جديدًا.
    [zero] هذا الرمز غير صحيح، ولم يعد من الممكن استخدامه. اطلب رمزًا جديدًا.
    [one] هذا الرمز غير صحيح. بقيت لديك محاولة واحدة.
    [two] هذا الرمز غير صحيح. بقيت لديك محاولتان.
    [few] هذا الرمز غير صحيح. بقيت لديك { $left } محاولات.
    [many] هذا الرمز غير صحيح. بقيت لديك { $left } محاولة.
   *[other] هذا الرمز غير صحيح. بقيت لديك { $left } محاولة.
}
account-send-code = إرسال رمز
account-resend = إرسال رمز جديد
account-remove = إزالة
account-add-h = إضافة رقم
account-add-number = رقم الهاتف
account-add-hint = سنرسل إليه رمزًا في رسالة نصية. الأرقام التي لا تبدأ بـ + تُقرأ على أنها أرقام من الدولة المحددة أدناه.
account-add-region = دولة الرقم
account-add-button = إضافة وإرسال رمز

## Domain.

account-domain-h = نطاق موقعك الإلكتروني (اختياري)
account-domain-intro = إثبات أنك تتحكم في نطاق موقعك الإلكتروني يرفع أرقامك إلى المستوى A.
account-domain-open = لإثبات { $domain }، انشر الرمز المميّز بإحدى هاتين الطريقتين، ثم اضغط «تحقّق الآن».
account-domain-dns-h = كسجل DNS
account-domain-dns-name = اسم سجل TXT
account-domain-dns-value = قيمة سجل TXT
account-domain-http-h = أو على موقعك الإلكتروني
account-domain-http-url = العنوان
account-domain-http-body = محتواه، كما هو تمامًا
account-domain-check = تحقّق الآن
account-domain-proven = تم إثبات { $domain }.
account-domain-other-h = استخدام نطاق آخر
account-domain-restart-hint = البدء من جديد يسحب الإثبات الحالي إلى أن يتم التحقق من الإثبات الجديد.
account-domain-label = النطاق
account-domain-hint = مثلًا example.com، من دون http:// أو مسار.
account-domain-start = الحصول على الرمز المميّز
account-check-ok = تم إثبات النطاق.
account-check-txt-missing = لم يُعثر بعد على سجل TXT بهذا الاسم. قد تستغرق تغييرات DNS بعض الوقت حتى تظهر: حاول مرة أخرى لاحقًا.
account-check-txt-mismatch = يوجد سجل TXT، لكنه لا يحتوي على الرمز المميّز. انسخ القيمة كما هي تمامًا.
account-check-dns-failed = فشل الاستعلام عن DNS. حاول مرة أخرى بعد قليل.
account-check-dns-timeout = استغرق الاستعلام عن DNS وقتًا طويلًا جدًا. حاول مرة أخرى بعد قليل.
account-check-unresolvable = تعذّر العثور على عنوان موقعك الإلكتروني.
account-check-private-address = يشير نطاقك إلى عنوان خاص، ونحن لا نزور العناوين الخاصة.
account-check-connect-failed = تعذّر الوصول إلى موقعك الإلكتروني.
account-check-redirect = هذا العنوان يعيد التوجيه إلى مكان آخر. يجب أن يكون الرمز المميّز على هذا العنوان بالضبط.
account-check-http-status = ردّ موقعك الإلكتروني بخطأ بدلًا من الرمز المميّز.
account-check-too-large = ردّ موقعك الإلكتروني بمحتوى أكثر من اللازم: يجب ألا تحتوي الصفحة إلا على الرمز المميّز.
account-check-token-mismatch = ردّ موقعك الإلكتروني، لكن ليس بالرمز المميّز. انسخه كما هو تمامًا.

## Review.

account-submit-h = الإرسال للمراجعة
account-submit-intro = عندما يكون رقم واحد على الأقل مُثبتًا، أرسل شركتك إلى المراجعين. سيتحققون من هويتك؛ وقد يستغرق ذلك بضعة أيام.
account-submit-button = إرسال للمراجعة

## Profile.

account-profile-title = ملفك
account-profile-pending = بعض التغييرات بانتظار مراجع، ويعرضها هذا النموذج. وإلى أن يوافق عليها مراجع، يرى الناس ملفك كما كان.
account-profile-reviewed = شركتك موثّقة، لذا تنتظر التغييرات موافقة مراجع قبل أن يراها الناس.
account-profile-basics = المعلومات الأساسية
account-profile-website-hint = اتركه فارغًا إذا كنت لا تريد عرض موقع إلكتروني. وإذا لم تكتب https:// فسنضيفه نحن.
account-profile-logo = عنوان الشعار (اختياري)
account-profile-logo-hint = عنوان صورة على موقعك الإلكتروني. اتركه فارغًا إذا كنت لا تريد شعارًا.
account-profile-names = اسمك بكل لغة
account-profile-name-in = الاسم بلغة { $lang }
account-profile-remove-name = إزالة الاسم بلغة { $lang }
account-profile-add-name = إضافة اسم بلغة أخرى
account-profile-new-name-lang = لغة الاسم الجديد
account-profile-new-name = الاسم الجديد
account-profile-descriptions = الوصف
account-profile-description-in = الوصف بلغة { $lang }
account-profile-remove-description = إزالة الوصف بلغة { $lang }
account-profile-add-description = إضافة وصف بلغة أخرى
account-profile-new-description-lang = لغة الوصف الجديد
account-profile-new-description = الوصف الجديد
account-profile-commands = ردود سريعة
account-profile-commands-hint = يتلقى العملاء الذين يرسلون كلمة مفتاحية إلى رقمك الرد فورًا.
account-profile-keyword = الكلمة المفتاحية
account-profile-reply = الرد
account-profile-reply-lang = لغة هذا الرد
account-profile-remove-reply = إزالة الرد السريع «{ $keyword }»
account-profile-add-reply = إضافة رد سريع
account-profile-save = حفظ الملف

## Reports.

account-reports-title = البلاغات عن أرقامك
account-reports-intro = ما أبلغ عنه الناس بشأن أرقامك المُثبتة، الأحدث أولًا. لا نكشف أبدًا عن هوية من أبلغ. البلاغات وحدها لا تزيل شارتك أبدًا، لكن كثرتها تستدعي تدخّل مراجع.
account-reports-count = { $count ->
    [0] لا توجد بلاغات
    [zero] لا توجد بلاغات
    [one] بلاغ واحد
    [two] بلاغان
    [few] { $count } بلاغات
    [many] { $count } بلاغًا
   *[other] { $count } بلاغ
}

## Key.

account-key-title = مفتاحك
account-key-replace-h = استبدال مفتاحك
account-key-intro = يتيح لك مفتاحك تسجيل الدخول هنا، ويتيح لبرنامجك استخدام bizseal. استبدله إذا كان من المحتمل أن شخصًا آخر قد رآه.
account-key-warning = يتوقف المفتاح القديم عن العمل فورًا: في كل مكان يُستخدم فيه، سجّل الدخول من جديد وحدّث برنامجك بالمفتاح الجديد.
account-key-button = استبدال مفتاحي
account-new-key-title = مفتاحك الجديد
account-new-key-intro = هذا مفتاحك الجديد. المفتاح القديم لم يعد يعمل.
account-new-key-sessions = تم تسجيل الخروج من كل الأماكن الأخرى التي سُجّل فيها الدخول بالمفتاح القديم؛ أما هنا فتبقى مسجّل الدخول.
account-key-h = احتفظ بهذا المفتاح في مكان آمن
account-key-once = احفظ هذا المفتاح الآن في مكان آمن: فهو لا يُعرض إلا مرة واحدة، ولا يمكن لأحد عرضه مرة أخرى.
account-go = الانتقال إلى شركتك

## One-time forms (registering, replacing the key)
form-spent = سبق إرسال هذا النموذج، لذا لم يُنفَّذ شيء مرة أخرى. يُعرض المفتاح مرة واحدة فقط: إن لم تحتفظ به، فاستبدله من صفحة المفتاح في حسابك.
form-stale = هذا النموذج أقدم من أن يُرسَل، أو أُعيد تشغيل الخدمة منذ عرضه. لم يُنفَّذ شيء: راجعه وأرسله من جديد.

## The webhook page (/account/webhook)

account-nav-webhook = Webhook
account-done-webhook-saved = تم حفظ الـ webhook.
account-done-webhook-removed = تمت إزالة الـ webhook.
account-done-webhook-replayed = سيُرسَل الحدث مرة أخرى.
account-webhook-title = الـ webhook الخاص بك
account-webhook-h = إلى أين تُرسَل أحداثك
account-webhook-intro = يرسل bizseal إلى خادمك رسالة موقّعة (Standard Webhooks) كلما تغيّر شيء يخص نشاطك: رقم تم إثباته، قرار مراجعة، شارة أُلغيت، تعليق. تُعاد محاولة الرسائل الفاشلة لمدة يوم.
account-webhook-current = يُرسَل إلى
account-webhook-none = لا يوجد webhook: لا يُرسَل شيء.
account-webhook-url = عنوان الـ webhook
account-webhook-url-hint = عنوان https على خادم عام، مثل https://example.com/hooks/bizseal
account-webhook-rotate = إنشاء سرّ جديد (يتوقف القديم عن التوقيع فورًا)
account-webhook-save = حفظ
account-webhook-remove = إزالة الـ webhook
account-webhook-secret-h = سرّ التوقيع الخاص بك
account-webhook-secret-once = احفظ هذا السرّ الآن في إعدادات خادمك: لا يُعرض إلا مرة واحدة. به تتحقق من أن كل رسالة تأتي من bizseal.
account-webhook-deliveries-h = الرسائل الأخيرة
account-webhook-deliveries-none = لم تُرسَل أي رسالة بعد.
account-webhook-col-event = الحدث
account-webhook-col-state = الحالة
account-webhook-col-tries = المحاولات
account-webhook-col-result = آخر رد
account-webhook-col-time = أُنشئ
account-webhook-col-action = إجراء
account-webhook-state-pending = في الانتظار
account-webhook-state-delivered = تم التسليم
account-webhook-state-dead = تم التخلي عنه
account-webhook-replay = إرسال مرة أخرى
