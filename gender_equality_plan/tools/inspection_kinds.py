# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The kinds of inspection of plan section III.6 and their wording in administrative documents.

Section III.6 asks the sector and every unit to put self-inspection (*tự kiểm tra*), inspection
(*kiểm tra*), formal inspection (*thanh tra*) and supervision (*giám sát*) into their annual
specialised (*chuyên ngành*) and administrative (*hành chính, công vụ*) inspection programmes.
The selections are defined here once; the documents (minutes, programmes) are Vietnamese by law,
whatever the user's language, so their words are plain data, not translated terms.

Who may carry out a kind, and on which legal bases, changes with the law: that is data
(``gender.equality.legal.basis``), not code. Since Luật Thanh tra 84/2025/QH15 (1/7/2025) the
Department has no inspectorate: it *kiểm tra* its units, and a *thanh tra* is carried out by the
provincial inspectorate (or another competent body), recorded as an external inspection.
"""

# Selection keys and English labels (translated in i18n/vi.po). ``inspection`` and
# ``supervision`` keep their keys from the first versions (external API, approval stage
# conditions, ``get_kpi_summary``).
INSPECTION_TYPES = [
    ("self", "Self-inspection"),
    ("inspection", "Inspection"),
    ("audit", "Formal Inspection"),
    ("supervision", "Supervision"),
]
INSPECTION_CATEGORIES = [
    ("specialised", "Specialised"),
    ("administrative", "Administrative (public duties)"),
]
# Formal inspection (thanh tra) is a power of the state inspection bodies: within the sector, only
# the Department's inspectorate carried it out, until the law took it out of the sector (the
# legal bases marked "outside the sector"); since then it is recorded as an external inspection.
DEPARTMENT_ONLY_TYPES = ("audit",)

# The word of each kind in documents: "Biên bản kiểm tra", "Đoàn thanh tra", "Đơn vị được giám sát".
DOCUMENT_WORDS = {
    "self": "kiểm tra",
    "inspection": "kiểm tra",
    "audit": "thanh tra",
    "supervision": "giám sát",
}
# The activity as a document names it: "Tự kiểm tra việc thực hiện…", "Thanh tra việc thực hiện…".
ACTIVITY_NAMES = {
    "self": "Tự kiểm tra",
    "inspection": "Kiểm tra",
    "audit": "Thanh tra",
    "supervision": "Giám sát",
}
CATEGORY_WORDS = {
    "specialised": "chuyên ngành",
    "administrative": "hành chính, công vụ",
}
SUBJECT = "việc thực hiện chính sách, pháp luật và công tác truyền thông về bình đẳng giới"


def document_word(kind):
    """``"thanh tra"`` for a formal inspection; ``"kiểm tra"`` for an unknown kind."""
    return DOCUMENT_WORDS.get(kind, "kiểm tra")


def minutes_title(kind):
    """The title of the minutes: ``BIÊN BẢN TỰ KIỂM TRA``, ``BIÊN BẢN KIỂM TRA``,
    ``BIÊN BẢN THANH TRA`` or ``BIÊN BẢN GIÁM SÁT``."""
    if kind == "self":
        return "BIÊN BẢN TỰ KIỂM TRA"
    return f"BIÊN BẢN {document_word(kind).upper()}"


def subject_line(kind, category, year, with_category=True):
    """``"Kiểm tra chuyên ngành việc thực hiện … năm 2026"`` (without the category when the law
    no longer distinguishes it, as for a *thanh tra* since Luật Thanh tra 84/2025/QH15)."""
    words = [ACTIVITY_NAMES.get(kind, "Kiểm tra")]
    if with_category and category in CATEGORY_WORDS:
        words.append(CATEGORY_WORDS[category])
    return f"{' '.join(words)} {SUBJECT} năm {year}"


def programme_title(kind):
    """The title of an annual programme: ``Kế hoạch thanh tra``, ``Kế hoạch tự kiểm tra``…"""
    return f"Kế hoạch {ACTIVITY_NAMES.get(kind, 'Kiểm tra').lower()}"
