"""The uncited-number rule reads Arabic texts sentence by sentence, as it reads English."""

from factsheet.text import uncited_numerals


def test_an_arabic_sentence_without_a_marker_is_found() -> None:
    text = "قُتل 5 محتجين [@src, para. 1]. وأصيب 20 آخرون."
    assert uncited_numerals(text) == ["وأصيب 20 آخرون."]


def test_a_marker_after_the_full_stop_belongs_to_its_sentence() -> None:
    assert uncited_numerals("أصيب 20 شخصاً. [@src, para. 2] وعاد الهدوء.") == []


def test_arabic_question_mark_ends_a_sentence() -> None:
    assert uncited_numerals("كم قُتل؟ قُتل 7 [@src]. ثم 9.") == ["ثم 9."]


def test_dates_with_iraqi_month_names_need_no_marker() -> None:
    assert uncited_numerals("في 28 تشرين الثاني 2019 عاد المحتجون إلى الساحة.") == []
    assert uncited_numerals("في 28 شخصاً تشرين") == ["في 28 شخصاً تشرين"]
