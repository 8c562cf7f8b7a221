# The reviewers' console (/console): for reviewers, who know the trust
# rules; plain words all the same.

console-sign-in-title = تسجيل دخول المراجعين
console-token = الرمز المميّز للمراجع
console-token-hint = الرمز المميّز الذي أعطاك إياه أحد المشغّلين (bizseal reviewer create). إذا كنت على حاسوب مشترك، فسجّل الخروج عند الانتهاء.
console-sign-in = تسجيل الدخول
console-wrong-token = هذا الرمز المميّز غير صحيح. تحقّق منه وحاول مرة أخرى.
console-locked-out = { $minutes ->
    [zero] وردت رموز مميّزة خاطئة كثيرة جدًا من شبكتك. حاول مرة أخرى بعد قليل.
    [one] وردت رموز مميّزة خاطئة كثيرة جدًا من شبكتك. حاول مرة أخرى بعد دقيقة واحدة.
    [two] وردت رموز مميّزة خاطئة كثيرة جدًا من شبكتك. حاول مرة أخرى بعد دقيقتين.
    [few] وردت رموز مميّزة خاطئة كثيرة جدًا من شبكتك. حاول مرة أخرى بعد { $minutes } دقائق.
    [many] وردت رموز مميّزة خاطئة كثيرة جدًا من شبكتك. حاول مرة أخرى بعد { $minutes } دقيقة.
   *[other] وردت رموز مميّزة خاطئة كثيرة جدًا من شبكتك. حاول مرة أخرى بعد { $minutes } دقيقة.
}
console-signed-out = لقد سجّلت الخروج.

console-nav-label = لوحة التحكم
console-nav-queue = قائمة انتظار المراجعة
console-nav-business = شركة أو رقم
console-nav-audit = سجل التدقيق
console-nav-outbox = صندوق صادر الرموز
console-signed-in-as = مسجّل الدخول باسم { $name }
console-sign-out = تسجيل الخروج

console-forged-title = رُفض النموذج
console-forged-text = لم يحمل هذا النموذج الرمز الأمني لهذه الجلسة، لذا لم يُنفَّذ أي شيء. افتح الصفحة من جديد من لوحة التحكم وأرسل النموذج من هناك.
console-back-to-queue = العودة إلى قائمة انتظار المراجعة

console-done-approved = تمت الموافقة. في حالة الطلب، أصبحت الشركة موثّقة وتحمل أرقامها المُثبتة الشارة؛ وفي حالة تعديل الملف، أصبح التعديل علنيًا الآن.
console-done-rejected = تم الرفض. سترى الشركة السبب الذي ذكرته؛ ولم يتغير أي شيء علني.
console-done-dismissed = تم تجاهل التنبيه. تظل البلاغات محتسبة؛ وقد خرجت الشركة من قائمة الانتظار.
console-done-suspended = تم الإيقاف. سُحبت كل شارات الشركة إلى أن يُعاد تفعيلها.
console-done-reinstated = أُعيد التفعيل. تحمل أرقام الشركة الموثّقة الشارة من جديد، برموز مميّزة جديدة.
console-done-revoked = سُحبت الشارة. أُلغي الرمز المميّز للرقم، وتُظهر نتائج البحث ذلك.
console-done-released = حُرِّر الرقم من هذه الشركة. وأُلغيت أي شارة كانت له.
console-done-unlocked = أُزيل القفل. يمكن للشركة إدخال رموز لهذا الرقم من جديد.
console-done-nothing-locked = لا يوجد ما تجب إزالته: لم يكن الرقم مقفلًا لهذه الشركة.

console-queue-title = قائمة انتظار المراجعة
console-queue-count = { $count ->
    [zero] لا يوجد شيء بانتظار قرار.
    [one] تنتظر شركة واحدة قرارًا.
    [two] تنتظر شركتان قرارًا، والأقدم أولًا.
    [few] تنتظر { $count } شركات قرارًا، والأقدم أولًا.
    [many] تنتظر { $count } شركة قرارًا، والأقدم أولًا.
   *[other] تنتظر { $count } شركة قرارًا، والأقدم أولًا.
}
console-queue-more = لا يُعرض إلا الأقدم: اتخذ قرارًا بشأنها لرؤية البقية.
console-kind-submission = طلب
console-kind-edit = تعديل الملف
console-kind-flag = عليها تنبيه
console-legal-name = الاسم القانوني
console-names = الأسماء
console-about = الفئة والمكان والحالة
console-id = معرّف الشركة
console-queued = بالانتظار منذ
console-flag = التنبيه
console-evidence = الأدلة
console-numbers = أرقام الهاتف
console-no-numbers = لا توجد أرقام هاتف مُدرجة.
console-number = الرقم
console-state = الحالة
console-proof = طريقة الإثبات
console-reports = البلاغات (30 يومًا)
console-reports-count = { $reports ->
    [zero] لا شيء
    [one] بلاغ واحد ({ $reporters ->
        [zero] من دون شبكات
        [one] من شبكة واحدة
        [two] من شبكتين
        [few] من { $reporters } شبكات
        [many] من { $reporters } شبكة
       *[other] من { $reporters } شبكة
    })
    [two] بلاغان ({ $reporters ->
        [zero] من دون شبكات
        [one] من شبكة واحدة
        [two] من شبكتين
        [few] من { $reporters } شبكات
        [many] من { $reporters } شبكة
       *[other] من { $reporters } شبكة
    })
    [few] { $reports } بلاغات ({ $reporters ->
        [zero] من دون شبكات
        [one] من شبكة واحدة
        [two] من شبكتين
        [few] من { $reporters } شبكات
        [many] من { $reporters } شبكة
       *[other] من { $reporters } شبكة
    })
    [many] { $reports } بلاغًا ({ $reporters ->
        [zero] من دون شبكات
        [one] من شبكة واحدة
        [two] من شبكتين
        [few] من { $reporters } شبكات
        [many] من { $reporters } شبكة
       *[other] من { $reporters } شبكة
    })
   *[other] { $reports } بلاغ ({ $reporters ->
        [zero] من دون شبكات
        [one] من شبكة واحدة
        [two] من شبكتين
        [few] من { $reporters } شبكات
        [many] من { $reporters } شبكة
       *[other] من { $reporters } شبكة
    })
}
console-level = المستوى { $level }
console-held-by-other = تملكه شركة أخرى
console-not-proven = غير مُثبت
console-proof-otp = رمز لمرة واحدة
console-proof-import = مستورد من سجل موثوق
console-domain = النطاق
console-domain-proven = أُثبت النطاق { $domain } في { $date }.
console-domain-unproven = النطاق { $domain } مُدّعى، وغير مُثبت.
console-no-domain = لا يوجد نطاق: المستوى B كحد أقصى.
console-warnings = التحذيرات
console-warning-confusable = «{ $name }» يشبه «{ $similar }»، وهي شركة موثّقة.
console-warning-brand = «{ $name }» يحتوي على اسم «{ $similar }»، وهي شركة موثّقة.
console-warning-mixed-script = «{ $name }» يخلط أبجديات مختلفة في كلمة واحدة، وهي طريقة شائعة لتقليد اسم.
console-warning-website = الموقع الإلكتروني { $name } ليس على النطاق المُثبت.
console-see-business = عرض تلك الشركة
console-changes = التغييرات المقترحة
console-field = الحقل
console-before = الحالي
console-after = المقترح
console-none = (لا شيء)
console-field-legal-name = الاسم القانوني
console-field-names = الأسماء
console-field-default-lang = اللغة الافتراضية
console-field-category = الفئة
console-field-city = المدينة
console-field-website = الموقع الإلكتروني
console-field-description = الوصف
console-field-logo-url = الشعار
console-field-commands = ردود سريعة
console-field-other = حقل آخر
console-decision = القرار

console-note = ملاحظة (اختيارية)
console-reason = السبب (مطلوب)
console-approve = موافقة
console-approve-explain = موافقة: في حالة الطلب، تصبح الشركة موثّقة ويحصل كل رقم مُثبت على شارته (المستوى A مع نطاق مُثبت، وإلا B)؛ وفي حالة تعديل الملف، يصبح التعديل علنيًا.
console-reject = رفض
console-reject-explain = رفض: سترى الشركة السبب الذي ذكرته، ويمكنها التقدم بطلب من جديد لاحقًا. لا يتغير أي شيء علني؛ ولإيقاف شركة موثّقة، استخدم الإيقاف.
console-dismiss = تجاهل التنبيه
console-dismiss-explain = تجاهل: تخرج الشركة من قائمة الانتظار؛ وتظل بلاغاتها محتسبة ويمكن أن تؤدي إلى تنبيه جديد.
console-suspend = إيقاف
console-suspend-explain = إيقاف: تُسحب كل شارات هذه الشركة فورًا، وتظهر أرقامها موقوفة إلى أن يعيد أحد المراجعين تفعيلها.
console-reinstate = إعادة التفعيل
console-reinstate-explain = إعادة التفعيل: ينتهي الإيقاف؛ وتحصل الشركة الموثّقة على رموز مميّزة جديدة لأرقامها (وتظل القديمة ملغاة).
console-revoke = سحب الشارة
console-revoke-explain = سحب الشارة: يُلغى الرمز المميّز لهذا الرقم، وتُظهر نتائج البحث أن التوثيق سُحب، مع السبب الذي ذكرته. بعد ذلك لا يصبح الرقم متاحًا إلا بتحريره.
console-release = تحرير الرقم
console-release-explain = تحرير: يخرج الرقم من قائمة هذه الشركة وتُلغى أي شارة له؛ وتتولاه شركة أخرى خضعت للمراجعة وأثبتت ملكيته.
console-unlock = إزالة القفل
console-unlock-explain = إزالة القفل: يمكن للشركة إدخال رموز لهذا الرقم من جديد (كان قد قُفل بعد رموز خاطئة كثيرة جدًا).

console-business-title = شركة أو رقم
console-find-label = معرّف الشركة أو رقم الهاتف
console-find-hint = معرّف شركة (b_…) أو رقم بالتنسيق الدولي (+…).
console-find = بحث
console-find-unreadable = هذا ليس معرّف شركة ولا رقم هاتف بالتنسيق الدولي.
console-find-no-business = لا توجد شركة بهذا المعرّف.
console-find-unlisted = لا توجد شركة تُدرج الرقم { $number }.
console-parties = الشركات التي تُدرج الرقم { $number }
console-review = المراجعة
console-review-draft = لم يُرسل للمراجعة بعد
console-review-submitted = بانتظار مراجع
console-review-approved = تمت الموافقة
console-review-rejected = مرفوض
console-review-other = غير معروف
console-status-verified = موثّقة
console-status-registered = غير موثّقة
console-status-suspended = موقوفة
console-in-queue = الشركة بالانتظار في قائمة انتظار المراجعة.
console-public-profile = الملف العام
console-locked-until = مقفل بسبب رموز خاطئة حتى { $date }
console-number-attested = يحمل الشارة
console-number-on-hold = معلّق (الشركة موقوفة)
console-number-revoked = سُحبت الشارة
console-number-unproven = غير مُثبت
console-number-proven = مُثبت، بانتظار المراجعة
console-number-disputed = مُثبت، لكن تملكه شركة أخرى
console-number-locked = مقفل بسبب رموز خاطئة
console-number-other = حالة غير معروفة
console-business-decision = الشركة
console-history = أحدث إدخالات التدقيق
console-whole-history = سجل التدقيق الكامل لهذه الشركة

console-audit-title = سجل التدقيق
console-audit-of = الشركة { $business } فقط.
console-audit-all = عرض الكل
console-audit-empty = لا توجد إدخالات.
console-when = متى
console-who = مَن
console-what = ماذا
console-business = الشركة
console-detail = التفاصيل
console-pages = الصفحات
console-newest = أحدث الإدخالات
console-older = إدخالات أقدم
console-did-registered = التسجيل
console-did-submitted = الإرسال للمراجعة
console-did-submission-withdrawn = سحب الطلب
console-did-deleted = حذف الشركة
console-did-profile-edited = تعديل الملف
console-did-edit-submitted = إرسال تعديل على الملف للمراجعة
console-did-edit-withdrawn = سحب تعديل على الملف
console-did-domain-challenge = بدء التحقق من النطاق
console-did-domain-proven = إثبات النطاق
console-did-code-sent = تلقّي رمز لمرة واحدة
console-did-number-proven = إثبات رقم
console-did-number-removed = إزالة رقم
console-did-number-disputed = إثبات رقم تملكه شركة أخرى
console-did-number-taken-over = تولّي رقم مُحرَّر
console-did-flagged = وضع تنبيه للمراجعة
console-did-approved = الموافقة على الطلب أو التعديل
console-did-rejected = رفض الطلب أو التعديل
console-did-flag-dismissed = تجاهل التنبيه
console-did-suspended = إيقاف الشركة
console-did-reinstated = إعادة تفعيل الشركة
console-did-number-revoked = سحب شارة رقم
console-did-number-released = تحرير رقم
console-did-number-unlocked = إزالة قفل رقم
console-did-key-rotated = تغيير مفتاح التوقيع
console-did-reviewer-created = إضافة مراجع
console-did-admin-created = إضافة مراجع مسؤول
console-did-reviewer-removed = إزالة مراجع
console-did-reviewer-lockout = قفل شبكة بعد رموز مميّزة خاطئة للمراجعين
console-did-country-breaker = تقييد الرموز المرسلة إلى دولة

console-outbox-title = صندوق صادر الرموز
console-outbox-intro = تذهب الرموز لمرة واحدة إلى هذا الصندوق بدلًا من بوابة الرسائل النصية (المُرسِل إلى السجل). لا تقرأ الرمز إلا للشخص الذي طلبه، وعلى الرقم الذي أُرسل إليه.
console-outbox-empty = لم يُرسل أي رمز بعد.
console-code = الرمز
console-language = اللغة
