# نصوص الواجهة بالعربية. صيغ الجمع الست: zero وone وtwo وfew (3–10) وmany (11–99) وother.

app-name = منصة WedoCOD
welcome-title = مرحبًا بك في منصة WedoCOD
welcome-body = تصفّح العملاء المحتملين والطلبيات، وجهّز ملفات CSV دون اتصال، ثم أرسلها دفعة واحدة.
explore-demo = جرّب ببيانات تجريبية
explore-demo-hint = متجر تجريبي مدمج فيه 320 عميلًا محتملًا و220 طلبية. لا حاجة إلى حساب.
connect-store = ربط متجر WedoCOD
connect-store-hint = استعمل مفتاح API من لوحة تحكم WedoCOD (الإعدادات ← مفاتيح API).
check-file-offline = أو افحص ملف CSV دون اتصال، بلا متجر
starting-demo = جارٍ تشغيل المتجر التجريبي…
demo-failed = تعذّر تشغيل المتجر التجريبي
demo-not-built = هذه النسخة من المنصة بلا متجر تجريبي (بُنيت دون خاصية `demo`)
connect-title = ربط متجر WedoCOD
field-profile-name = اسم المتجر (كما تريد أن تراه هنا)
field-base-url = عنوان API
field-prefix = بادئة المسار (اختيارية، مثل /api/web/1.0)
field-dialect = إصدار API
field-token = مفتاح API
token-help = يُحفظ المفتاح في سلسلة مفاتيح نظامك، وليس في ملف أبدًا.
connect = ربط
connecting = جارٍ التحقق من المفتاح…
back = رجوع
name-required = أعطِ هذا المتجر اسمًا.
token-required = الصق مفتاح API.
name-taken = يوجد متجر باسم «{ $name }»: اختر اسمًا آخر.
leads = العملاء المحتملون
orders = الطلبيات
search-placeholder = ابحث بالمرجع أو الاسم أو الهاتف أو المدينة (Ctrl+F)
all-statuses = كل الحالات
refresh = تحديث
per-page = في الصفحة
loading = جارٍ التحميل…
first-page = « الأولى
previous-page = ‹ السابقة
next-page = التالية ›
last-page = الأخيرة »
page-of = الصفحة { $page } من { $pages } · المجموع { $total }
no-records = لا توجد نتائج.
column-reference = المرجع
column-customer = الزبون
column-phone = الهاتف
column-city = المدينة
column-products = المنتجات
column-total = المجموع
column-status = الحالة
column-created = تاريخ الإنشاء
details = التفاصيل
close = إغلاق
history = سجل الحالات
no-history = لا يوجد تغيير في الحالة بعد.
history-entry = { $old } ← { $new } · { $by } · { $at }
selected-count = { $count ->
    [zero] لا شيء محدد
    [one] عنصر واحد محدد
    [two] عنصران محددان
    [few] { $count } عناصر محددة
    [many] { $count } عنصرًا محددًا
   *[other] { $count } عنصر محدد
}
change-status-to = تغيير الحالة إلى…
apply = تطبيق
delete = حذف…
confirm-delete = نعم، احذف
cancel = إلغاء
confirm-delete-title = حذف نهائي؟
confirm-delete-body = { $count ->
    [one] سيُحذف سجل واحد من متجرك. لا يمكن التراجع عن ذلك.
    [two] سيُحذف سجلان من متجرك. لا يمكن التراجع عن ذلك.
    [few] ستُحذف { $count } سجلات من متجرك. لا يمكن التراجع عن ذلك.
    [many] سيُحذف { $count } سجلًا من متجرك. لا يمكن التراجع عن ذلك.
   *[other] سيُحذف { $count } سجل من متجرك. لا يمكن التراجع عن ذلك.
}
status-changed = { $count ->
    [one] تغيّرت حالة سجل واحد (الحقول المعدّلة: { $fields }).
    [two] تغيّرت حالة سجلين (الحقول المعدّلة: { $fields }).
    [few] تغيّرت حالة { $count } سجلات (الحقول المعدّلة: { $fields }).
    [many] تغيّرت حالة { $count } سجلًا (الحقول المعدّلة: { $fields }).
   *[other] تغيّرت حالة { $count } سجل (الحقول المعدّلة: { $fields }).
}
deleted = { $count ->
    [one] حُذف سجل واحد.
    [two] حُذف سجلان.
    [few] حُذفت { $count } سجلات.
    [many] حُذف { $count } سجلًا.
   *[other] حُذف { $count } سجل.
}
export-button = تصدير…
export-hint = كل السجلات التي تحددها التصفية والبحث، في كل الصفحات، إلى Excel أو CSV (Ctrl+E)
export-title = تصدير { $count } من { $kind }؟
export-body = كل ما تحدده التصفية والبحث الحاليان، في كل الصفحات، إلى { $path }: { $estimate }.
export-start = تصدير
exporting = جارٍ تصدير { $kind }: الصفحة { $page } من { $pages } · { $rows } سطر
export-waiting = طلب الخادم الانتظار: محاولة جديدة بعد { $seconds } ث
exported = صُدّر { $rows } من { $kind } إلى { $path }.
export-count-changed = يحسب المتجر الآن { $total } لهذه التصفية: تغيّرت سجلات أثناء التصدير.
action-needs-scope = مفتاح API لا يسمح بهذا: تنقصه صلاحية «{ $scope }».
retry = إعادة المحاولة
dismiss = إخفاء
replace-token = استبدال المفتاح
error-unauthenticated = لم يقبل المتجر مفتاح API. ربما أُلغي أو كُتب خطأً.
error-forbidden-scope = تنقص مفتاح API صلاحية «{ $scope }». أنشئ مفتاحًا يتضمنها في لوحة تحكم WedoCOD.
error-forbidden = مفتاح API غير مسموح له بهذا.
error-not-found = غير موجود، أو لا ينتمي إلى هذا المتجر.
error-validation = رفض المتجر البيانات.
error-rate-limited = طلبات كثيرة جدًا: إعادة المحاولة تلقائيًا بعد { $seconds } ث.
error-server = تعطّل خادم المتجر (HTTP { $status }). حاول مجددًا بعد لحظة.
error-unreachable = تعذّر الوصول إلى المتجر. تحقق من العنوان ومن اتصالك.
error-tls = فشل الاتصال الآمن (مشكلة في الشهادة أو TLS).
error-timeout = لم يُجب المتجر في الوقت المحدد.
error-interrupted = انقطع الاتصال قبل وصول الجواب.
error-undecodable = تعذّرت قراءة جواب المتجر (HTTP { $status }): { $excerpt }
error-redirected = أجاب الخادم HTTP { $status } وحوّل الطلب إلى { $location }. تحقق من عنوان API في المتاجر: المنصة لا تتبع أبدًا كتابةً إلى عنوان آخر.
error-unexpected = جواب غير متوقع من المتجر (HTTP { $status }).
error-not-sent = لم يُرسل
error-plain-http = يُرفض http:// لهذا العنوان: سيمر المفتاح دون تشفير. استعمل https://.
error-bad-url = هذا ليس عنوان ويب صالحًا.
error-url-extras = اكتب عنوان API وحده (https://host/path)، دون اسم مستخدم أو كلمة مرور أو ?query أو #fragment: للمفتاح حقله الخاص.
stores = المتاجر
profiles-title = متاجرك
no-profiles = لا يوجد متجر بعد.
add-store = إضافة متجر
active-profile = مفتوح الآن
open = فتح
rename = إعادة التسمية
save = حفظ
token-ending = مفتاح API ينتهي بـ …{ $hint }
token-saved = حُفظ مفتاح API
delete-profile-title = حذف المتجر «{ $name }»؟
delete-profile-body = تُزال إعداداته ومفتاح API الخاص به من هذا الحاسوب. بياناتك لدى WedoCOD لا تُمس.
token-session-only = يُحتفظ بالمفتاح حتى إغلاق المنصة فقط: { $reason }.
keyring-failed = تعذّر حفظ المفتاح في سلسلة المفاتيح: { $reason } يُحتفظ به حتى إغلاق المنصة فقط.
token-missing = مفتاح API الخاص بـ «{ $name }» غير محفوظ على هذا الحاسوب: الصقه من جديد.
import = استيراد
uploads-tab = الإرسالات
import-hint = افتح ملف CSV أو مصنف Excel للعملاء المحتملين أو الطلبيات: اكتب مساره، أو اختره بزر تصفح، أو أفلته على النافذة. كل شيء هنا يعمل دون اتصال.
path-placeholder = مسار ملف CSV أو مصنف
open-file = فتح
browse = تصفح…
reading-file = جارٍ قراءة الملف وفحصه…
detected = مكتشف
encoding = الترميز
delimiter = الفاصل
encoding-unsure = (تخمين: تحقق من الحروف العربية والمعلّمة)
read-as = قُرئ بترميز { $encoding }، والفاصل { $delimiter }.
sheet = الورقة
read-sheet = { $count ->
    [one] مصنف: ورقة واحدة.
    [two] مصنف: ورقتان.
    [few] مصنف: { $count } أوراق.
    [many] مصنف: { $count } ورقة.
   *[other] مصنف: { $count } ورقة.
}
cell-in-sheet = السطر { $line } · { $column } · الخلية { $cell } من { $sheet }
rows-summary = { $rows ->
        [zero] لا أسطر
        [one] سطر واحد
        [two] سطران
        [few] { $rows } أسطر
        [many] { $rows } سطرًا
       *[other] { $rows } سطر
    } · { $errors ->
        [zero] لا أخطاء
        [one] خطأ واحد
        [two] خطآن
        [few] { $errors } أخطاء
        [many] { $errors } خطأً
       *[other] { $errors } خطأ
    } · { $warnings ->
        [zero] لا تنبيهات
        [one] تنبيه واحد
        [two] تنبيهان
        [few] { $warnings } تنبيهات
        [many] { $warnings } تنبيهًا
       *[other] { $warnings } تنبيه
    }
columns = الأعمدة
column-other = (بيانات إضافية / لا تُرسل)
cell = الخلية
select-a-cell = انقر على خلية لترى مشاكلها وتصححها.
cell-at = السطر { $line } · { $column }
server-said = رفضه المتجر: { $message }
problems = المشاكل
errors-only = الأسطر التي فيها أخطاء فقط
summary-alike = { $count } × مثل السطر { $line }: { $message }
next-issue = المشكلة التالية (F8)
previous-issue = السابقة (Shift+F8)
find-replace = بحث واستبدال
in-column = في العمود…
find = بحث
replace-with = استبدال بـ
replace-all = استبدال في العمود
replaced = { $count ->
    [zero] لم تتغير أي خلية.
    [one] تغيّرت خلية واحدة.
    [two] تغيّرت خليتان.
    [few] تغيّرت { $count } خلايا.
    [many] تغيّرت { $count } خلية.
   *[other] تغيّرت { $count } خلية.
}
undo = تراجع
redo = إعادة
save-corrected = حفظ ملف CSV المصحح
save-report = حفظ تقرير الأخطاء
save-corrected-xlsx = الملف المصحح (.xlsx)
save-report-xlsx = تقرير بالخلايا المعلّمة (.xlsx)
saved-to = حُفظ في { $path }
upload = إرسال
upload-needs-store = اربط متجرًا (أو جرّب المتجر التجريبي) للإرسال.
upload-to = إرسال { $rows } سطر إلى { $store }.
skip-invalid = { $count ->
    [one] تخطي السطر الذي فيه أخطاء (مذكور في التقرير)
    [two] تخطي السطرين اللذين فيهما أخطاء (مذكوران في التقرير)
    [few] تخطي الأسطر الـ{ $count } التي فيها أخطاء (مذكورة في التقرير)
    [many] تخطي { $count } سطرًا فيها أخطاء (مذكورة في التقرير)
   *[other] تخطي { $count } سطر فيها أخطاء (مذكورة في التقرير)
}
per-request = أسطر في كل طلب
queue-hint = 100 على الأكثر. فوق 10 يضعها المتجر في قائمة انتظار ويعالجها في الخلفية.
start-upload = بدء الإرسال
pause = إيقاف مؤقت
resume = متابعة
progress-line = { $requests } طلب · { $created } أُنشئ · { $refused } رُفض · { $pending } في الانتظار · { $rate } سطر/دقيقة{ $left }
batch-line = الدفعة { $id }: { $status }، { $processed }/{ $total }
upload-done = أُنشئ { $created }، رُفض { $refused }، تُخطي { $skipped }، لم يُحسم { $pending }.
fix-then-retry = صحّح الخلايا الحمراء، ثم أعد إرسال هذه الأسطر وحدها.
already-created = { $count ->
    [one] سطر واحد من هذا الملف (السطر { $line }) أُرسل من قبل إلى هذا المتجر في الإرسال { $upload } (أُنشئ، أو ما زال ينتظر فيه).
   *[other] { $count } من أسطر هذا الملف (أولها السطر { $line }) أُرسلت من قبل إلى هذا المتجر في الإرسال { $upload } (أُنشئت، أو ما زالت تنتظر فيه).
} تابع ذلك الإرسال من تبويب الإرسالات لإرسال ما لم يُرسل فقط، أو أرسل الأسطر الأخرى وحدها، أو أنشئها من جديد كسجلات جديدة.
unreadable-journal = تعذّرت قراءة سجل الإرسال { $upload } ({ $reason })، فقد تكون أسطر من هذا الملف أُرسلت فيه. انقل ذلك السجل جانبًا إن كنت متأكدًا أنها لم تُرسل، أو أنشئها من جديد كسجلات جديدة.
skip-sent = إرسال الأسطر الأخرى فقط
send-again = إنشاؤها من جديد أيضًا
busy-uploading = يجري إرسال الآن: اتركه ينتهي أو ألغه (يمكن متابعته لاحقًا) قبل فتح ملف أو قراءته من جديد.
upload-again-hint = إرسال هذا الملف مرة أخرى سينشئ أسطره مرة ثانية؛ لفعل ذلك عن قصد، افتحه من جديد.
retry-refused = إرسال الأسطر المصححة
catalogue-fresh = تُفحص رموز SKU مقابل كتالوج المتجر ({ $count } منتج، جُلب الآن).
catalogue-cached = تعذّر الوصول إلى المتجر: تُفحص رموز SKU مقابل كتالوجه المحفوظ قبل { $hours } ساعة ({ $count } منتج).
catalogue-unknown = تعذّر فحص رموز SKU: كتالوج المتجر غير معروف ({ $reason }).
uploads-title = الإرسالات إلى هذا المتجر
no-uploads = لا يوجد إرسال من هذا الحاسوب بعد.
upload-when = البداية
upload-file = الملف
upload-rows = الأسطر
upload-mode = النمط
upload-created = أُنشئ
upload-refused = رُفض
upload-waiting = في الانتظار
upload-state = الحالة
upload-finished = انتهى
upload-interrupted = توقف
line-n = السطر { $line }:
export-refused = تصدير الأسطر المرفوضة
resume-upload = متابعة
upload-batches = الدفعات: { $ids }
refused-exported = { $count ->
    [one] كُتب سطر مرفوض واحد في { $path }، مع عمود للأخطاء.
    [two] كُتب سطران مرفوضان في { $path }، مع عمود للأخطاء.
    [few] كُتبت { $count } أسطر مرفوضة في { $path }، مع عمود للأخطاء.
    [many] كُتب { $count } سطرًا مرفوضًا في { $path }، مع عمود للأخطاء.
   *[other] كُتب { $count } سطر مرفوض في { $path }، مع عمود للأخطاء.
}
uploads-interrupted = { $count ->
    [one] توقف إرسال واحد إلى هذا المتجر قبل نهايته: تابعه من تبويب الإرسالات.
    [two] توقف إرسالان إلى هذا المتجر قبل نهايتهما: تابعهما من تبويب الإرسالات.
    [few] توقفت { $count } إرسالات إلى هذا المتجر قبل نهايتها: تابعها من تبويب الإرسالات.
    [many] توقف { $count } إرسالًا إلى هذا المتجر قبل نهايته: تابعها من تبويب الإرسالات.
   *[other] توقف { $count } إرسال إلى هذا المتجر قبل نهايته: تابعها من تبويب الإرسالات.
}
uploads-damaged = { $count ->
    [one] تعذّرت قراءة سجل إرسال واحد لهذا المتجر: انظر تبويب الإرسالات. لا يُعاد إرسال الأسطر التي قد يحويها دون سؤالك.
   *[other] تعذّرت قراءة { $count } من سجلات الإرسال لهذا المتجر: انظر تبويب الإرسالات. لا يُعاد إرسال الأسطر التي قد تحويها دون سؤالك.
}
upload-damaged = الإرسال { $upload }: تعذّرت قراءة سجله ({ $reason }). تُعدّ الأسطر التي خطط لها مُرسلة: يُرفض إرسال جديد للأسطر نفسها إلا إذا أنشأتها من جديد عن قصد.
online = متصل
offline = غير متصل
rate-budget = تبقى { $remaining }/{ $limit } طلبًا في هذه الدقيقة
demo-profile = المتجر التجريبي
theme-light = فاتح
theme-dark = داكن

settings = الإعدادات
settings-title = الإعدادات
settings-language = اللغة
settings-theme = المظهر
theme-system = حسب النظام
settings-folders = أماكن الملفات
settings-config-folder = الإعدادات واختيارات الأعمدة المحفوظة
settings-data-folder = سجلات الإرسال والذاكرة المؤقتة وسجل النافذة
open-folder = فتح المجلد
settings-about = حول
about-version = منصة WedoCOD للتجار { $version }
about-licences = رخصة MIT. الخطوط: Noto Sans وNoto Sans Arabic (رخصة SIL Open Font License 1.1).
data-size = يشغل مجلد البيانات { $megabytes } ميغابايت.

kind-leads = العملاء المحتملين
kind-orders = الطلبيات
detail-area = الحي
detail-address = العنوان
detail-email = البريد الإلكتروني
detail-custom-data = بيانات إضافية
detail-updated = آخر تعديل
detail-fees-paid-by = مصاريف التوصيل يدفعها
fees-customer = الزبون
fees-store = المتجر
status-new = جديد
status-confirmed = مؤكد
status-no_reply = لا يجيب
status-call_later = اتصل لاحقًا
status-cancelled = ملغى
status-canceled = ملغى
status-wrong_number = رقم خاطئ
status-duplicate = مكرر
status-shipped = تم الشحن
status-delivered = تم التسليم
status-returned = مرتجع
settings-log = سجل النافذة (لإرساله إلى الدعم: لا يحتوي المفتاح أبدًا)
open-log = فتح السجل
export-estimate = { $requests ->
        [one] طلب واحد
        [two] طلبان
        [few] نحو { $requests } طلبات
        [many] نحو { $requests } طلبًا
       *[other] نحو { $requests } طلب
    }، { $minutes ->
        [0] أقل من دقيقة
        [one] نحو دقيقة
        [two] نحو دقيقتين
        [few] نحو { $minutes } دقائق
       *[other] نحو { $minutes } دقيقة
    }
dialog-excel = مصنف Excel
dialog-csv-or-workbook = ملف CSV أو مصنف
close-while-uploading-title = يجري إرسال الآن
close-while-uploading-body = إغلاق النافذة رغم ذلك؟ يتوقف الإرسال حيث هو ويمكن متابعته من تبويب الإرسالات: لا يضيع أي سطر ولا يُرسل مرتين.
close-anyway = إغلاق رغم ذلك
upload-ended-title = انتهى الإرسال
export-ended-title = انتهى التصدير
close-with-outcomes-title = نتائج لم تُرسل بعد
close-with-outcomes-body = { $count ->
    [one] نتيجة واحدة لم تصل إلى المتجر (رفضها أو يطلب الانتظار). الإغلاق رغم ذلك؟ يحتفظ هذا العميل بحالته في المتجر ويعود إلى قائمة التأكيد في المرة القادمة.
   *[other] { $count } نتائج لم تصل إلى المتجر (رفضها أو يطلب الانتظار). الإغلاق رغم ذلك؟ يحتفظ هؤلاء العملاء بحالتهم في المتجر ويعودون إلى قائمة التأكيد في المرة القادمة.
}
export-cancelled = أُلغي التصدير: لم يُكتب أي ملف.
export-pages-repeat = أرسل الخادم الصفحة { $page } مرة أخرى: يبدو أنه يتجاهل الصفحة المطلوبة. لم يُكتب أي ملف.
export-too-many-pages = في القائمة أكثر من { $ceiling } صفحة (أعلن الخادم عن { $announced }): لا تقرأ المنصة أكثر من { $ceiling } صفحة في المرة الواحدة. ضيّق عامل التصفية (حالة أو بحث) ثم صدّر من جديد. لم يُكتب أي ملف.
export-write-failed = تعذّرت كتابة { $path }: { $reason }

## ما يقوله مدقق الملفات عن خلية
label-full-name = الاسم الكامل
label-first-name = الاسم الشخصي
label-last-name = الاسم العائلي
label-phone = الهاتف
label-email = البريد الإلكتروني
label-city = المدينة
label-area = الحي
label-address = العنوان
label-shipment-way = طريقة الشحن
label-fees = رسوم التوصيل على الزبون
label-order-total = مجموع الطلبية
label-sku = SKU
label-quantity = الكمية
label-unit-price = سعر الوحدة
label-product-total = مجموع المنتج
label-order-reference = مرجع الطلبية
label-product-sku = SKU المنتج
label-product-price = سعر المنتج
label-column-header = عنوان العمود
label-custom-value = قيمة «{ $header }»
label-computed = { $wanted } المحسوب من { $from }
check-required = الحقل «{ $label }» فارغ.
fix-required = املأ الحقل «{ $label }».
check-missing-column = لا يوجد عمود يحمل «{ $label }».
fix-missing-column = أضف عمودًا باسم «{ $name }»، أو اختر عمودًا بالخيار --map { $name }=<عنوان العمود>.
check-invalid-email = «{ $value }» ليس عنوان بريد إلكتروني.
fix-invalid-email = اكتبه مثل name@example.ma، أو اتركه فارغًا.
check-not-whole = «{ $label }»: القيمة «{ $value }» ليست عددًا صحيحًا.
fix-not-whole = اكتب عددًا صحيحًا من { $min } إلى { $max }.
check-not-amount = «{ $label }»: القيمة «{ $value }» ليست مبلغًا.
fix-not-amount = اكتب مبلغًا مثل 149 أو 149,50.
check-out-of-range = «{ $label }»: القيمة { $value } خارج الحدود المسموح بها، من { $min } إلى { $max }.
fix-out-of-range = اكتب قيمة من { $min } إلى { $max }.
check-not-yes-no = «{ $label }»: القيمة «{ $value }» ليست نعم ولا لا.
fix-not-yes-no = اكتب نعم أو لا (تُقبل أيضًا oui/non وyes/no و1/0).
check-too-short = «{ $label }» قصير جدًا: { $length ->
        [one] حرف واحد
        [two] حرفان
        [few] { $length } أحرف
       *[other] { $length } حرفًا
    }، والحد الأدنى { $min }.
fix-too-short = اكتب «{ $label }» كاملًا.
check-too-long = «{ $label }» طويل جدًا: { $length } حرفًا، والحد الأقصى { $max }.
fix-too-long = اختصره إلى { $max } حرفًا على الأكثر.
check-too-many-cells = في هذا السطر { $count } خلايا بينما في سطر العناوين { $width }: قيمة ما تحتوي على الفاصل دون علامتي تنصيص.
fix-too-many-cells = ضع القيم التي تحتوي على الفاصل بين علامتي تنصيص، أو احذف الخلايا الزائدة.
check-too-few-cells = في هذا السطر { $count } خلايا فقط من أصل { $width } في سطر العناوين.
fix-too-few-cells = ابحث عن فاصل ناقص أو عن سطر انقسم إلى سطرين.
check-nul = تحتوي هذه الخلية على محارف NUL غير مرئية.
fix-nul = احذفها (الملف المصحَّح يتركها).
check-phone-foreign = الهاتف «{ $value }» رقم أجنبي ({ $country } بدل { $region }).
fix-phone-foreign = تأكد من إمكانية الوصول إلى الزبون من أجل التوصيل.
check-phone-lost-zero = فقد الهاتف «{ $value }» الصفر الذي في بدايته (Excel يحذفه).
fix-phone-lost-zero = اكتب { $national }.
check-phone-unknown-range = الهاتف «{ $value }» ليس ضمن نطاق أرقام معروف في { $region }: تحقق منه.
fix-phone-unknown-range = المتجر يقبله (تُفتح نطاقات جديدة قبل أن تُعرف هنا)؛ تأكد من إمكانية الوصول إلى الزبون.
check-phone-letters = الهاتف «{ $value }» يحتوي على حروف.
fix-phone-letters = احتفظ بأرقام الهاتف فقط.
check-phone-scientific = حوّل Excel الهاتف إلى «{ $value }» وضاعت أرقامه.
fix-phone-scientific = اجعل تنسيق عمود الهواتف «نص» في Excel ثم أعد كتابة الأرقام.
check-phone-invalid = «{ $value }» ليس رقم هاتف صالحًا في { $region }.
fix-phone-invalid = الرقم الصالح يشبه { $example }.
check-unknown-sku = الرمز SKU «{ $sku }» غير موجود في كتالوج منتجاتك.
fix-unknown-sku = تحقق من الكتابة، أو أضف المنتج في WedoCOD أولًا.
check-out-of-stock = المنتج «{ $sku }» نفد من جميع المستودعات.
fix-out-of-stock = يمكن إرسال السطر، لكن قد يُلغى الطلب: أعد التزويد أو اطلب توريدًا أولًا.
check-lead-no-product = هذا العميل المحتمل بلا منتج.
check-order-no-product = هذه الطلبية بلا منتج.
fix-no-product = اكتب SKU (والكمية) لما طلبه الزبون.
check-lead-too-many-products = لهذا العميل المحتمل { $count } منتجات، والحد الأقصى { $max }.
check-order-too-many-products = لهذه الطلبية { $count } منتجات، والحد الأقصى { $max }.
fix-lead-too-many-products = قسّمه إلى عدة عملاء محتملين.
fix-order-too-many-products = قسّمها إلى عدة طلبيات.
check-too-many-extra-columns = في هذا السطر { $count } أعمدة إضافية مملوءة، ويمكن إرسال { $max } على الأكثر.
fix-too-many-extra-columns = اربط الأعمدة التي تحتاجها بحقول، أو احذف الأخرى.
check-duplicate = نفس الهاتف ونفس المنتج كما في السطر { $line }: على الأرجح الزبون نفسه مرتين.
fix-duplicate = احذف هذا السطر أو السطر { $line } إن كانا الطلبية نفسها.
check-encoding-guessed = خُمّن ترميز الملف ({ $encoding }) دون يقين كافٍ.
fix-encoding-guessed = إذا ظهرت الأسماء مشوّهة، اختر الترميز بالخيار --encoding (utf-8 أو windows-1252 أو windows-1256).
check-unclosed-quote = تُفتح علامة تنصيص في السطر { $line } ولا تُغلق أبدًا: قُرئ باقي الملف كخلية واحدة.
fix-unclosed-quote = أضف علامة التنصيص الختامية (") أو احذف الافتتاحية.

## تقرير الأمر validate في الطرفية
cli-label-file = الملف:
cli-label-read-as = قُرئ بترميز:
cli-label-columns = الأعمدة:
cli-label-not-sent = لا يُرسل:
cli-label-rows = الأسطر:
cli-read-as = { $encoding } ({ $source })، الفاصل { $delimiter }، العناوين في السطر { $line }
delimiter-tab = جدولة
cli-source-chosen = مختار
cli-source-bom = علامة ترتيب البايتات
cli-source-utf8 = UTF-8 صالح
cli-source-guessed-sure = مُخمَّن بثقة
cli-source-guessed-unsure = مُخمَّن دون ثقة
cli-source-workbook = خلايا المصنف
cli-close-spelling = (كتابة قريبة: تحقق منها)
cli-extra-data-leads = بيانات إضافية تُرسل مع كل عميل محتمل: { $columns }
cli-extra-data-orders = بيانات إضافية تُرسل مع كل طلبية: { $columns }
cli-rows = قُرئ { $rows }، وجاهز للإرسال { $ready } · الأخطاء: { $errors }، التنبيهات: { $warnings }
cli-errors = الأخطاء
cli-warnings = التنبيهات
cli-in-column = في «{ $column }»
cli-issue-group = { $count }× { $what }، الأسطر { $lines }
cli-fix = الحل: { $fix }

## الإرسال في الطرفية (وأسباب توقف الإرسال في النافذة)
upload-invalid-rows = في { $count } من الأسطر أخطاء (الأول في السطر { $line }): صححها، أو تجاوزها بالخيار --skip-invalid
upload-nothing-to-send = لا يحتوي الملف على أي سطر للإرسال.
upload-already-created = سبق أن أرسل الإرسال { $id } إلى هذا المتجر { $count } من أسطر هذا الملف (الأول في السطر { $line }) (أُنشئت أو ما زالت في الانتظار): تابع ذلك الإرسال (--resume { $id })، أو أرسل الأسطر الأخرى فقط (--skip-sent)، أو أنشئها من جديد كسجلات جديدة (--again).
upload-offline = الشبكة مقطوعة ({ $reason })؛ يمكن استئناف الإرسال.
upload-cancelled = أُلغي الإرسال؛ يمكن استئنافه.
upload-server-keeps-failing = فشل الخادم في { $count } طلبات متتالية (آخرها: { $last })؛ توقف الإرسال ويمكن استئنافه.
activity-starting = البدء
activity-sending = إرسال { $rows } من الأسطر
activity-looking-up = البحث عن الأسطر المجهول مصيرها
activity-batches = متابعة الدفعات في قائمة الانتظار
activity-offline = غير متصل، محاولة جديدة
activity-done = انتهى
outcome-created = أُنشئ
outcome-refused = مرفوض
outcome-uncertain = غير مؤكَّد
outcome-skipped = متجاوز
outcome-pending = لم يُرسل
cli-upload-started = الإرسال { $id } للملف { $file } (للاستئناف: --resume { $id })
cli-upload-summary = الإرسال { $id }: الأسطر { $rows }، أُنشئ { $created }، رُفض { $refused }، تُجووز { $skipped }، غير مؤكَّد { $uncertain }، لم يُرسل { $pending }.
cli-upload-line = السطر { $line }: { $outcome }
cli-upload-resume-hint = صحح الأسطر أعلاه في الملف، ثم أرسلها وحدها بـ: --resume { $id }
cli-rows-settled = أسطر محسومة
cli-progress = أُنشئ { $created }، رُفض { $refused }، في الانتظار { $waiting }، الطلبات { $requests }، { $rate } سطرًا/دقيقة
cli-time-left = بقي نحو { $minutes } دقيقة
cli-export-exists = { $path } موجود: اختر اسمًا آخر، أو أضف --overwrite
cli-page = الصفحة
cli-exporting = تصدير { $count } من { $kind }: { $estimate }
cli-export-rows = الأسطر: { $rows }
cli-no-token-in-env = متغير البيئة { $variable } لا يحتوي على أي رمز.
cli-no-store = لا يوجد متجر: اربط متجرًا في النافذة، أو أعط --base-url و--token-env.
cli-unknown-store = لا يوجد متجر باسم «{ $name }».
cli-keyring-failed = تعذرت قراءة حافظة المفاتيح: { $reason }

## لماذا يتعذر فحص ملف أصلًا
read-unknown-region = منطقة هاتفية مجهولة «{ $region }»: استعمل رمز بلد من حرفين مثل MA.
read-write-failed = تتعذر كتابة الملف المصحَّح: { $reason }
read-io = تتعذر قراءة { $path }: { $reason }
read-empty = الملف فارغ.
read-workbook = يتعذر قراءة المصنف: { $reason }
read-workbook-part-too-large = يتعذر قراءة المصنف: جزؤه { $part } يتجاوز بعد فك الضغط { $limit } ميبيبايت، وهو أكثر مما يحتاجه أي جدول للعملاء المحتملين أو الطلبيات. افتحه في Excel أو LibreOffice واحفظه من جديد، أو احفظ الورقة بصيغة «CSV UTF-8».
read-workbook-archive-too-large = يتعذر قراءة المصنف: أجزاؤه تتجاوز بعد فك الضغط { $limit } ميبيبايت في المجموع، وهو أكثر مما يحتاجه أي جدول للعملاء المحتملين أو الطلبيات. افتحه في Excel أو LibreOffice واحفظه من جديد، أو احفظ الورقة بصيغة «CSV UTF-8».
read-workbook-sheet-too-large = تمتد الورقة «{ $sheet }» على { $rows } صفًا و{ $columns } عمودًا (من { $first } إلى { $last }): لا تقرأ المنصة أكثر من { $limit } خلية في الورقة. احذف ما يقع خارج الجدول (خلية منفردة بعيدة في الأسفل أو إلى الجانب)، أو احفظ الورقة بصيغة «CSV UTF-8».
read-workbook-sheets-too-large = يتعذر قراءة المصنف: تمتد أوراقه معًا على أكثر من { $limit } خلية، والمنصة تحتفظ بها كلها في الذاكرة لقراءة هذا النوع من الملفات. احذف الأوراق التي لا تحتاجها أو ما يقع خارج الجداول، أو احفظ الورقة بصيغة «CSV UTF-8».
read-spreadsheet = هذا ملف { $format } وليس ملف CSV: افتحه واحفظه بصيغة «CSV UTF-8».
read-binary = السطر { $line } يحتوي على بيانات ثنائية (بايتات NUL أو محارف تحكم): هذا ليس ملف CSV.
read-no-header = لا يحتوي الملف إلا على أسطر فارغة.
read-header-only = في الملف سطر عناوين في السطر { $line } لكن لا أسطر تحته.
read-unknown-encoding = ترميز مجهول «{ $name }»: جرّب utf-8 أو windows-1252 أو windows-1256.
read-csv = السطر { $line }: توقف قارئ CSV: { $reason }
map-syntax = يجب أن يكون المدخل --map «{ $argument }» على شكل field=عنوان العمود
map-unknown-field = --map: حقل مجهول «{ $field }» (الحقول: full_name, phone, city, area, address, sku, quantity, price, line_total, sku_2…, group؛ وتضيف الطلبيات email, total, shipment_way, is_fees_paid_by_customer)
map-no-column = --map { $field }=…: لا يوجد في الملف عمود «{ $header }»
copy-diagnostics = نسخ التشخيص
diagnostics-hint = للدعم: الإصدار والنظام والمجلدات ونهاية السجل (وليس الرمز أبدًا).
diagnostics-copied = نُسخ: الصقه في رسالتك إلى الدعم.

## مكتب التأكيد
desk-tab = التأكيد
desk-closing = جارٍ إرسال آخر نتائج التأكيد؛ تُغلق النافذة فور استلام المتجر لها.
desk-queue = القائمة:
desk-tally = عولج { $handled } · أُكّد { $confirmed } · { $rate } في الساعة
desk-waiting = في القائمة: { $count }
desk-store-waits = طلب المتجر الانتظار: تُرسل النتائج بعد { $seconds } ث (تابع العمل)
desk-done = لا يوجد أي عميل محتمل في الانتظار: القائمة فارغة.
desk-refused = لم يقبل المتجر النتيجة الأخيرة: { $reason }
desk-whatsapp = واتساب (W)
desk-call = اتصال (C)
desk-copy-phone = نسخ الرقم (P)
desk-copied = نُسخ
desk-skip = تخطٍّ (S)
desk-undo = تراجع عن الأخير (U)
desk-whatsapp-template = السلام عليكم {"{"}name{"}"}، نتواصل معكم بخصوص طلبكم: {"{"}products{"}"} ({"{"}total{"}"}) للتوصيل إلى {"{"}city{"}"}. هل تؤكدون الطلب؟
settings-whatsapp = رسالة واتساب في مكتب التأكيد
settings-whatsapp-hint = تُملأ {"{"}name{"}"} و{"{"}products{"}"} و{"{"}total{"}"} و{"{"}city{"}"} لكل زبون؛ فارغة: الرسالة الافتراضية للغة.

## المتجر في لمحة
glance-tab = لوحة القيادة
glance-title = المتجر في لمحة
glance-as-of = حتى { $time }
glance-percent = { $percent }%
glance-confirmation = العملاء المحتملون المؤكدون (من بين من لهم نتيجة)
glance-delivery = الطلبيات المسلّمة (من بين المسلّمة والمرتجعة)
glance-return = الطلبيات المرتجعة

## ما اضطر تحميل الإعدادات إلى إصلاحه
config-unreadable = تعذرت قراءة ملف الإعدادات { $path } ({ $reason })؛ تُستعمل الإعدادات الافتراضية.
config-damaged = ملف الإعدادات تالف، لذا تُستعمل الإعدادات الافتراضية: { $reason }
config-setting = تعذرت قراءة الإعداد `{ $key }`؛ تُستعمل قيمته الافتراضية.
config-profile-named = تعذرت قراءة المتجر «{ $name }» فتُرك جانبًا.
config-profile-number = تعذرت قراءة المتجر رقم { $position } فتُرك جانبًا.
config-page-size = حجم الصفحة { $given } غير متاح؛ ضُبط على { $used }.
config-language = اللغة «{ $given }» ليست من لغات المنصة؛ تُتبع لغة الحاسوب.
config-window = تعذر استعمال حجم النافذة أو موضعها المحفوظ؛ تُفتح النافذة بحجمها المعتاد.
config-desk-statuses = ذكرت قائمة التأكيد حالات ليست للعملاء المحتملين ({ $given })؛ تُركت جانبًا.
config-profile-name = تُرك متجر («{ $name }») خارج الإعدادات: { $reason }.
config-active-gone = المتجر «{ $name }» المفتوح آخر مرة لم يعد موجودًا؛ لا يُفتح أي متجر.
config-copied = نُسخ الملف التالف إلى { $path }.
config-copy-failed = تعذر نسخ الملف التالف إلى { $path } ({ $reason })؛ يستبدله الحفظ القادم.
cli-error = خطأ: { $message }

## النسخة المحلية (أمرا sync و customer، شريط الحالة)
sync-busy = نافذة أو أمر آخر يزامن هذا المتجر حاليًا.
sync-cancelled = توقفت المزامنة؛ الصفحات المقروءة محفوظة، والمزامنة التالية تكمل من هناك.
sync-copy-failed = لا يمكن الكتابة في النسخة المحلية: { $reason }
sync-set-aside = تعذّر استعمال النسخة المحلية ({ $reason })؛ وُضعت جانبًا وأُعيد بناؤها.
sync-progress = المزامنة: الصفحة { $page } من { $pages } · { $requests } طلبًا
sync-counts = { $kind }: العدد { $total } ({ $statuses })
sync-requests = { $requests } طلبًا
customer-not-a-phone = «{ $text }» ليس رقم هاتف.
customer-from-copy = تعذّرت مزامنة المتجر ({ $reason })؛ الجواب من النسخة المحلية.
customer-no-copy = لا توجد نسخة محلية لهذا المتجر بعد: شغّل `wedocod-console sync` عند الاتصال.
customer-summary = { $phone }: { $leads } عملاء محتملون، { $orders } طلبات، { $delivered } مُسلَّمة، { $returned } مُرتجعة
copy-synced-at = تمت المزامنة { $time }
copy-offline-as-of = غير متصل، بيانات { $time }
copy-syncing = جارٍ المزامنة…
desk-customer-orders = { $orders ->
    [0] لا طلبات سابقة
    [one] طلب سابق واحد: { $delivered } مُسلَّم، { $returned } مُرتجع
   *[other] { $orders } طلبات سابقة: { $delivered } مُسلَّمة، { $returned } مُرتجعة
} · { $leads ->
    [0] لا عملاء محتملين آخرين
    [one] عميل محتمل آخر واحد
   *[other] { $leads } عملاء محتملون آخرون
}
desk-customer-returned = هذا الرقم أرجع أو رفض { $returned } طرود من قبل.
desk-customer-duplicate = مكرر محتمل لـ { $references } (نفس الهاتف ونفس المنتج خلال 72 ساعة).
desk-duplicate-key = المفتاح D يعلّمه كمكرر.
filter-city = المدينة
filter-product = المنتج (SKU)
filter-from = من (2026-12-01)
filter-to = إلى (2026-12-31)
filter-clear = مسح
filter-bad-date = «{ $date }» ليس تاريخًا: اكتبه 2026-12-01 أو 01/12/2026.
table-from-copy = من النسخة المحلية، مُزامَنة { $time }: بلا طلبات، تعمل دون اتصال.
customer-past-title = هذا العميل
trends-from-copy = من النسخة المحلية: بلا طلبات. انقر عمودًا أو سطرًا لفتح سجلاته.
trends-leads-per-day = العملاء المحتملون يوميًا، آخر 30 يومًا (الأخضر: المؤكَّدون)
trends-orders-per-day = الطلبات يوميًا، آخر 30 يومًا (الأحمر: المُرتجعة)
trends-first-call = المدة بين عميل محتمل جديد وأول اتصال به (الوسيط)
trends-today = اليوم
trends-this-week = آخر 7 أيام
trends-minutes = { $minutes } دقيقة
trends-cities = المدن التي تعود طلباتها أكثر
trends-products = المنتجات التي تعود أكثر
trends-no-returns = لم يُرجَع أي طلب.
trends-returned-of = { $returned } مُرتجعة من { $ended } ({ $percent }٪)
trends-revenue = رقم المعاملات المُسلَّم أسبوعيًا
desk-newest-first = الأحدث أولًا
desk-arrived-title = عملاء محتملون جدد في مكتب التأكيد
desk-arrived-body = انضم { $count } عملاء محتملين جدد إلى الطابور.
copy-syncing-page = جارٍ المزامنة: الصفحة { $page } من { $pages }…
typed-path-title = أين يُحفظ التصدير
typed-path-why = لا يمكن فتح نافذة اختيار الملفات على سطح المكتب هذا (لا بوابة سطح مكتب ولا zenity): اكتب مسار الملف. الاسم المنتهي بـ ‎.csv يكتب ملف CSV، وأي اسم آخر مصنف Excel.
typed-path-save = حفظ
typed-path-replace = استبداله
typed-path-empty = اكتب أين يُحفظ الملف.
typed-path-exists = { $path } موجود: اضغط «استبداله» للكتابة فوقه، أو غيّر الاسم.
typed-path-no-folder = المجلد { $folder } غير موجود.
no-file-dialog = لا يمكن فتح نافذة اختيار الملفات على سطح المكتب هذا (لا بوابة سطح مكتب ولا zenity): اكتب مسار الملف في الحقل أعلاه، أو أسقط الملف على النافذة.

## The seller tabs: products and stock, payouts, sourcing (issue 25)
products-tab = المنتجات
payouts-tab = المدفوعات
sourcing-tab = التوريد
products-search = ابحث عن منتج بالاسم أو SKU (Ctrl+F)
products-count = { $count ->
    [zero] لا منتج
    [one] منتج واحد
    [two] منتجان
    [few] { $count } منتجات
   *[other] { $count } منتجًا
} · { $low } منخفض · { $out } نفد
column-name = الاسم
column-sku = رمز SKU
column-price = السعر
column-stock = المخزون
column-warehouses = المستودعات
column-amount = المبلغ
column-payment-method = طريقة الدفع
column-month = الشهر
column-count = الفواتير
column-paid = المدفوع
column-quantity = الكمية
stock-low = منخفض
stock-out = نفد
stock-unknown = المخزون غير معروف (قد لا يسمح الرمز بقراءة المخزون)
stock-warning-out = نفد المخزون: { $product }. تأكيده سينتهي غالبًا بالإلغاء.
stock-warning-low = { $product }: سيبقى { $left } بعد هذا الطلب (التنبيه عند { $warning }).
product-description = الوصف
product-discount = تخفيض
product-free-shipping = توصيل مجاني
yes = نعم
no = لا
payouts-count = { $count ->
    [zero] لا فاتورة
    [one] فاتورة واحدة
    [two] فاتورتان
    [few] { $count } فواتير
   *[other] { $count } فاتورة
}
payouts-invoices = { $count ->
    [zero] لا فاتورة
    [one] فاتورة واحدة
    [two] فاتورتان
    [few] { $count } فواتير
   *[other] { $count } فاتورة
}
payouts-all = كل الفواتير
payouts-by-month = حسب الشهر
payouts-exported = { $count ->
    [one] كُتبت فاتورة واحدة في { $path }.
    [two] كُتبت فاتورتان في { $path }.
    [few] كُتبت { $count } فواتير في { $path }.
   *[other] كُتبت { $count } فاتورة في { $path }.
}
status-paid = مدفوعة
status-pending = في الانتظار
status-processing = قيد المعالجة
status-in_progress = جارٍ
status-completed = مكتمل
status-rejected = مرفوض
status-active = نشط
status-inactive = غير نشط
payment-bank_transfer = تحويل بنكي
payment-cash = نقدًا
payment-cheque = شيك
sourcing-count = { $count ->
    [zero] لا طلب توريد
    [one] طلب توريد واحد
    [two] طلبا توريد
    [few] { $count } طلبات توريد
   *[other] { $count } طلب توريد
}
sourcing-none = لا يوجد طلب توريد بعد.
sourcing-new = طلب توريد جديد
sourcing-why = اطلب من WedoCOD إيجاد منتج وتخزينه لك. يجب أن يكون الاسم جديدًا: يُرفض طلب أُرسل من قبل بالاسم نفسه.
sourcing-name = اسم المنتج
sourcing-quantity = الكمية (اختياري)
sourcing-note = ملاحظة (اختياري)
sourcing-send = أرسل الطلب
sourcing-sending = جارٍ الإرسال…
sourcing-sent = أُرسل الطلب { $reference }.
sourcing-name-needed = أدخل اسم المنتج (3 أحرف على الأقل).
sourcing-quantity-whole = عدد صحيح أكبر من 0.
