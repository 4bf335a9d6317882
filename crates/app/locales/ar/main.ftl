# براكسيس — العربية. يجب أن يوجد كل مفتاح في en/main.ftl أيضًا (يتحقق من ذلك اختبار).

## Layout
skip-to-content = انتقل إلى المحتوى
nav-label = القائمة الرئيسية
nav-home = الرئيسية
nav-members = الأعضاء
nav-settings = الإعدادات
nav-sign-in = تسجيل الدخول
nav-sign-up = انضم إلى الشبكة
nav-log-out = تسجيل الخروج
language-switcher = اختر اللغة
language-label = اللغة:
footer-api = واجهة البرمجة
pager-next = الصفحة التالية
save = حفظ

## Home
home-title = الرئيسية
home-heading = مجتمع ممارسة للتنظيم المجتمعي
home-lead = منظِّمون ومدرّبون وموجّهون وباحثون يطوّرون القيادات، ويتعلّمون من حملات بعضهم بعضًا، ويبنون القدرة على إحداث التغيير.
home-welcome-back = أهلًا بعودتك يا { $name }
home-member-lead = أخبر الشبكة بما تمارسه وبما يمكنك المساعدة فيه: فالملف الشخصي المكتمل هو ما يجدك من خلاله المدرّبون والزملاء والمنظمات.
home-edit-profile = عدّل ملفك الشخصي
home-my-nodes = عُقدك
home-no-nodes = لم تنضم إلى أي عقدة بعد.
home-people = أشخاص في الشبكة
home-all-members = عرض جميع الأعضاء

## Members
members-title = الأعضاء
members-public-only = تظهر لك الملفات التي جعلها أصحابها عامة. سجّل الدخول لترى كل من يشارك ملفه مع أعضاء الشبكة.
members-empty = لا توجد ملفات لعرضها بعد.
profile-nodes = العُقد
profile-joined = تاريخ الانضمام
profile-visible-public = يمكن لأي شخص رؤية ملفك، حتى من لم يسجّل الدخول.
profile-visible-members = لا يرى ملفك إلا أعضاء الشبكة المسجّلون.
profile-visible-private = ملفك خاص: لا يراه أحد غيرك.
practice-column = الممارسة
level-column = المستوى بتقييمك الذاتي
available-to-coach = متاح للتدريب والمرافقة
available-to-mentor = متاح للإرشاد
capacity-of = يستطيع مرافقة { $count } أشخاص في الوقت نفسه.

## Roles, practices and visibility
role-organizer = منظِّم
role-educator = مدرّب أو موجّه
role-researcher = باحث
practice-public_narrative = السرد العام
practice-relationships = العلاقات
practice-structure = البنية
practice-strategy = الاستراتيجية
practice-action = العمل
practice-coaching = التوجيه
visibility-public = عام: أي شخص، حتى دون تسجيل الدخول
visibility-members = الأعضاء: كل من سجّل الدخول إلى الشبكة
visibility-private = خاص: أنا فقط

## Form fields
field-display-name = الاسم الظاهر
display-name-hint = الاسم الذي يراه الآخرون. يمكنك استخدام اسم مستعار.
field-email = البريد الإلكتروني
field-password = كلمة المرور
password-hint = عشرة أحرف على الأقل. بضع كلمات غير مترابطة تصنع كلمة مرور قوية.
field-new-password = كلمة المرور الجديدة
field-current-password = كلمة المرور الحالية
field-new-email = البريد الإلكتروني الجديد
field-bio = نبذة عنك
bio-hint = يمكنك استخدام ماركداون: **عريض**، *مائل*، القوائم والروابط.
field-roles = الأدوار
field-practices = الممارسات
practices-hint = ما مدى خبرتك في كل ممارسة؟ 0 تعني أنك جديد عليها، و5 تعني أنك تدرّسها.
level-none = غير محدد
field-domains = المجالات
field-regions = المناطق
field-languages = اللغات
languages-hint = رموز اللغات مفصولة بفواصل: ar، en، sr.
list-hint = افصل بين الإدخالات بفواصل.
field-time-zone = المنطقة الزمنية
time-zone-hint = مثل Asia/Amman أو Europe/Belgrade. اتركه فارغًا إن كنت تفضّل عدم ذكره.
field-availability = الإتاحة
field-capacity = كم شخصًا يمكنك مرافقتهم أو إرشادهم في الوقت نفسه؟
field-visibility = من يستطيع رؤية ملفك؟
field-token-name = اسم الرمز
form-has-errors = بعض الحقول تحتاج إلى تصحيح. لم يُحفظ شيء.
profile-saved = حُفظ ملفك الشخصي.

## Sign up, sign in
sign-up-title = انضم إلى الشبكة
sign-up-lead = أنشئ حسابًا لتشارك ممارستك، وتجد مدرّبين وزملاء، وتشارك في ورش العمل.
sign-up-submit = إنشاء الحساب
sign-up-have-account = عضو بالفعل؟
check-email-title = تفقّد بريدك الإلكتروني
check-email-body = إذا كان يمكن استخدام هذا العنوان فقد أرسلنا إليه رسالة. اتبع الرابط الذي فيها لإكمال إنشاء حسابك.
verified-title = تم تأكيد بريدك الإلكتروني
verified-body = شكرًا لك. يمكنك الآن تسجيل الدخول.
link-invalid-title = هذا الرابط لا يعمل
link-invalid-body = الرابط غير صالح، أو سبق استخدامه، أو انتهت صلاحيته. اطلب رابطًا جديدًا.
log-in-title = تسجيل الدخول
log-in-submit = دخول
log-in-forgot = نسيت كلمة المرور؟
log-in-no-account = جديد هنا؟
forgot-title = إعادة تعيين كلمة المرور
forgot-lead = أدخل البريد الإلكتروني لحسابك وسنرسل إليك رابطًا لاختيار كلمة مرور جديدة.
forgot-submit = أرسل الرابط
reset-sent-title = تفقّد بريدك الإلكتروني
reset-sent-body = إذا كان هناك حساب يستخدم هذا العنوان فقد أرسلنا إليه رابطًا لاختيار كلمة مرور جديدة. يعمل الرابط لمدة ساعتين.
reset-title = اختر كلمة مرور جديدة
reset-submit = احفظ كلمة المرور الجديدة
reset-done-title = تم تغيير كلمة المرور
reset-done-body = تم تسجيل خروجك من كل الأجهزة وتوقفت رموز الوصول. سجّل الدخول بكلمة المرور الجديدة.
confirm-email-title = أكّد بريدك الإلكتروني الجديد
confirm-email-lead = اضغط الزر لنقل حسابك إلى هذا العنوان.
confirm-email-submit = تأكيد العنوان الجديد
email-changed-title = تم تغيير بريدك الإلكتروني
email-changed-body = من الآن فصاعدًا، سجّل الدخول واستقبل الرسائل على عنوانك الجديد.

## Settings
settings-nav = الإعدادات
settings-profile = الملف الشخصي
settings-account = الحساب
settings-tokens = رموز الوصول
account-email-is = بريدك الإلكتروني هو
sessions-title = أين سجّلت الدخول
sessions-started = تسجيل الدخول
sessions-last-seen = آخر استخدام
sessions-this-device = هذا المتصفح
sessions-end-others = سجّل الخروج من كل مكان آخر
sessions-ended-notice = أنت الآن مسجّل الدخول هنا فقط.
change-password-title = غيّر كلمة المرور
change-password-submit = تغيير كلمة المرور
password-changed-notice = تغيّرت كلمة المرور. سُجّل خروج جلساتك الأخرى، وتوقفت رموز الوصول الخاصة بك، ولم تعد الروابط المرسلة بالبريد قبل الآن تعمل.
change-email-title = غيّر بريدك الإلكتروني
change-email-submit = أرسل رابط التأكيد
email-change-sent-notice = أرسلنا رابط تأكيد إلى العنوان الجديد. يتغير عنوانك عندما تتبع الرابط.
tokens-lead = تتيح رموز الوصول الشخصية للبرامج النصية استخدام واجهة البرمجة باسمك. احفظها كما تحفظ كلمات المرور.
token-create = إنشاء رمز
token-created = يظهر رمزك الجديد هذه المرة فقط. انسخه الآن:
token-created-at = تاريخ الإنشاء
token-last-used = آخر استخدام
token-never-used = لم يُستخدم
token-revoke = إلغاء
tokens-empty = ليست لديك رموز وصول.

export-title = بياناتك
export-lead = نزّل كل ما يحفظه براكسيس عنك — حسابك وملفك الشخصي ورموز الوصول — في ملف JSON.
export-download = نزّل بياناتك
delete-title = احذف حسابك
delete-lead = يحذف هذا حسابك وملفك الشخصي وجلساتك ورموز الوصول فورًا. لا يمكن التراجع عنه.
delete-submit = احذف حسابي نهائيًا
account-deleted-title = تم حذف حسابك
account-deleted-body = حُذف حسابك وكل ما كان لك من هذا الموقع. شكرًا لأنك كنت جزءًا من الشبكة.

## Nodes
nav-nodes = العُقد
nodes-title = عُقد الممارسة
nodes-lead = تجمع العُقد الأعضاء حول مجال أو منطقة أو قيم مشتركة. انضم إلى إحداها لتتعلّم مع من يقومون بالعمل نفسه.
nodes-inside = العُقد داخل { $node }
node-all-children = اعرض كل العُقد داخل هذه العقدة
nodes-empty = لا توجد عُقد لعرضها بعد.
node-create = أنشئ عقدة
node-edit = عدّل هذه العقدة
node-propose = اقترح عقدة
node-proposals = العُقد المقترحة
node-no-proposals = لا توجد اقتراحات تنتظر.
node-proposed-notice = هذه العقدة اقتراح: سيوافق عليها أحد مسؤولي الشبكة. حتى ذلك الحين لا يراها إلا أنت والمسؤولون.
node-event-approved_node = وافق أحد مسؤولي الشبكة على العقدة.
error-parent-proposed = لا يمكن إنشاء عقدة داخل اقتراح ما زال ينتظر.
field-node-organization = تستضيفها المنظمة
node-organization-hint = عنوان ويب لمنظمة تنتمي إليها، مثل amman-tenants-union. اتركه فارغًا إن لم توجد.
node-hosted-by = تستضيفها
org-nodes = العُقد التي تستضيفها
error-organization-host = اذكر منظمة أنت عضو مؤكَّد فيها.
node-create-child = أنشئ عقدة داخل هذه العقدة
node-ancestors = موقع هذه العقدة
node-safety-on = قائمة الأعضاء للمشرفين فقط
node-standing-outsider = لست عضوًا في هذه العقدة.
node-standing-requested = طلبت الانضمام؛ سيرد عليك أحد المشرفين.
node-standing-member = أنت عضو في هذه العقدة.
node-standing-steward = أنت مشرف على هذه العقدة.
node-standing-banned = أزالك أحد المشرفين من هذه العقدة.
node-ban = حظر
node-event-banned = حظر أحد المشرفين شخصًا.
node-join = انضم
node-ask-to-join = اطلب الانضمام
node-withdraw = اسحب طلبي
node-leave = غادر هذه العقدة
node-children = داخل هذه العقدة
node-no-children = لا توجد عُقد داخل هذه العقدة بعد.
node-requests = طلبات الانضمام
node-approve = قبول
node-decline = رفض
node-members = الأعضاء
node-no-members-visible = لا يوجد أعضاء لعرضهم.
node-members-hidden = حفاظًا على سلامة أعضائها، لا يرى قائمة الأعضاء إلا مشرفو هذه العقدة.
node-steward = مشرف
node-make-steward = اجعله مشرفًا
node-remove-steward = إلغاء الإشراف
node-remove = إزالة
node-activity = النشاط الأخير
field-node-name = الاسم
field-node-slug = عنوان الويب
node-slug-hint = أحرف لاتينية صغيرة وأرقام وشرطات، مثل balkans أو climate-jordan. يظهر في عنوان العقدة. يحصل عنوان العقدة السرية على نهاية عشوائية، كي لا يجدها إلا من تعطيه العنوان.
field-node-kind = النوع
field-node-description = عن هذه العقدة
field-node-visibility = من يعرف بوجود هذه العقدة؟
field-node-join = كيف ينضم الناس؟
node-safety-label = الأعضاء معرّضون للخطر: لا يرى قائمة الأعضاء إلا المشرفون، ولا تظهر العضوية في الملفات الشخصية أبدًا.
node-kind-domain = مجال
node-kind-region = منطقة
node-kind-values = قيم مشتركة
node-visibility-public = عامة: أي شخص، حتى دون تسجيل الدخول
node-visibility-members = الأعضاء: كل من سجّل الدخول إلى الشبكة
node-visibility-secret = سرّية: لا يعرف بوجودها إلا أعضاؤها
node-join-open = مفتوحة: يمكن لأي شخص الانضمام
node-join-request = بطلب: يوافق المشرفون
node-join-invite = بدعوة فقط
node-event-created = أُنشئت العقدة.
node-event-joined = انضم شخص.
node-event-requested = طلب شخص الانضمام.
node-event-approved = قبل أحد المشرفين طلبًا.
node-event-declined = رفض أحد المشرفين طلبًا.
node-event-left = غادر شخص.
node-event-removed = أزال أحد المشرفين عضوًا.
node-event-steward_added = عُيّن مشرف جديد.
node-event-steward_removed = تنحّى أحد المشرفين.
node-event-child_created = أُنشئت عقدة داخل هذه العقدة.
error-slug = استخدم من 2 إلى 60 حرفًا لاتينيًا صغيرًا أو رقمًا أو شرطة مفردة.
error-slug-taken = هناك عقدة أخرى تستخدم هذا العنوان.
error-last-steward = تحتاج العقدة دائمًا إلى مشرف: عيّن مشرفًا آخر أولًا.

## Directory
nav-directory = الدليل
directory-title = ابحث عن أشخاص
directory-lead = ابحث عن مدرّبين وموجّهين وباحثين ومنظِّمين حسب ما يمارسونه وأين يعملون واللغات التي يتحدثونها. لا ترى إلا الملفات التي يشاركها أصحابها معك.
directory-words = الاسم أو كلمات
directory-words-hint = يجب أن تبدأ كل كلمة كلمةً في الاسم أو المناطق أو المجالات أو النبذة: "أمي عمّان" تجد أميرة في عمّان.
directory-any = أيّ
field-practice = الممارسة
field-min-level = المستوى على الأقل
field-role = الدور
field-language = اللغة
field-domain = المجال
field-region = المنطقة
field-node = العقدة
directory-search = بحث
directory-clear = امسح عوامل التصفية
directory-results = الأشخاص
directory-none = لا أحد يطابق عوامل التصفية هذه بعد.
error-unknown-node = لا توجد عقدة بهذا العنوان يمكنك البحث فيها.

error-ban-self = لا يمكنك حظر نفسك.
mail-approved-subject = أهلًا بك في { $node }
mail-approved-body =
    قبل أحد مشرفي { $node } في { $site } طلب انضمامك.

    { $link }
mail-declined-subject = بخصوص طلب انضمامك إلى { $node }
mail-declined-body =
    لم يقبل أحد مشرفي { $node } في { $site } طلب انضمامك هذه المرة.

## Invitations
invite-title = ادعُ أشخاصًا
invite-emails = عناوين البريد الإلكتروني
invite-emails-hint = عنوان أو أكثر، مفصولة بفواصل أو أسطر. تعمل كل دعوة مرة واحدة لمدة أسبوعين.
invite-send = أرسل الدعوات
invite-make-link = أنشئ رابط دعوة
invite-sent = تمت دعوتهم
invite-skipped = مدعوون من قبل أو أعضاء بالفعل
invite-invalid = ليست عناوين بريد إلكتروني
invite-link-created = يمكن لأي شخص لديه هذا الرابط الانضمام خلال أسبوعين. لا يظهر إلا هذه المرة:
invite-link-row = رابط دعوة
invite-expires = يعمل حتى
invite-back = العودة إلى العقدة
invite-pending = { $count } دعوات تنتظر الرد.
invitation-title = أنت مدعو للانضمام إلى { $node }
invitation-accept = اقبل الدعوة
invitation-sign-in-first = سجّل الدخول (أو انضم إلى الشبكة) لقبول الدعوة.
mail-invitation-subject = دعوة إلى { $node } في { $site }
mail-invitation-body =
    أنت مدعو للانضمام إلى { $node } في { $site }.

    لقبول الدعوة، افتح هذا الرابط خلال أسبوعين:

    { $link }

    إذا كنت لا تعرف سبب وصول هذه الرسالة إليك، فتجاهلها.

## Rosters
import-title = استيراد قائمة أعضاء
import-lead = ادعُ كثيرين دفعة واحدة من جدول بيانات محفوظ بصيغة CSV. يُفحص الملف أولًا صفًا صفًا دون أن يحدث شيء، ثم تقرر إرسال الدعوات.
import-file = ملف CSV
import-file-hint = بترميز UTF-8، مفصول بفواصل أو فواصل منقوطة أو علامات جدولة، مع صف عناوين. يمكن أن تكون الأسماء بأي خط.
import-email-column = عمود عناوين البريد الإلكتروني
import-email-column-hint = اتركه فارغًا للبحث عن عمود اسمه "email" أو "e-mail".
import-check = افحص الملف
import-recheck = افحص مجددًا بهذا العمود
import-check-title = ما الذي سيفعله استيراد هذا الملف
import-column-used = تُقرأ العناوين من العمود "{ $column }".
import-count-invite = ستُرسل دعوات إلى { $count } أشخاص جدد.
import-count-merge = { $count } أعضاء بالفعل أو مدعوون من قبل.
import-count-reject = { $count } صفوف لا يمكن استخدامها.
import-count-invited = دُعي { $count } أشخاص.
import-line = السطر
import-outcome = ما الذي يحدث
import-outcome-invite = سيُدعى
import-outcome-merge = موجود بالفعل: لا جديد
import-outcome-reject = مرفوض
import-run = أرسل { $count } دعوات
import-another = افحص ملفًا آخر
import-progress-title = جارٍ استيراد القائمة
import-progress = عولج { $done } صفًا
import-refresh = تحديث
import-status-done = انتهى الاستيراد.
import-status-failed = توقف الاستيراد بسبب خطأ. تبقى الدعوات التي أُرسلت؛ واستيراد الملف مجددًا يرسل الباقي فقط.
import-status-running = الاستيراد جارٍ.
export-roster = نزّل قائمة الأعضاء (CSV)
error-roster-empty = لا يحتوي الملف على صفوف.
error-roster-encoding = الملف ليس نصًا بترميز UTF-8. احفظه من جدول البيانات بصيغة ‏"CSV UTF-8".
error-roster-malformed = الملف ليس ملف CSV صالحًا.
error-roster-too-many = يحتوي الملف على أكثر من 100٬000 صف. قسّمه إلى ملفات أصغر.
error-roster-no-email = لا يوجد عمود يحتوي على عناوين البريد الإلكتروني. اختر العمود.
error-roster-missing-email = لا يحتوي هذا الصف على عنوان بريد إلكتروني.
error-roster-duplicate = يظهر هذا العنوان في سطر سابق من الملف.
error-import-started = بدأ هذا الاستيراد من قبل.

## Organizations
nav-organizations = المنظمات
orgs-title = المنظمات
orgs-lead = المنظمات التي يعمل معها الأعضاء، ومن ينتسب إليها.
orgs-empty = لا توجد منظمات بعد.
org-create = أضف منظمة
org-edit = عدّل المنظمة
org-leave = لم أعد أعمل مع هذه المنظمة
error-last-admin = تحتاج المنظمة دائمًا إلى مسؤول، لذا لا يستطيع آخر مسؤول المغادرة.
org-website = الموقع الإلكتروني
org-contact = التواصل
org-contact-visibility = من يستطيع رؤية بيانات التواصل؟
org-contact-public = أي شخص
org-contact-members = الأعضاء المسجّلون
org-contact-admins = مسؤولو المنظمة فقط
org-claim = أعمل مع هذه المنظمة
org-claimed = ذكرت أنك تعمل مع هذه المنظمة؛ سيؤكد ذلك أحد مسؤوليها.
org-claims = بانتظار التأكيد
org-confirm = تأكيد
org-members = الأشخاص
org-admin = مسؤول
error-website = أدخل عنوان ويب يبدأ بـ https://‏.

## API page
api-title = واجهة برمجة براكسيس
api-lead = كل ما في براكسيس متاح بصيغة JSON تحت ‎/api/v1. هذه الصفحة مولّدة من مستند OpenAPI نفسه الذي يمكن للبرامج تنزيله.
api-auth-title = المصادقة
api-auth-body = أنشئ رمز وصول شخصيًا من الإعدادات ← رموز الوصول وأرسله في ترويسة Authorization. أما الطلبات من متصفح مسجَّل الدخول فتستخدم الجلسة.
api-example-host = https://your-praxis.example
api-endpoints = نقاط الوصول

## Errors
error-required = هذا الحقل مطلوب.
error-email-invalid = أدخل بريدًا إلكترونيًا مثل name@example.org.
error-email-taken = هناك حساب آخر يستخدم هذا العنوان.
error-email-same = هذا هو بريدك الإلكتروني الحالي.
error-email-unverified = يُرجى تأكيد بريدك الإلكتروني أولًا. أرسلنا إليك رابطًا جديدًا.
error-password-short = يجب أن تتكون كلمة المرور من 10 أحرف على الأقل.
error-password-long = يجب ألا تزيد كلمة المرور على 256 حرفًا.
error-password-wrong = كلمة المرور غير صحيحة.
error-login-failed = البريد الإلكتروني أو كلمة المرور غير صحيحين.
error-too-long = هذا أطول من المسموح.
error-too-many = عدد الإدخالات كبير جدًا.
error-invalid-characters = يحتوي على أحرف غير مسموح بها.
error-unknown-choice = اختر أحد الخيارات المعروضة.
error-level-range = اختر مستوى من 0 إلى 5.
error-capacity-range = أدخل رقمًا من 0 إلى 20.
error-language-code = استخدم رموز لغات مثل ar أو en أو sr-Latn مفصولة بفواصل.
error-time-zone = استخدم اسم منطقة زمنية مثل Asia/Amman أو UTC.
error-cursor = رابط هذه الصفحة غير صالح.
error-too-many-attempts = محاولات فاشلة كثيرة. انتظر بضع دقائق قبل المحاولة مجددًا.
error-not-found = غير موجود.
error-unauthenticated = عليك تسجيل الدخول.
error-bidi-control = احذف المحارف غير المرئية التي تعكس ترتيب النص: قد تجعل الاسم أو العنوان يُقرأ على غير حقيقته.
error-forbidden = لا يُسمح لك بذلك.
error-cross-site = جاء هذا الطلب من موقع آخر أو من دون رمز الأمان الذي يرسله هذا الموقع: لم يتغيّر شيء. أعد تحميل الصفحة وحاول مرة أخرى.
error-invalid = بعض الحقول غير صالحة.
error-unavailable = الخدمة غير متاحة. حاول مجددًا بعد قليل.
error-unexpected = حدث خطأ من جهتنا وتم تسجيله.
error-json-content-type = أرسل المحتوى بصيغة JSON مع Content-Type: application/json.
error-json-syntax = المحتوى ليس JSON صالحًا.
error-json-shape = هذا الحقل مفقود أو غير معروف أو من نوع خاطئ.
error-body-too-large = المحتوى كبير جدًا.
error-page-not-found-title = الصفحة غير موجودة
error-page-not-found = لا يوجد شيء هنا، أو لا يُسمح لك برؤيته.
error-page-forbidden-title = غير مسموح
error-page-forbidden = انتهت صلاحية هذا النموذج أو لم يأتِ من هذا الموقع. ارجع وأعد تحميل الصفحة ثم حاول مجددًا.
error-page-bad-request-title = تعذّر فهم الطلب
error-page-bad-request = تعذّر فهم الطلب.
error-page-too-many-title = محاولات كثيرة
error-page-unavailable-title = غير متاح مؤقتًا
error-page-unexpected-title = حدث خطأ ما

## Mail
mail-verify-subject = أكّد بريدك الإلكتروني في { $site }
mail-verify-body =
    أهلًا بك في { $site }.

    لإكمال إنشاء حسابك، افتح هذا الرابط خلال 48 ساعة:

    { $link }

    إذا لم تكن أنت من سجّل، فتجاهل هذه الرسالة: لن يُنشأ أي حساب باسمك.
mail-registered-subject = بخصوص حسابك في { $site }
mail-registered-body =
    حاول أحدهم إنشاء حساب في { $site } بهذا البريد الإلكتروني، لكن لديه حساب بالفعل.

    إن كنت أنت، فسجّل الدخول من { $base }/login أو أعد تعيين كلمة المرور من { $base }/forgot-password.

    وإن لم تكن أنت، فيمكنك تجاهل هذه الرسالة.
mail-reset-subject = إعادة تعيين كلمة المرور في { $site }
mail-reset-body =
    لاختيار كلمة مرور جديدة، افتح هذا الرابط خلال ساعتين:

    { $link }

    إذا لم تطلب ذلك، فتجاهل هذه الرسالة: تبقى كلمة مرورك كما هي.
mail-password-changed-subject = تم تغيير كلمة المرور في { $site }
mail-password-changed-body =
    تم للتو تغيير كلمة مرور حسابك في { $site }: أُنهيت جلساتك الأخرى وتوقفت رموز الوصول الخاصة بك.

    إن لم تكن أنت، فأعد تعيين كلمة المرور فورًا: { $base }/forgot-password
mail-confirm-email-subject = أكّد بريدك الإلكتروني الجديد في { $site }
mail-confirm-email-body =
    لنقل حسابك في { $site } إلى هذا العنوان، افتح هذا الرابط خلال 24 ساعة واضغط الزر:

    { $link }

    إذا لم تطلب ذلك، فتجاهل هذه الرسالة.
mail-email-change-subject = طُلب تغيير البريد الإلكتروني في { $site }
mail-email-change-body =
    طلب شخص مسجّل الدخول إلى حسابك في { $site } نقله إلى بريد إلكتروني آخر. لن يتغير شيء ما لم يُؤكَّد العنوان الجديد.

    إن لم تكن أنت، فغيّر كلمة المرور فورًا: { $base }/forgot-password

mail-email-changed-subject = نُقل حسابك في { $site } إلى بريد إلكتروني آخر
mail-email-changed-body =
    يستخدم حسابك في { $site } الآن العنوان { $address }. لن يصل بريده إلى هذا العنوان بعد الآن.

    إن لم تكن أنت، فافتح هذا الرابط خلال سبعة أيام واضغط الزر: يعود الحساب إلى هذا العنوان، ويُسجَّل خروج كل من دخل إليه، وتتوقف رموز الوصول الخاصة به. ثم اختر كلمة مرور جديدة.

    { $link }
mail-email-restored-subject = عاد حسابك في { $site } إلى هذا العنوان
mail-email-restored-body =
    أُلغي نقل حسابك في { $site } إلى عنوان آخر. سُجّل خروج كل من دخل إليه وتوقفت رموز الوصول الخاصة به.

    اختر كلمة مرور جديدة الآن: { $base }/forgot-password
undo-email-title = أعد حسابك إلى هذا العنوان
undo-email-lead = يعود الحساب إلى العنوان الذي أُرسل إليه هذا الرابط؛ ويُسجَّل خروج كل من دخل إليه وتتوقف رموز الوصول الخاصة به.
undo-email-submit = أعده
email-restored-title = عاد حسابك
email-restored-body = يستخدم هذا العنوان من جديد وسُجّل خروج الجميع. اختر كلمة مرور جديدة الآن.
## Library
nav-library = المكتبة
library-title = المكتبة
library-lead = أوراق عمل وأدلة وجداول أعمال ودراسات حالة وأبحاث أعدّتها الشبكة وكيّفتها، وكلٌّ منها مرتبط بالنسخ التي جاء منها.
library-of-node = مكتبة { $node }
library-search-placeholder = ابحث في المكتبة
library-new = انشر مادة
library-edit = تعديل
library-adapt = كيّف أو ترجم
library-kinds = أنواع المواد
library-all-kinds = الكل
library-tagged = الوسم
library-clear-filter = اعرض كل شيء
library-empty = لا شيء هنا بعد.
library-an-adaptation = مادة مُكيَّفة
library-feed = خلاصة المواد العامة الجديدة (Atom)
library-kind-guide = دليل
library-kind-worksheet = ورقة عمل
library-kind-agenda = جدول أعمال
library-kind-case_study = دراسة حالة
library-kind-research_summary = ملخص بحث
library-kind-recording = تسجيل
library-kind-slide_deck = عرض شرائح
library-kind-other = أخرى
library-scope-public = عامة: يستطيع أي أحد قراءتها
library-scope-members = أعضاء الشبكة
library-scope-node = من يستطيع رؤية عُقدتها
library-version-n = النسخة { $version }
library-from-version = النسخة { $version }
library-adapted-from = مُكيَّفة عن
library-into-language = إلى
library-adapted-from-removed = مُكيَّفة عن مادة حُذفت منذ ذلك الحين.
library-adapted-from-private = مُكيَّفة عن مادة لا يمكنك رؤيتها.
library-adapted-context = كُيِّفت لسياق
library-adapted-audience = كُيِّفت لجمهور
library-adapted-language = تُرجمت إلى (رمز اللغة)
library-what-changed = ما الذي يغيّره هذا التكييف
library-adapting = تكييف
library-authors = المؤلفون
library-authors-hint = اسم واحد في كل سطر.
library-published-by = نشرها
library-license = الترخيص
library-files = الملفات
library-no-files = لا ملفات مرفقة.
library-attach = أرفق ملفًا
library-attach-hint = ‏PDF أو مستندات مكتبية أو صور أو صوت أو فيديو. تُزال من الصور بيانات الكاميرا والموقع.
library-upload = ارفع
library-remove-file = أزل
library-file-attached = أُرفق الملف.
library-file-removed = أُزيل الملف.
library-file-refused = لم يُرفق الملف
library-back-to-item = العودة إلى المادة
library-family = التكييفات
library-no-adaptations = لا تكييفات بعد. كيّفها للغتك أو لسياقك وستظهر هنا.
library-family-tree = شجرة العائلة
library-family-lead = المادة الأصلية وكل تكييف صُنع منها، بقدر ما يُسمح لك برؤيته.
library-removed-item = مادة محذوفة
library-history = السجل
library-version = النسخة
library-when = متى
library-who = من
library-what = ماذا
library-someone = أحد الأعضاء
library-see-changes = اعرض التغييرات
library-restore = استعد هذه النسخة
library-restored = عادت النسخة القديمة لتكون الحالية (كنسخة جديدة).
library-saved = حُفظت كنسخة جديدة.
library-note-created = نُشرت
library-note-adapted = نُشرت كتكييف
library-note-edited = عُدّلت
library-note-restored = استُعيدت النسخة { $version }
library-changes = التغييرات
library-before = قبل
library-after = بعد
library-body-unchanged = لم يتغير النص.
library-delete = احذف هذه المادة
library-delete-hint = تبقى تكييفاتها، وتُظهر أن أصلها قد حُذف.
library-field-title = العنوان
library-field-kind = النوع
library-field-summary = الملخص
library-field-body = النص
library-field-practices = الممارسات
library-field-domains = المجالات
library-field-regions = المناطق
library-field-languages = اللغات
library-field-license = الترخيص
library-field-authors = المؤلفون
library-field-scope = من يستطيع قراءتها
library-field-node = العُقدة
library-no-node = بلا عُقدة
library-body-hint = ‏Markdown: ‏# للعناوين، ‏- للقوائم، | للجداول |، ‏[روابط](https://…) و![صور](https://…).
library-language-hint = رموز لغات مثل ar وen وes وpt-BR، تفصل بينها فواصل.
error-adaptation-empty = اذكر ما يغيّره التكييف: لغة أو سياق أو جمهور.
error-not-node-member = اختر عُقدة أنت عضو فيها.
error-stale-version = حفظ شخص آخر نسخة أحدث أثناء تعديلك. أعد تحميل المادة وأجرِ تغييرك مرة أخرى.
error-file-type = هذا النوع من الملفات غير مقبول. أرفق ملف PDF أو مستندًا مكتبيًا أو صورة أو صوتًا أو فيديو.
error-file-too-large = الملف أكبر مما تقبله هذه الشبكة.
error-file-damaged = تعذّرت قراءة الصورة، فلم تُحفظ.
error-page-too-large-title = كبير جدًا
error-page-range = هذه الصفحة بعيدة جدًا في النتائج.
pager-previous = الصفحة السابقة

## Search
search-title = البحث
search-label = ابحث
search-placeholder = ابحث في براكسيس
search-button = ابحث
search-lead = ابحث في المكتبة والعُقد والأعضاء معًا. يجب أن تطابق كل كلمة؛ وتُحتسب صيغ الكلمة الأخرى والأخطاء الإملائية الصغيرة.
search-refine = تضييق النتائج
search-total = { $count ->
    [zero] لا نتائج
    [one] نتيجة واحدة
    [two] نتيجتان
    [few] { $count } نتائج
   *[other] { $count } نتيجة
}
search-nothing = لا شيء يطابق. جرّب كلمات أقل أو مختلفة.
search-facet-type = النوع
search-facet-kind = صنف المادة
search-facet-practice = الممارسة
search-facet-domain = المجال
search-facet-region = المنطقة
search-facet-language = اللغة
search-type-item = المكتبة
search-type-node = عُقدة
search-type-member = عضو
node-library = مكتبة هذه العُقدة
node-publish = انشر في هذه العُقدة

## Workshops
nav-workshops = الورشات
workshops-title = الورشات
workshops-lead = ورشات وبرامج أطول يتدرّب فيها المشاركون في فرق صغيرة، لكل فريق مدرّب مرافق.
workshops-empty = لا ورشات بعد.
workshop-new = أنشئ ورشة
workshop-edit = عدّل الورشة
workshop-apply-until = التقديم حتى { $date }
workshop-field-title = العنوان
workshop-field-description = الوصف
workshop-field-modules = وحدات الممارسة المشمولة
workshop-field-format = الصيغة
workshop-field-place = المكان
workshop-field-participant-capacity = مقاعد المشاركين
workshop-field-coach-capacity = مقاعد المدرّبين المرافقين
workshop-field-applications-open = يبدأ التقديم في
workshop-field-applications-close = ينتهي التقديم في
workshop-field-scope = من يستطيع رؤيتها
workshop-format-online = عبر الإنترنت
workshop-format-in_person = حضوريًا
workshop-format-hybrid = مدمجة
workshop-sessions = الجلسات
workshop-no-sessions = لا جلسات مجدولة بعد.
workshop-session-date = التاريخ
workshop-session-start = البداية (بالتوقيت المحلي)
workshop-session-duration = المدة (بالدقائق)
workshop-session-module = الوحدة
workshop-session-location = القاعة أو الرابط
workshop-minutes = { $minutes } دقيقة
workshop-add-session = أضف الجلسة
workshop-staff = الفريق المنظّم
workshop-staff-member = معرّف العضو
workshop-staff-member-hint = المعرّف في آخر عنوان صفحة العضو.
workshop-staff-role = الدور
workshop-add-staff = أضف إلى الفريق المنظّم
workshop-role-lead_trainer = المدرّب الرئيسي
workshop-role-trainer = مدرّب
workshop-role-coach = مدرّب مرافق
workshop-role-meta_coach = مدرّب المدرّبين
workshop-role-coordinator = منسّق
error-date = اكتب التاريخ بصيغة YYYY-MM-DD.
error-time-of-day = اكتب الوقت بصيغة HH:MM (نظام 24 ساعة).
error-count-range = أدخل عددًا صحيحًا ضمن المدى المسموح.
error-close-before-open = لا يمكن أن ينتهي التقديم قبل أن يبدأ.
error-unknown-member = لا يوجد عضو بهذا المعرّف.
error-last-lead-trainer = تحتفظ الورشة دائمًا بمدرّب رئيسي واحد على الأقل.

## Applications
application-apply-participant = قدّم للمشاركة
application-apply-coach = قدّم لتكون مدرّبًا مرافقًا
application-no-questions = لا تطرح هذه الورشة أسئلة: أرسل طلبك كما هو.
application-send = أرسل الطلب
application-sent = أُرسل طلبك. ستصلك رسالة بريد إلكتروني عندما يقرّر المدرّبون.
application-yours = طلباتك
application-see = اعرضه
application-withdraw = اسحب الطلب
application-review = الطلبات
application-questions = أسئلة الطلب
application-role = الدور
application-role-participant = مشارك
application-role-coach = مدرّب مرافق
application-status = الحالة
application-status-submitted = بانتظار القرار
application-status-accepted = مقبول
application-status-waitlisted = على قائمة الانتظار
application-status-declined = مرفوض
application-status-withdrawn = مسحوب
application-none = لا طلبات مطابقة.
application-choose = اختر
application-applicant = مقدّم الطلب
application-decision = القرار بشأن الطلبات المختارة
application-accept = اقبل
application-waitlist = ضع على قائمة الانتظار
application-decline = ارفض
application-apply-decision = قرّر
application-decided = { $count ->
    [zero] لم يتغير أي طلب.
    [one] تغيّر طلب واحد.
    [two] تغيّر طلبان.
    [few] تغيّرت { $count } طلبات.
   *[other] تغيّر { $count } طلبًا.
}
question-prompt = السؤال
question-audience = موجّه إلى
question-kind = نوع الإجابة
question-kind-short = سطر من النص
question-kind-long = فقرات
question-kind-single = خيار واحد
question-kind-multiple = عدة خيارات
question-kind-scale = مقياس من 1 إلى 5
question-choices = الخيارات
question-choices-hint = خيار في كل سطر، لسؤال الخيار الواحد أو الخيارات المتعددة.
question-required = الإجابة مطلوبة
question-add = أضف السؤال
error-two-choices = أعطِ خيارين على الأقل.
error-scale = اختر رقمًا من 1 إلى 5.
error-applications-closed = التقديم غير مفتوح لهذه الورشة.
error-already-applied = سبق أن قدّمت بهذا الدور.
error-workshop-full = لا تكفي المقاعد المتبقية لقبولهم جميعًا.
error-cannot-decide = أحد الطلبات المختارة لا يقبل هذا القرار.
error-none-chosen = اختر طلبًا واحدًا على الأقل.
mail-application-accepted-subject = لك مقعد: { $workshop }
mail-application-accepted-body =
    قُبل طلبك للمشاركة في { $workshop }. سيتواصل معك المدرّبون بشأن فريقك.

    { $link }
mail-application-waitlisted-subject = على قائمة الانتظار: { $workshop }
mail-application-waitlisted-body =
    طلبك للمشاركة في { $workshop } على قائمة الانتظار. إن تحرّر مقعد فهو لك، وسنخبرك فورًا.

    { $link }
mail-application-declined-subject = بشأن طلبك: { $workshop }
mail-application-declined-body =
    لم يتمكن المدرّبون من منحك مقعدًا في { $workshop } هذه المرة. شكرًا لتقديمك — الورشات الأخرى مدرجة في { $base }/workshops

## Teams
team-title = الفرق
team-yours = فريقك
team-propose-hint = تُشكَّل الفرق من المشاركين والمدرّبين المقبولين: يشترك كل عضو بلغة مع مدرّبه، ويقع ضمن النافذة الزمنية لمدرّبه، ويُوزَّع الزملاء على فرق مختلفة (أو يبقون معًا)؛ ثم تُجعل الفرق متنوعة قدر الإمكان.
team-min-size = أصغر فريق
team-max-size = أكبر فريق
team-window = أقصى فارق بالساعات عن المدرّب
team-seed = البذرة (بذرة أخرى، اقتراح آخر صالح بالقدر نفسه)
team-colleagues = الزملاء من منظمة واحدة
team-colleagues-split = في فرق مختلفة
team-colleagues-together = في الفريق نفسه
team-pair-new = اقرن المدرّبين الجدد بمدرّب ذي خبرة
team-propose = اقترح الفرق
team-none-yet = لا فرق بعد: اقبل المشاركين والمدرّبين، ثم اقترح الفرق.
team-not-published = لم يُنشر فريقك بعد.
team-number = الفريق { $number }
team-draft = مسودة
team-coach = المدرّب المرافق
team-co-coach = المدرّب المساعد
team-move-to = انقل إلى
team-move = انقل
team-publish = انشر الفرق لأعضائها
team-proposed = { $count ->
    [zero] لم يُقترح أي فريق.
    [one] اقتُرح فريق واحد.
    [two] اقتُرح فريقان.
    [few] اقتُرحت { $count } فرق.
   *[other] اقتُرح { $count } فريقًا.
}
team-objective = درجة التنوع: { $value }.
team-published = { $count ->
    [zero] لم يُنشر أي فريق.
    [one] نُشر فريق واحد.
    [two] نُشر فريقان.
    [few] نُشرت { $count } فرق.
   *[other] نُشر { $count } فريقًا.
}
team-reason-language = يشترك مع المدرّب في لغة { $language }
team-reason-time = { $hours } ساعة عن المدرّب
team-reason-region = الوحيد من { $region }
team-reason-colleagues-elsewhere = زملاؤه في فرق أخرى
team-reason-with-colleagues = مع زملائه
team-problem-no-shared-language = لا يتحدث أي مدرّب لغةً من لغات { $who }.
team-problem-no-coach-in-time = لا يوجد مدرّب بلغته ضمن النافذة الزمنية لـ { $who }.
team-problem-language-group-too-small = عدد من يعملون بلغة { $who } أقل من أن يشكّل فريقًا.
team-problem-not-enough-coaches = لا يكفي المدرّبون للفرق المطلوبة ({ $who }).
team-problem-too-few-participants = عدد المشاركين المقبولين قليل جدًا ({ $who }).
team-problem-colleagues-cannot-be-split = لا يمكن توزيع كل الزملاء على فرق مختلفة.
team-problem-colleagues-cannot-stay-together = لا يمكن أن يبقى كل الزملاء معًا.
team-problem-team-sizes-impossible = لا يمكن تقسيم مجموعة { $who } إلى فرق بهذه الأحجام.
team-problem-no-coach-for-team = لا يستطيع أي مدرّب أخذ هذا الفريق: { $who }.
team-problem-bad-option = هذا الخيار خارج المدى: { $who }.
warning-team-large = نُقل. صار ذلك الفريق أكبر من الستة المعتادة.
warning-no-shared-language = نُقل. لا يشترك هذا الشخص بأي لغة مع مدرّب ذلك الفريق.
error-infeasible = لا يمكن تشكيل الفرق بهؤلاء الأشخاص وهذه الخيارات:
error-teams-published = الفرق منشورة؛ انقل الأشخاص يدويًا بدلًا من ذلك.
error-no-teams = لا فرق لنشرها.

## Coaching
coaching-attendance = الحضور
coaching-attendance-saved = حُفظ الحضور.
coaching-nobody = لا أحد لتسجيله بعد: يظهر المشاركون بعد قبولهم (ويرى المدرّب المرافق فريقه فقط).
coaching-present = حاضر
coaching-save-attendance = احفظ الحضور
coaching-logs = سجلات المرافقة
coaching-notes-for-you = ملاحظات مدرّبك
coaching-no-logs = لا سجلات مرافقة بعد.
coaching-new-log = اكتب سجل مرافقة
coaching-subject = عن
coaching-challenge = التحدي
coaching-challenge-heart = القلب (الدافع)
coaching-challenge-hands = اليدان (المهارات)
coaching-challenge-head = الرأس (الاستراتيجية)
coaching-observation = ما لاحظته
coaching-diagnosis = تشخيصك
coaching-intervention = ما فعلته
coaching-debrief = جلسة المراجعة
coaching-next-steps = الخطوات التالية المتفق عليها
coaching-next-check-in = المتابعة القادمة
coaching-shared-note = ملاحظة مشتركة مع المشارك
coaching-shared-hint = يقرأ المشارك هذه الملاحظة.
coaching-private-note = ملاحظة خاصة
coaching-private-hint = لا يقرأ هذه الملاحظة إلا أنت والمدرّبون الرئيسيون، وتُسجَّل كل قراءة لها. لا تظهر أبدًا للمشارك ولا في القوائم أو التصدير أو البريد.
coaching-save-log = احفظ السجل
coaching-reads = من قرأ الملاحظة الخاصة
error-not-in-roster = هذا الشخص ليس ممن ترافقهم في هذه الورشة.
error-log-empty = اكتب جزءًا واحدًا على الأقل من السجل.

workshop-export = تنزيل
certificate-title = الشهادات
certificate-yours = شهادتك
certificate-issue = أصدر الشهادات لكل المشاركين المقبولين
certificate-issue-hint = لكل شهادة عنوان تحقق يستطيع حاملها مشاركته؛ ومن لديه شهادة يحتفظ بها.
certificate-none = لا شهادات بعد.
certificate-link = صفحة التحقق
certificate-revoke = ألغِ
certificate-revoked = أُلغيت هذه الشهادة
certificate-revoked-on = أُلغيت في
certificate-valid = شهادة إتمام صالحة
certificate-issued-on = صدرت في
pathway-title = المسارات
pathway-lead = ينمو القادة الصاعدون من مشاركين إلى مدرّبين مرافقين، ثم مدرّبي مدرّبين أو مدرّبين، ثم مدرّبين رئيسيين. يستطيع أي أحد ترشيح شخص مع الدليل؛ ويرى مديرو الشبكة ومشرفو العُقد المسار.
pathway-chart = عدد الأشخاص في كل مرحلة
pathway-moved = من تقدّم هذا الربع
pathway-moved-none = لم يبلغ أحد مرحلة جديدة هذا الربع بعد.
pathway-record = سجّل مرحلة بلغها شخص
pathway-step = المرحلة
pathway-reached-on = بلغها في
pathway-nominations = الترشيحات
pathway-no-nominations = لا ترشيحات بعد.
pathway-nominate = رشّح قائدًا صاعدًا
pathway-evidence = الدليل: ما الذي رأيته يفعله؟
pathway-saved = حُفظ.
pathway-step-participant = مشارك
pathway-step-paired_coach = مدرّب مرافق (مقترن)
pathway-step-coach = مدرّب مرافق
pathway-step-meta_coach = مدرّب المدرّبين
pathway-step-upfront_trainer = مدرّب في القاعة
pathway-step-lead_trainer = مدرّب رئيسي
error-nominate-self = رشّح شخصًا آخر.
feedback-title = إيجابيات/تحسينات
feedback-ratings = تقييمات الجلسة من 1 إلى 5
feedback-plus = الإيجابيات: ما الذي نجح
feedback-delta = التحسينات: ما الذي يجب تغييره
feedback-rating = كيف كانت الجلسة من 1 إلى 5؟
feedback-anonymous = يرى المدرّبون ما تكتبه دون اسمك.
feedback-send = أرسل
feedback-thanks = شكرًا لك: سيقرؤه المدرّبون.
survey-pre = قبل الورشة
survey-post = بعد الورشة
survey-hint = ما مدى ثقتك بكل ممارسة، من 1 (لا ثقة) إلى 5 (ثقة كبيرة)؟
survey-answered = لقد أجبت؛ يمكنك تغيير إجاباتك.
survey-results = التقييم الذاتي
survey-results-lead = متوسط ثقة المشاركين بكل ممارسة قبل الورشة وبعدها.
survey-legend = الرمادي: قبل. الأخضر: بعد.
survey-answers = الإجابات (قبل / بعد)
import-participants = استورد المشاركين
import-participants-lead = ملف CSV فيه عمود للبريد الإلكتروني، من أي جدول بيانات. افحصه أولًا: يُبلَّغ عن كل صف. تُرسل دعوة إلى كل عنوان صالح؛ ويأخذ الناس مقاعدهم باتّباعها بعد تسجيل الدخول (يُقبلون ما دامت المقاعد متاحة، ثم يوضعون على قائمة الانتظار). التقرير واحد سواء كان للعنوان حساب هنا أم لا.
import-file = ملف CSV
import-email-column = عمود البريد الإلكتروني (اختياري)
import-email-column-hint = يُعثر عليه باسمه إن تُرك فارغًا.
import-check = افحص الملف
import-run = استورد
import-would-add = { $count ->
    [zero] لن يُدعى أي عنوان.
    [one] سيُدعى عنوان واحد.
    [two] سيُدعى عنوانان.
    [few] سيُدعى { $count } عناوين.
   *[other] سيُدعى { $count } عنوانًا.
}
import-added = { $count ->
    [zero] لم تُرسل أي دعوة.
    [one] أُرسلت دعوة واحدة.
    [two] أُرسلت دعوتان.
    [few] أُرسلت { $count } دعوات.
   *[other] أُرسلت { $count } دعوة.
}
import-line = السطر
import-outcome = النتيجة
import-outcome-will-invite = ستُرسل إليه دعوة
import-outcome-already-invited = دُعي من قبل
workshop-invitation-title = مقعد في { $workshop }
workshop-invitation-lead = يدعوك مدرّبو هذه الورشة إلى المشاركة فيها.
workshop-invitation-accept = خذ مقعدي
workshop-invitation-sign-in = سجّل الدخول (أو انضم إلى الشبكة) لتأخذ مقعدك.
workshop-invitation-accepted = لك مقعد في هذه الورشة.
workshop-invitation-waitlisted = الورشة ممتلئة: أنت على قائمة الانتظار، ويذهب إليك أي مقعد يتحرّر حين يأتي دورك.
mail-workshop-invitation-subject = مقعد لك في { $workshop } على { $site }
mail-workshop-invitation-body =
    يدعوك مدرّبو { $workshop } على { $site } إلى المشاركة.

    لتأخذ مقعدك، افتح هذا الرابط خلال ثلاثة أسابيع (سيُطلب منك تسجيل الدخول أو الانضمام):

    { $link }

    إن كنت لا تعرف سبب وصول هذه الرسالة، فتجاهلها.
mail-next-step-subject = أنت مدعوّ لتكون مدرّبًا مرافقًا: { $workshop }
mail-next-step-body =
    رأى مدرّبو { $site } ما قدّمته ويدعونك إلى الخطوة التالية: أن ترافق فريقًا في { $workshop }. قدّم كمدرّب مرافق من هنا:

    { $link }
pathway-invite = ادعُ لمرافقة فريق في ورشة
pathway-invite-workshop = الورشة
pathway-invited = أُرسلت الدعوة.
warning-time-zone = نُقل. يبعد هذا الشخص أكثر من ثلاث ساعات عن توقيت مدرّب ذلك الفريق.
warning-colleagues = نُقل. يوجد في ذلك الفريق زميل من المنظمة نفسها.
nav-commitments = الالتزامات
commitments-title = الالتزامات
commitments-lead = من طلب ممّن، ماذا، ومتى — وهل أُنجز.
commitments-kept-rate = نسبة الوفاء بما طلبتَه: { $rate } ٪
commitments-kept-rate-none = لم يحن بعد موعد أيّ التزام طلبتَه.
commitments-follow-up = للمتابعة: موعده خلال أسبوع ولم يُؤكَّد بعد
commitments-follow-up-none = لا شيء للمتابعة هذا الأسبوع.
commitments-asked-by-me = ما طلبتُه من غيري
commitments-asked-of-me = ما طلبه غيري منّي
commitments-ask = اطلب التزامًا
commitments-asked = العضو (المعرّف أو عنوان صفحته)
commitments-due = الموعد
commitments-what = ماذا
commitments-context = ملاحظة (اختيارية)
commitments-made-at = أين قُطع
commitments-made-at-none = — لا في جلسة ولا في لقاء فردي —
commitments-made-at-sessions = جلسات الورش
commitments-made-at-one-on-ones = لقاءاتي الفردية
commitments-one-on-one-with = لقاء فردي مع { $name }
commitments-in-a-one-on-one = لقاء فردي
commitments-for-campaign = لصالح الحملة
commitments-who = من ← لمن
commitments-status = الحالة
commitments-moves = الخطوات
one-on-one-ask-commitment = اطلب التزامًا قُطع في هذا اللقاء
commitment-status-asked = طُلب
commitment-status-agreed = وافق
commitment-status-confirmed = أكّد
commitment-status-done = أُنجز
commitment-status-flaked = لم يَفِ
commitment-status-declined = اعتذر
commitment-move-asked = اطلب من جديد
commitment-move-agreed = وافق
commitment-move-confirmed = أكّد
commitment-move-done = أُنجز
commitment-move-flaked = لم يَفِ
commitment-move-declined = اعتذر
error-commitment-closed = هذا الالتزام مُغلق: أُنجز أو لم يُوفَ به أو اعتُذر عنه.
error-commitment-transition = يمضي الالتزام هكذا: طُلب ← وافق ← أكّد ← أُنجز (أو لم يُوفَ به، أو اعتُذر عنه)؛ هذه الخطوة تقفز فوق مرحلة أو تعود إلى الوراء.
error-commitment-one-place = اختر جلسة أو لقاءً فرديًا، لا الاثنين معًا.
organizing-title = الفرق والحملات
organizing-lead = فرق التنظيم على نموذج ندفة الثلج، والحملات التي تخطّط لها بأدوات الإطار، وما تتعلّمه منها.
teams-title = الفرق
teams-none = لا يوجد بعد فريق يمكنك رؤيته.
team-new = أنشئ فريقًا
team-name = اسم الفريق
team-parent = جزء من
team-no-parent = بلا فريق أعلى
team-purpose = الغاية المشتركة
team-norms = الأعراف (واحد في كل سطر)
team-your-role = دورك فيه
team-role = الدور
team-roles = الأدوار ومن يتولّاها
team-add-member = أضف إلى الفريق
team-remove-member = أزِل
team-children = الفرق التابعة لهذا الفريق
team-edit = عدّل الفريق
team-save = احفظ
health-title = صحة الفريق
health-lead = قيّم كل شرط من الشروط الستة للفريق الفعّال (هاكمان وفاغمان) من 1 إلى 5. يُحفظ كل تقييم لترى كيف يتغيّر الفريق.
health-chart = صحة الفريق عبر الزمن، كل شرط من 1 إلى 5
health-date = التاريخ
health-notes = ملاحظات
health-record = سجّل تقييمًا لصحة الفريق
condition-real_team = فريق حقيقي
condition-compelling_purpose = غاية مُلهمة
condition-right_people = الأشخاص المناسبون
condition-sound_structure = بنية سليمة
condition-supportive_context = سياق داعم
condition-team_coaching = مرافقة الفريق
campaigns-title = الحملات
campaigns-none = لا توجد بعد حملة يمكنك رؤيتها.
campaign-new = خطّط لحملة
campaign-title-field = العنوان
campaign-team = الفريق
campaign-no-team = العقدة كلّها
campaign-edit = عدّل الاستراتيجية
campaign-strategy = الاستراتيجية
campaign-constituency = القاعدة
campaign-problem = المشكلة
campaign-vision = الرؤية
campaign-goal-statement = الهدف الاستراتيجي
campaign-goal-metric = ما نعدّه
campaign-goal-target = الرقم المستهدف
campaign-goal-deadline = الموعد النهائي
campaign-toc-if = نظرية التغيير: إذا…
campaign-toc-then = …فإنّ…
campaign-toc-because = …لأنّ…
campaign-os-who = الجملة التنظيمية: مَن
campaign-os-what = ماذا
campaign-os-how = كيف
campaign-os-when = متى
campaign-actors = خريطة الفاعلين
campaign-add-actor = أضف فاعلًا
campaign-timeline = الخط الزمني
campaign-chart = الهدف والرقم المحقَّق لكل مرحلة
campaign-add-phase = أضف مرحلة
campaign-phase-kind = المرحلة
campaign-phase-label = ما هي
campaign-phase-on = التاريخ
campaign-phase-goal = الهدف
campaign-phase-actual = المحقَّق
campaign-kept-rate-label = الالتزامات المُوفى بها
campaign-export-md = صدّر بصيغة Markdown
campaign-export-json = صدّر بصيغة JSON
actor-name = الفاعل
actor-category = موقعه
actor-interests = المصالح
actor-resources = الموارد
actor-constituency = القاعدة
actor-leaders = القادة
actor-supporters = الداعمون
actor-competition = المنافسون
actor-opposition = المعارضون
actor-sideline = على الهامش
phase-foundation = التأسيس
phase-peak = ذروة
phase-climax = الذروة الحاسمة
phase-resolution = الحسم
reach-label = من يراه
reach-team = الفريق (ومشرفو العقدة)
reach-node = أعضاء العقدة
reach-network = أعضاء الشبكة
reflections-title = المراجعات
reflections-none = لا توجد مراجعة بعد. بعد كل ذروة، توقّفوا معًا لتقييم ما جرى.
reflection-new = اكتب مراجعة
reflection-subject = مراجعة لـ
reflection-label = أيّها
reflection-intended = ماذا قصدنا؟
reflection-happened = ماذا حدث؟
reflection-difference = لماذا كان هناك فرق؟
reflection-sustain = ما الذي نحافظ عليه؟
reflection-improve = ما الذي نحسّنه؟
reflection-numbers = الأرقام
reflection-participants = من شارك
subject-campaign = الحملة
subject-phase = مرحلة
subject-action = عمل
subject-workshop = ورشة
lessons-title = الدروس
lessons-lead = ما تعلّمته هذه العقدة، مستخلصًا من مراجعاتها.
lessons-none = لا يوجد بعد درس يمكنك رؤيته.
lessons-like-mine = دروس تشبه وضعي
lesson-title = درس
lesson-draw = استخلص درسًا من المراجعات المختارة
lesson-from-this = استخلص درسًا من هذه المراجعة
lesson-statement = الدرس
lesson-status = الحالة
lesson-status-observation = ملاحظة
lesson-status-identified = درس محدَّد
lesson-status-adopted = درس معتمَد
lesson-provenance = من أين جاء
lesson-private-source = من مراجعة خاصة
lesson-endorsements = التأييدات
lesson-endorsements-none = لم يؤيّده أحد بعد.
lesson-endorse = نجح هذا معنا أيضًا
lesson-endorse-context = أين ومع مَن
lesson-items = مواد المكتبة
lesson-item = مادة المكتبة (المعرّف أو العنوان)
lesson-link = اربط
lesson-like-this = دروس تشبه هذا الدرس
lesson-steward = للمشرفين: الحالة والمشاركة
search-type-lesson = درس
error-reach-needs-team = لا يمكن حصر حملة أو مراجعة أو درس في الفريق إلا إذا كان لفريق.
error-lesson-sources = اختر مراجعات يمكنك قراءتها، كلّها من عقدة واحدة.
error-lesson-step = ينتقل الدرس خطوة واحدة في كل مرة: ملاحظة، درس محدَّد، درس معتمَد.
error-unknown-item = لا توجد في المكتبة مادة بهذا المعرّف يمكنك قراءتها.
error-not-in-node = هذا العضو ليس من أعضاء العقدة.
organizing-links = عملك التنظيمي
one-on-ones-title = اللقاءات الفردية
one-on-ones-lead = ما سمعته في كل لقاء فردي: خاص بك ما لم تشاركه مع أحد فرقك.
one-on-ones-follow-up = متابعات موعدها هذا الأسبوع
one-on-ones-log = سجّل لقاءً فرديًا
one-on-ones-all = لقاءاتك الفردية ولقاءات فرقك
one-on-one-with = مع مَن
one-on-one-met-on = تاريخ اللقاء
one-on-one-follow-up = تاريخ المتابعة
one-on-one-purpose = الغاية
one-on-one-values-heard = القيم التي سمعتها
one-on-one-interests = المصالح التي سمعتها
one-on-one-resources = الموارد التي سمعتها
one-on-one-exchanged = ما تبادلتماه
one-on-one-commitment = الالتزام
one-on-one-share = شارِكه مع
one-on-one-private = أنا فقط
one-on-one-shared-with = مُشارَك مع
narratives-title = السرد العام
narratives-lead = اكتب مسودة قصتك: قصة الذات وقصة النحن وقصة الآن؛ أعد روايتها مرة بعد مرة، واسأل أقرانك أو مدرّبك عمّا سمعوه.
narratives-none = لا توجد قصة بعد.
narratives-versions = { $count ->
    [zero] لا روايات
    [one] رواية واحدة
    [two] روايتان
    [few] { $count } روايات
    [many] { $count } رواية
   *[other] { $count } رواية
}
narratives-asked-you = طُلب رأيك
narratives-start = ابدأ قصة
narratives-kind = أيّ قصة
story-self = قصة الذات
story-us = قصة النحن
story-now = قصة الآن
telling-challenge = التحدّي
telling-choice = الاختيار
telling-outcome = النتيجة
telling-values-aimed = القيم التي تقصدها
telling-emotions = المشاعر التي تقصدها
narratives-versions-label = الروايات
narratives-version = الرواية { $number }
narratives-compared = جنبًا إلى جنب مع الرواية { $number }
narratives-compare-with = قارن مع
narratives-compare = قارن
narratives-feedback = الملاحظات
narratives-feedback-none = لا ملاحظات على هذه الرواية بعد.
narratives-answer = ردّ
narratives-feedback-on = ملاحظاتك على الرواية { $number }
narratives-give-feedback = أرسل ملاحظاتك
narratives-reviewers = طُلبت ملاحظاتهم
narratives-ask = اطلب ملاحظات
narratives-retell = أعد روايتها
reflections-other = مراجعات الورش والأعمال
mail-commitment-asked-subject = طُلب منك التزام
mail-commitment-asked-body =
    طلب منك عضو في { $site } التزامًا. اطّلع عليه وأجب من هنا:

    { $link }
mail-feedback-asked-subject = طُلب رأيك في قصة
mail-feedback-asked-body =
    طلب عضو في { $site } رأيك في قصة يرويها. اقرأها من هنا:

    { $link }
library-lessons = دروس تستند إليها
one-on-one-delete = احذفه نهائيًا
narratives-delete = احذف هذه القصة
narratives-delete-hint = تُحذف كل رواياتها وكل الملاحظات عليها نهائيًا.
campaign-kept-rate-none = لم يحن بعد موعد أيّ التزام لهذه الحملة.

## Deleting campaigns, reflections and lessons
campaign-delete = احذف هذه الحملة نهائيًا
campaign-delete-hint = تُحذف معها خريطة الفاعلين والجدول الزمني والمراجعات؛ وتبقى الدروس المستخلصة منها، وتبقى التزاماتها.
reflection-delete = احذف هذه المراجعة
lesson-delete = احذف هذا الدرس نهائيًا
lesson-delete-hint = تُحذف معه التأييدات والروابط، ويخرج من البحث.
mail-lesson-endorsed-subject = أيّد أحدهم درسًا استخلصتَه
mail-lesson-endorsed-body =
    يقول عضو في { $site } إنّ درسًا استخلصتَه نجح معه أيضًا. اقرأ ما كتب من هنا:

    { $link }
mail-lesson-moved-subject = انتقل درس استخلصتَه إلى مرحلة جديدة
mail-lesson-moved-body =
    نقل مشرفو العقدة درسًا استخلصتَه إلى حالة جديدة. اطّلع عليه من هنا:

    { $link }
team-size = { $count ->
    [zero] لا أحد
    [one] شخص واحد
    [two] شخصان
    [few] { $count } أشخاص
    [many] { $count } شخصًا
   *[other] { $count } شخص
}
commitments-asked-teammate = أحد أعضاء فرقك
commitments-asked-other = أو أيّ عضو آخر (المعرّف أو عنوان صفحته)
commitments-none = لا شيء بعد.
campaign-chart-download = نزّل الرسم البياني (SVG، للعروض)
error-reflection-workshop-subject = لا تُسمّي ورشةً إلا مراجعةٌ لورشة: اختر «ورشة» موضوعًا لمراجعتك.
reflection-workshop = أيّ ورشة (ممّا شاركتَ فيه)
reflection-workshop-none = — لا شيء —
reflection-on-workshop = عن الورشة
workshop-reflections = ما تعلّمناه منها
workshop-reflections-lead = مراجعات كتبتها العُقد عن هذه الورشة، بقدر ما يحقّ لك قراءته.
mail-commitment-answered-subject = جاء الردّ على التزام طلبتَه
mail-commitment-answered-body =
    ردّ عضو في { $site } على التزام طلبتَه منه. اطّلع على الردّ من هنا:

    { $link }
mail-commitment-reminder-subject = يقترب موعد التزام قطعتَه
mail-commitment-reminder-body =
    وافقتَ على التزام في { $site } يحين موعده اليوم أو غدًا. أكّده — أو قل إنه لن يتمّ — من هنا:

    { $link }
mail-follow-up-reminder-subject = حان موعد متابعة لقاء فردي
mail-follow-up-reminder-body =
    حان موعد المتابعة التي حدّدتَها بعد لقاء فردي في { $site }. سجلّك هنا:

    { $link }
reminders-title = التذكيرات
reminders-label = أرسِل إليّ تذكيرًا حين يحين موعد التزام وافقتُ عليه أو موعد متابعة لقاء فردي
reminders-hint = لا تحمل الرسالة إلا رابطًا، ولا شيء عن الالتزام أو الشخص. أوقِفها إن أردت أن يصل بريد الشبكة إلى صندوقك أقلّ ما يمكن.
reminders-saved-notice = حُفظ اختيارك بشأن التذكيرات.
