# The page shell, and words every page shares.

nav-skip = انتقل إلى المحتوى
nav-label = التنقل الرئيسي
nav-check = تحقّق من رقم
nav-apply = للشركات
nav-account = شركتك
lang-label = اللغة
site-footer = يتحقق bizseal من أن رقم الهاتف يعود فعلًا إلى الشركة التي يدّعي أنه تابع لها.

notfound-title = غير موجود
notfound-text = لا يوجد شيء على هذا العنوان.
error-title = حدث خطأ ما
error-text = تعذّر عرض الصفحة. يُرجى المحاولة مرة أخرى بعد قليل.

# Badges: for someone who has never heard of attestations.
badge-verified = شركة موثّقة
badge-registered = غير موثّق — يُرجى الحذر
badge-unknown = رقم غير معروف — يُرجى الحذر
badge-suspended = موقوفة — يُرجى الحذر
badge-revoked = سُحب التوثيق — يُرجى الحذر
badge-no-numbers = تم التحقق من الهوية — لا يوجد رقم موثّق حاليًا

# A number's state, as a short label.
status-verified = موثّق
status-registered = غير موثّق
status-unknown = غير معروف
status-suspended = موقوف
status-revoked = مسحوب
# Country and category names.

region-AE = الإمارات العربية المتحدة
region-AR = الأرجنتين
region-AT = النمسا
region-AU = أستراليا
region-BE = بلجيكا
region-BO = بوليفيا
region-BR = البرازيل
region-CA = كندا
region-CH = سويسرا
region-CL = تشيلي
region-CN = الصين
region-CO = كولومبيا
region-CR = كوستاريكا
region-CU = كوبا
region-DE = ألمانيا
region-DO = جمهورية الدومينيكان
region-EC = الإكوادور
region-ES = إسبانيا
region-FR = فرنسا
region-GB = المملكة المتحدة
region-GQ = غينيا الاستوائية
region-GT = غواتيمالا
region-HN = هندوراس
region-IE = أيرلندا
region-IN = الهند
region-IT = إيطاليا
region-JP = اليابان
region-MX = المكسيك
region-NI = نيكاراغوا
region-NL = هولندا
region-PA = بنما
region-PE = بيرو
region-PL = بولندا
region-PR = بورتوريكو
region-PT = البرتغال
region-PY = باراغواي
region-SA = المملكة العربية السعودية
region-SV = السلفادور
region-TR = تركيا
region-US = الولايات المتحدة
region-UY = أوروغواي
region-VE = فنزويلا

category-airline = شركة طيران
category-bank = بنك
category-ecommerce = متجر إلكتروني
category-government = جهة حكومية
category-healthcare = الرعاية الصحية
category-insurance = التأمين
category-restaurant = مطعم
category-retail = متجر
category-telecom = الاتصالات
category-travel = السفر
category-utility = الطاقة والمياه
category-other = أخرى

# Why an action was refused, one message per error code (src/error_code.rs),
# shown next to the form that was sent.
code-malformed-json = تعذّرت قراءة الطلب.
code-unprocessable-body = كان النموذج غير مكتمل. يُرجى تعبئته من جديد.
code-unsupported-media-type = تعذّرت قراءة الطلب.
code-payload-too-large = هذا أكثر مما يمكن إرساله دفعة واحدة.
code-method-not-allowed = لا يمكن تنفيذ ذلك هنا.
code-not-found = تعذّر العثور على ذلك. ربما تمت إزالته.
code-invalid-request = يُرجى التحقق مما أدخلته.
code-invalid-number = هذا ليس رقم هاتف صالحًا. تحقّق من الأرقام ومن الدولة.
code-unauthorized = هذا المفتاح غير صحيح. تحقّق منه وحاول مرة أخرى.
code-forbidden = غير مسموح لك بفعل ذلك.
code-rate-limited = محاولات كثيرة جدًا في وقت قصير. يُرجى الانتظار قليلًا ثم المحاولة مرة أخرى.
code-wrong-code = هذا الرمز غير صحيح. تحقّق من الرسالة وحاول مرة أخرى.
code-code-expired = انتهت صلاحية هذا الرمز. اطلب رمزًا جديدًا.
code-too-many-attempts = رموز خاطئة كثيرة جدًا. اطلب رمزًا جديدًا.
code-no-code = لم يُرسَل أي رمز إلى هذا الرقم بعد. اطلب رمزًا أولًا.
code-number-locked = هذا الرقم مقفل لبعض الوقت بعد إدخال رموز خاطئة كثيرة.
code-business-suspended = هذه الشركة موقوفة، لذا لا يمكن تنفيذ ذلك الآن.
code-not-suspended = هذه الشركة غير موقوفة.
code-already-verified = هذه الشركة موثّقة بالفعل.
code-nothing-proven = أثبِت ملكية رقم هاتف واحد على الأقل قبل إرسال الطلب.
code-resubmit-later = صدر قرار بشأن الطلب للتو. يمكنك إرساله مرة أخرى بعد قليل.
code-nothing-waits = لا يوجد شيء بانتظار قرار.
code-flag-not-submission = هذا تنبيه وليس طلبًا: تجاهله أو أوقف الشركة.
code-not-flagged = لا توجد تنبيهات هنا.
code-already-proven = تم إثبات هذا الرقم بالفعل.
code-not-attested = ليست لهذا الرقم شارة يمكن سحبها.
code-not-held = هذا الرقم لا يعود إلى هذه الشركة.
code-revoked-by-reviewer = سحب أحد المراجعين هذا الرقم، ولا يمكن إعادة تحريره إلا من قِبل مراجع.
code-no-domain-challenge = ابدأ التحقق من النطاق أولًا.
code-challenge-changed = أُعيد بدء التحقق من النطاق في هذه الأثناء. اطّلع على التحقق الجديد.
code-search-running = فهرس البحث مشغول. حاول مرة أخرى بعد قليل.
code-sender-failed = تعذّر إرسال الرمز الآن. حاول مرة أخرى بعد قليل.
code-timeout = استغرق ذلك وقتًا طويلًا جدًا. يُرجى المحاولة مرة أخرى.
code-unavailable = الخدمة مشغولة. يُرجى المحاولة مرة أخرى بعد قليل.
code-storage-full = لا تستطيع الخدمة حفظ أي شيء الآن. يُرجى المحاولة لاحقًا.
code-internal = حدث خطأ من جهتنا. يُرجى المحاولة لاحقًا.
# A field that was refused, when it has no message of its own.
invalid-field = يُرجى التحقق من هذا الحقل.
invalid-url = استخدم عنوان https على خادم عام (المنفذ 443)، من دون اسم مستخدم أو كلمة مرور.
invalid-reason = يُرجى ذكر سبب: من 1 إلى 1000 حرف، بنص عادي.

# A refused field of a business's forms, by the service's name for the
# field (src/web/forms.rs): what to put there instead.
invalid-legal-name = أدخل الاسم القانوني المسجّل للشركة (200 حرف كحد أقصى).
invalid-names = أدخل اسمًا (200 حرف كحد أقصى) لكل لغة مُدرجة، واسمًا باللغة الرئيسية.
invalid-default-lang = اختر اللغة الرئيسية.
invalid-category = اختر فئة.
invalid-country = اختر دولة.
invalid-city = يجب ألا يتجاوز اسم المدينة 200 حرف.
invalid-website = أدخل عنوان الموقع الإلكتروني، مثل https://example.com.
invalid-logo-url = أدخل عنوان الشعار، مثل https://example.com/logo.png.
invalid-description = اختر لغة لكل وصف؛ ويجب ألا يتجاوز كل وصف 2000 حرف.
invalid-commands = يمكنك إضافة 60 ردًا سريعًا كحد أقصى.
invalid-commands-keyword = الكلمة المفتاحية كلمة واحدة من أحرف لاتينية صغيرة a–z أو أرقام أو «-» أو «_»، بطول 40 حرفًا كحد أقصى.
invalid-commands-reply = تحتاج كل كلمة مفتاحية إلى رد لا يتجاوز 2000 حرف.
invalid-commands-lang = يمكن أن تكون كل كلمة مفتاحية ردًا سريعًا مرة واحدة في كل لغة: غيّر الكلمة المفتاحية أو اللغة.
invalid-code = الرمز هو الأرقام الستة الواردة في الرسالة التي أرسلناها إليك.
invalid-domain = أدخل اسم نطاق مثل example.com، من دون http:// أو مسار.
