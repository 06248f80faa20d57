"""Patterns for page debris in Arabic news text, by class (not by site).

Every pattern here describes a *class* of non-body material that news pages and
browser copies carry: photo captions with credits, reading-time widgets, datelines,
related-link labels, share/print rows, hashtag rows, agency sign-offs, app promos,
comment-policy notes. `textpage.py` applies them line by line; whatever they match is
moved to `Article.meta`, never silently dropped.
"""

from __future__ import annotations

import re

# Arabic letter class (no digits, no punctuation) for city/name parts.
AR = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3"
_AR_WORD = f"[{AR}\u064b-\u065f\u0640]+"

# --- news agencies and photo credits -------------------------------------------------
# Agencies that sign datelines (Arabic and Latin forms, with the dotted/spaced variants
# that Arabic outlets use for AFP, AP, dpa, MENA).
AGENCIES: tuple[str, ...] = (
    "رويترز", "فرانس برس", "فرانس بريس", "وكالة فرانس برس", "أ ف ب", "أ.ف.ب", "أ. ف. ب", "ا ف ب",
    "أف ب", "أ ب", "أ.ب", "أ. ب", "أسوشيتد برس", "اسوشيتد برس", "أسوشييتد برس", "د ب أ", "د.ب.أ",
    "د. ب. أ", "الأناضول", "الاناضول", "شينخوا", "سبوتنيك", "تاس", "نوفوستي", "إرنا", "ارنا",
    "إيرنا", "ايرنا", "فارس", "تسنيم", "واس", "وام", "قنا", "كونا", "بنا", "سانا", "بترا", "واج",
    "وات", "ومع", "سبأ", "العمانية", "أ ش أ", "أ.ش.أ", "يو بي آي", "إيفي", "آكي", "أكي",
    "الأنباء الألمانية", "الألمانية", "الفرنسية", "سي إن إن",
    # Outlets that sign their own datelines (`دبي - العربية.نت`, `أبوظبي - سكاي نيوز عربية`).
    "العربية.نت", "العربية نت", "سكاي نيوز عربية", "الجزيرة نت", "الجزيرة.نت", "الميادين نت",
    "بي بي سي", "فرانس 24", "روسيا اليوم", "الشرق الأوسط",
    "CNN", "BBC", "AFP", "Reuters", "REUTERS", "AP", "DPA", "dpa", "EFE", "ANSA", "Xinhua", "WAM",
    "SPA", "KUNA", "QNA", "MENA", "Anadolu", "UPI", "RIA", "TASS",
)
# Photo credits that end a caption (`… - AFP`, `… (Getty Images)`).
CREDITS: tuple[str, ...] = AGENCIES + (
    "Getty Images", "Getty", "EPA", "EPA-EFE", "Shutterstock", "AFP via Getty Images",
    "Anadolu Agency", "Reuters/File", "أرشيفية", "صورة أرشيفية", "أرشيف", "غيتي", "غيتي إيمجز",
    "جيتي", "وكالات", "مواقع التواصل", "مواقع التواصل الاجتماعي", "تويتر", "إكس",
)


def _alt(words: tuple[str, ...]) -> str:
    """Regex alternation of literal words, longest first so `أ ف ب` beats `أ ب`."""
    parts = sorted(set(words), key=len, reverse=True)
    # Dots and spaces inside abbreviations vary: `أ.ف.ب`, `أ. ف. ب`, `أ ف ب`.
    return "|".join(re.escape(p).replace(r"\ ", r"\s*").replace(r"\.", r"\.?\s*") for p in parts)


AGENCY_RE = _alt(AGENCIES)
CREDIT_RE = _alt(CREDITS)
DASH = "\\-\u2010\u2011\u2012\u2013\u2014\u2015\u0640"  # hyphen, en/em dashes, tatweel used as dash

# --- photo captions --------------------------------------------------------------------
# A caption line ends with a credit after a dash, bar or slash, or in parentheses.
CAPTION_CREDIT = re.compile(
    rf"^(?P<caption>.*?\S)\s*(?:[{DASH}|/©]+\s*|\(\s*)(?:©\s*)?(?P<credit>{CREDIT_RE})\s*\)?\s*$")
# Lines that announce a caption or image source (BBC: `مصدر الصورة،Getty Images`).
CAPTION_LABEL = re.compile(
    r"^\s*(?:مصدر الصورة|التعليق على الصورة|الصورة|صورة|تصوير|حقوق الصورة|Image source|"
    r"Image caption|Photo|Credit)\s*[:،,]")
CAPTION_ONLY = re.compile(r"^\s*(?:صورة أرشيفية|صورة تعبيرية|أرشيفية|صورة من الأرشيف)\s*[.)]?\s*$")

# --- reading time ----------------------------------------------------------------------
READING_TIME = re.compile(
    r"time reading icon|reading time|min(?:ute)?s? read|دقائق القراءة|دقيقة القراءة|وقت القراءة|"
    r"مدة القراءة|زمن القراءة|(?:قراءة|للقراءة)\s*(?:\d+|[٠-٩]+)\s*(?:دقائق|دقيقة|د)\b|"
    r"(?:\d+|[٠-٩]+)\s*(?:دقائق|دقيقة)\s*(?:قراءة|للقراءة)|"
    r"(?:دقيقتان|دقيقتين|دقيقة واحدة|(?:ثلاث|أربع|اربع|خمس|ست|سبع|ثماني|تسع|عشر)\s+دقائق)\s*(?:قراءة|للقراءة)|"
    r"(?:قراءة|للقراءة)\s*[:：]?\s*(?:دقيقتان|دقيقتين|دقيقة واحدة)", re.I)
DIGITS = re.compile(r"[0-9٠-٩]+")

# --- datelines -------------------------------------------------------------------------
# A city (one to four Arabic words, optionally `، country`) then an agency. Whole line:
#   `بروكسل-رويترز`, `دبي (CNN)`, `القدس - (أ ف ب)`, `لندن: رويترز`
_CITY = rf"(?P<city>{_AR_WORD}(?:\s+{_AR_WORD}){{0,2}})(?:\s*[،,]\s*(?P<country>{_AR_WORD}(?:\s+{_AR_WORD}){{0,3}}))?"
_AGENCY_SLOT = rf"(?:\(\s*(?P<agency_p>{AGENCY_RE})\s*\)|(?P<agency>{AGENCY_RE})|«(?P<agency_q>[^»]{{2,30}})»)"
DATELINE_LINE = re.compile(rf"^\s*{_CITY}\s*[{DASH}:،,]*\s*{_AGENCY_SLOT}\s*[{DASH}:.]*\s*$")
# Agency-only line: `(رويترز)`, `- أ ف ب`.
AGENCY_LINE = re.compile(rf"^\s*[{DASH}]*\s*{_AGENCY_SLOT}\s*[{DASH}:.]*\s*$")
# A dateline leading the first paragraph: `واشنطن - رويترز: …`, `دبي، الإمارات (CNN) – …`,
# `(CNN)-- …`. The separator after the agency is required so a sentence is never cut.
DATELINE_PREFIX = re.compile(
    rf"^\s*(?:{_CITY}\s*[{DASH}:،,]*\s*)?{_AGENCY_SLOT}\s*(?:[{DASH}]+|:|\.(?=\s))\s*[{DASH}:]*\s*(?=\S)")
# Agency dateline with a date (`بيروت 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس`).
DATED_DATELINE = re.compile(
    rf"^\s*(?P<city>{_AR_WORD}(?:\s+{_AR_WORD})?)\s+(?P<date>[0-9٠-٩].{{4,70}}?)\s*[.\s{DASH}]*"
    rf"\(?(?P<agency>{AGENCY_RE})\)?\s*$")

# --- author / byline -------------------------------------------------------------------
BYLINE = re.compile(r"^\s*(?:كتب|كتبت|بقلم|حوار|إعداد|اعداد|تقرير|ترجمة|متابعة|تحرير|الكاتب|الكاتبة|"
                    r"المحرر|المحررة|By)\s*(?:[:：]|\s[\-–—]\s?)\s*(?P<name>.{2,60})$")

# Republication and syndication credits, source lines: `*نقلا عن "الوطن" السعودية`,
# `* خدمة: «واشنطن بوست»`, `المصدر: وكالات`, `Source: AFP` (short whole lines).
SOURCE_LINE = re.compile(
    r"^\s*[*•\-–—]*\s*(?:نقلا عن|نقلاً عن|نقلًا عن|المصدر|المصادر|مصدر الخبر|خدمة|خدمات|Source|Sources)"
    r"\s*[:：\-–—]?\s*\S.{1,60}$", re.I)
SOURCE_MAX_WORDS = 6
# An author note closing an opinion piece: `* الوحدة الاقتصادية بـ«الشرق الأوسط»`,
# `* مسؤول في الخارجية الأميركية (1982 - 2003)` (starred short line, no full stop).
AUTHOR_NOTE = re.compile(r"^\s*\*{1,3}\s*[^*.!؟?]{3,90}$")
AUTHOR_NOTE_MAX_WORDS = 10

# --- trailers: labels that open a links/tags block, and one-line widgets --------------
# A label that opens a block of related links or tags (items follow on the next lines).
BLOCK_LABEL = re.compile(
    r"^\s*(?:إقرأ|اقرأ|اقرا|إقرا)\s*(?:أيضا|أيضاً|ايضا|ايضاً|أيضًا|المزيد|كذلك)\s*[:：.]?\s*$|"
    r"^\s*(?:تصنيفات|التصنيفات|الكلمات المفتاحية|كلمات مفتاحية|كلمات دالة|الوسوم|وسوم|"
    r"مواضيع ذات صلة|موضوعات ذات صلة|أخبار ذات صلة|اخبار ذات صلة|مقالات ذات صلة|قصص ذات صلة|"
    r"ذات صلة|مواضيع متعلقة|أخبار متعلقة|الأكثر قراءة|الأكثر مشاهدة|الأكثر تصفحا|الأكثر تصفحاً|"
    r"شاهد أيضا|شاهد أيضاً|شاهد ايضا|المزيد من الأخبار|آخر الأخبار|أخبار متعلقة|Related|Tags)"
    r"\s*[:：]?\s*$")
# One-line labels that carry their item on the same line: `اقرأ أيضاً: عنوان`, `للمزيد - عنوان`.
INLINE_RELATED = re.compile(
    r"^\s*(?:(?:إقرأ|اقرأ|اقرا|إقرا)\s*(?:أيضا|أيضاً|ايضا|ايضاً|أيضًا|المزيد|كذلك)|للمزيد|"
    r"شاهد أيضا|شاهد أيضاً|شاهد ايضا|شاهد|طالع أيضا|طالع أيضاً|طالع|اقرأ|"
    r"قد يهمك(?:\s+أيضا|\s+أيضاً|\s+ايضا)?|قد يعجبك(?:\s+أيضا|\s+أيضاً)?|"
    r"ذات صلة|مواضيع ذات صلة|اخترنا لك)\s*(?:[:：\-–—]|\.{2,}|…)\s*(?P<item>.+)$")
# The same label glued after the last sentence of a paragraph (`… الأخيرة. شاهد: لماذا …؟`):
# the item runs to the end of the paragraph.
TAIL_RELATED = re.compile(
    r"(?<=[.!؟?\"»”])\s*(?:(?:إقرأ|اقرأ|اقرا|إقرا)\s*(?:أيضا|أيضاً|ايضا|ايضاً|أيضًا|المزيد|كذلك)?|للمزيد|"
    r"شاهد(?:وا)?(?:\s+(?:أيضا|أيضاً|ايضا))?|طالع(?:\s+(?:أيضا|أيضاً))?|قد يهمك|ذات صلة|اخترنا لك)"
    r"\s*[:：]\s*(?P<item>[^.!]{5,200})$")
# Share / print / follow / comment widgets (whole line).
WIDGET_TOKENS = (
    r"شارك(?:\s+(?:الخبر|المقال|هذا المقال|على|عبر))?|مشاركة|مشاركة الخبر|شارك من خلال|طباعة|اطبع|"
    r"أرسل(?:\s+لصديق)?|ارسل|إرسال|نسخ الرابط|انسخ الرابط|انسخ|حفظ|تويتر|فيسبوك|فيس بوك|"
    r"جوجل\s*بلس|واتساب|واتس اب|واتس آب|تلغرام|تليغرام|تلجرام|لينكد\s*إن|لينكدإن|إنستغرام|"
    r"انستغرام|يوتيوب|ماسنجر|بريد إلكتروني|البريد الإلكتروني|اكتب رأيك|أضف تعليق|أضف تعليقك|"
    r"تعليقات|التعليقات|\d+\s*تعليق|تكبير الخط|تصغير الخط|حجم الخط|A\+|A-|Twitter|Facebook|"
    r"WhatsApp|Telegram|Google\+?|LinkedIn|Email|Print|Share|Tweet|X")
WIDGET_LINE = re.compile(rf"^\s*(?:(?:{WIDGET_TOKENS})\s*[|:·•،,/]?\s*)+$", re.I)
# A run of at least two widget tokens glued before the first sentence (`شارك من خلال تويتر
# فيسبوك جوجل بلس اكتب رأيك قصفت …`).
WIDGET_PREFIX = re.compile(rf"^\s*(?:(?:{WIDGET_TOKENS})\s*[|:·•،,/]?\s*){{2,}}", re.I)
# Promotions: follow us, download the app, subscribe, notifications.
PROMO = re.compile(
    r"تابعونا|تابعوا\s+(?:آخر|أخبار|\S+\s+(?:على|عبر))|تابعنا على|تابعوا .{0,30}(?:على|عبر)\s+"
    r"(?:تويتر|فيسبوك|تلغرام|يوتيوب|واتساب|إنستغرام|قناة)|"
    r"حمّل تطبيق|حمل تطبيق|تحميل (?:أحدث نسخة من )?تطبيق|نزّل تطبيق|"
    r"(?:يمكنكم|يمكنك)\s+(?:استلام|تسلم|تلقي|متابعة)|اشترك(?:وا)? (?:في|ب)\s*(?:النشرة|قناة|خدمة)|"
    r"للاشتراك في|^\W*انضم(?:وا)? إلى قناة|اضغط هنا|انقر هنا|اقرأ المقال الأصلي|"
    r"(?:جميع|كل|كافة)\s+(?:ال)?حقوق(?:\s+(?:النشر|الطبع|التأليف))?\s+محفوظة|حقوق (?:النشر|الطبع) محفوظة|"
    r"©|All rights reserved|"
    # Newsletter and channel prompts in their usual verb forms (singular/plural, both spellings).
    # Anchored at the line start unless the object says "our" (`نشرتنا`, `قناتنا`), so a body
    # sentence (`وانضم إلى قناة الجزيرة عام 2005`) is never taken.
    r"(?<!\w)(?:اشترك|اشتركوا|سجل|سجلوا|انضم|انضموا)\s+(?:الآن\s+)?(?:في|ب|ل|إلى|الى)\s*(?:نشرتنا|قناتنا|مجموعتنا)|"
    r"^\W*(?:اشترك|اشتركوا|سجل|سجلوا)\s+(?:الآن\s+)?(?:في|ب|ل)\s*(?:النشرة|نشرة|القائمة البريدية|خدمة)|"
    r"^\W*(?:حمل|حملوا|نزل|نزلوا)\s+(?:الآن\s+)?تطبيق", re.I)
# Comment-area notes (`إضافة تعليق جديد`, CNN's comment policy).
COMMENT_NOTE = re.compile(
    r"^\s*(?:إضافة تعليق جديد|أضف تعليقا|أضف تعليقاً|اكتب تعليقك|اترك تعليقا|اترك تعليقاً|"
    r"التعليقات|تعليقات القراء|لا توجد تعليقات)\s*[:.]?\s*$|"
    r"الآراء الواردة .{0,40}لا تعبر عن|ترحب .{0,30}بالنقاش|التعليقات المنشورة .{0,30}تعبر|"
    r"تعبر عن رأي (?:كاتبها|أصحابها|كتابها)|تمثل رأي (?:كاتبها|أصحابها|كتابها)|"
    r"مراجعة التعليقات قبل نشرها|إرشادات (?:الاستخدام|التعليق)|شروط نشر التعليقات|"
    # Opinion-piece disclaimers (CNN, Al Arabiya, Sky News Arabia styles).
    r"^\s*(?:هذا|هذه)\s+(?:المقال|المقالة|المدونة)\s+(?:بقلم|كتبه|كتبته)|"
    r"(?:الآراء|الاراء|المقال|المقالة)\s.{0,60}(?:لا\s+(?:تعكس|تعبر|يعكس|يعبر|تمثل|يمثل))\s+"
    r"(?:بالضرورة|عن|رأي|وجهة)\s.{0,30}(?:رأي|وجهة نظر|موقف)\s+(?:شبكة|موقع|قناة|صحيفة|الموقع|الشبكة|القناة|الصحيفة)|"
    r"تعبر عن رأي (?:الكاتب|الكاتبة|صاحبها|صاحبه|صاحب المقال)")
# Agency sign-offs: `// انتهى //`, `(انتهى)`, `-انتهى-`, and the SPA time stamp after them.
SIGNOFF = re.compile(r"^\s*[/\\(\[\-–—*]*\s*(?:انتهى|إنتهى| انتهي)\s*[/\\)\]\-–—*.]*\s*$|"
                     r"^\s*[0-9٠-٩]{1,2}:[0-9٠-٩]{2}\s*(?:ت\s*م|ت\s*غ|ت غ م|GMT|بتوقيت.*)?\s*$")
# Separator rules (`-------`, `____`, `* * *`).
SEPARATOR = re.compile(r"^\s*(?:[-_=*~.•·]\s*){3,}$")
# A line of hashtags only.
HASHTAG_LINE = re.compile(rf"^\s*(?:#[\w{AR}_]+[\s,،]*)+$")
HASHTAG = re.compile(rf"#(?P<tag>[{AR}\w][\w{AR}_]*)")
# `المزيد` / `...المزيد` / `عرض المزيد` left by truncating feeds and load-more buttons.
MORE = re.compile(r"^\s*(?:\.{2,}|…)?\s*(?:المزيد|عرض المزيد|اقرأ المزيد|تحميل المزيد|المزيد من الأخبار)\s*(?:\.{2,}|…|>+|«|»)?\s*$")
# Date/time-only lines (`آخر تحديث: …`, `نشر في …`, `الأربعاء، 28 آب/اغسطس 2013، …`).
DATE_LABEL = re.compile(r"^\s*(?:تاريخ النشر|نشر في|نُشر في|نشر بتاريخ|آخر تحديث|اخر تحديث|تم التحديث|"
                        r"محدث|تحديث|Published(?: On)?|Updated)\s*[:：]?\s*")

# Sentence-final punctuation: body paragraphs end with it, captions and link titles rarely do.
SENTENCE_END = re.compile(r"[.!?؟…:\"»”)]\s*$")
