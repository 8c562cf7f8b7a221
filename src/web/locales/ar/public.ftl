# The public pages: check a number, search, profiles, reports.

home-title = هل هم حقًا من يدّعون؟
home-intro = اكتب رقم هاتف لمعرفة ما إذا كان يعود إلى شركة موثّقة، أو اكتب اسمًا للعثور على الأرقام الرسمية لشركة ما.
home-label = رقم الهاتف أو اسم الشركة
home-region = دولة الرقم
home-region-intl = دولي (يبدأ بـ +)
home-hint = الأرقام التي لا تبدأ بـ + تُقرأ على أنها أرقام من الدولة المختارة.
home-button = تحقّق
home-result = النتيجة
home-belongs = هذا الرقم يعود إلى
badge-verified-detail = تحقّق bizseal من هوية هذه الشركة ومن أنها تتحكم في هذا الرقم.
badge-registered-detail = هذا الرقم مُدرج، لكن لم يتم التحقق من هوية الشركة التي تقف خلفه. تعامل معه على أنه غير موثّق.
badge-unknown-detail = لم يسجّل أحد هذا الرقم لدى bizseal. قد يكون أي شخص: لا تشارك رموزًا أو كلمات مرور أو أموالًا.
badge-suspended-detail = تم إيقاف الشركة التي تقف خلف هذا الرقم. لا تثق بالمكالمات أو الرسائل الواردة منه.
badge-revoked-detail = كان هذا الرقم موثّقًا، لكن توثيقه سُحب.
home-revoked-on = سُحب في { $date }.
home-revoked-reason = السبب: { $reason }
home-reports = { $count ->
    [zero] لم يُبلَّغ عنه بسبب الإزعاج أو الاحتيال خلال آخر 30 يومًا.
    [one] أُبلغ عنه بسبب الإزعاج أو الاحتيال مرة واحدة خلال آخر 30 يومًا.
    [two] أُبلغ عنه بسبب الإزعاج أو الاحتيال مرتين خلال آخر 30 يومًا.
    [few] أُبلغ عنه بسبب الإزعاج أو الاحتيال { $count } مرات خلال آخر 30 يومًا.
    [many] أُبلغ عنه بسبب الإزعاج أو الاحتيال { $count } مرة خلال آخر 30 يومًا.
   *[other] أُبلغ عنه بسبب الإزعاج أو الاحتيال { $count } مرة خلال آخر 30 يومًا.
}
home-see-profile = عرض ملف الشركة
home-invalid = هذا ليس رقم هاتف صالحًا، ولا توجد شركة تطابقه. تحقّق من الأرقام ومن الدولة.
home-too-long = هذا أطول من أن يكون رقمًا أو اسمًا.
home-error = تعذّر التحقق. يُرجى المحاولة مرة أخرى بعد قليل.

search-count = { $count ->
    [zero] لم يُعثر على أي شركة
    [one] تم العثور على شركة واحدة
    [two] تم العثور على شركتين
    [few] تم العثور على { $count } شركات
    [many] تم العثور على { $count } شركة
   *[other] تم العثور على { $count } شركة
}
search-none = لا توجد شركة تطابق «{ $query }».
search-unavailable = البحث غير متاح حاليًا. لا يزال بإمكانك التحقق من رقم هاتف.
search-official = الأرقام الرسمية
search-report = الإبلاغ عن أحد أرقامها

profile-legal-name = الاسم القانوني
profile-category = الفئة
profile-location = الموقع
profile-website = الموقع الإلكتروني
profile-numbers = أرقام الهاتف
profile-no-numbers = لا توجد أرقام هاتف مُدرجة.
profile-names = الأسماء بلغات أخرى
profile-commands = ردود سريعة
profile-commands-help = أرسل إحدى هذه الكلمات إلى رقم الشركة لتحصل على الرد فورًا.
profile-commands-other = ردود سريعة بلغات أخرى
profile-logo = شعار { $name }
profile-verified-detail = تحقّق bizseal من هوية هذه الشركة ومن أنها تتحكم في الأرقام المعلَّمة بـ «موثّق».
profile-no-numbers-detail = تحقّق bizseal من هوية هذه الشركة، لكن لا يوجد حاليًا أي رقم موثّق من أرقامها. توخَّ الحذر مع المكالمات والرسائل.
profile-registered-detail = سجّلت هذه الشركة، لكن لم يتم التحقق من هويتها بعد.
profile-suspended-detail = تم إيقاف هذه الشركة. لا تثق بالمكالمات أو الرسائل الواردة من أرقامها.

report-title = الإبلاغ عن رقم
report-intro = هل تلقّيت رسائل مزعجة أو مكالمة احتيالية من أحد هذه الأرقام؟ أخبرنا؛ فالمراجعون يقرؤون كل بلاغ.
report-open = الإبلاغ عن هذا الرقم
report-this-number = الإبلاغ عن { $number }
report-number = الرقم
report-reason = ماذا حدث
report-reason-spam = رسائل أو مكالمات مزعجة
report-reason-scam = احتيال أو نصب
report-reason-impersonation = شخص ينتحل صفة شركة
report-reason-other = شيء آخر
report-comment = تعليق (اختياري)
report-next = بلاغك مجهول الهوية. عندما يبلّغ عدة أشخاص عن الرقم نفسه، يراجعه أحد المراجعين.
report-send = إرسال البلاغ
report-thanks = شكرًا لك. تم استلام بلاغك.
report-what-next = تُحتسب البلاغات لمدة 30 يومًا. عندما يبلّغ عدة أشخاص مختلفين عن الرقم نفسه، يُحال إلى مراجع يمكنه إيقاف الشركة التي تقف خلفه. البلاغ وحده لا يزيل الشارة أبدًا، لذا لا يستطيع أحد إسقاط شارة بمجرد الإبلاغ عنها.
report-check-again = التحقق من الرقم مرة أخرى
report-too-many = لقد أرسلت بلاغات كثيرة في وقت قصير. يُرجى الانتظار قليلًا ثم المحاولة مرة أخرى.
report-comment-too-long = التعليق طويل جدًا: 1000 حرف كحد أقصى.
report-bad-number = هذا ليس رقم هاتف يمكن الإبلاغ عنه.
report-incomplete = كان البلاغ ينقصه رقم أو سبب.
report-failed = تعذّر إرسال البلاغ. يُرجى المحاولة مرة أخرى بعد قليل.
