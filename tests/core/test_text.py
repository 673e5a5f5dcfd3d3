"""Normalisation of what people type."""

from __future__ import annotations

import pytest

from bot.core.text import fold, join_digit_groups, normalize


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("¿Dónde hay un CEM en Chucuito?", "donde hay un cem en chucuito"),
        ("ayudaaa", "ayuda"),
        ("AYUDAAAA!!!", "ayuda"),
        ("Niñez", "ninez"),
        ("4 551 casos", "4551 casos"),
        ("222.395 actividades", "222395 actividades"),
        ("Huancané,Azángaro", "huancane azangaro"),
        ("", ""),
        ("   ", ""),
        ("😀🙏", ""),
    ],
)
def test_normalize(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_abbreviations() -> None:
    abbreviations = {"dnd": "donde", "ay": "hay", "q": "que"}
    assert normalize("dnd ay demuna q atienda", abbreviations) == "donde hay demuna que atienda"


def test_fold_keeps_letters() -> None:
    assert fold("ÁÉÍÓÚÑ ü") == "aeioun u"


def test_digit_groups_only_join_thousands() -> None:
    assert join_digit_groups("2022 y 2023") == "2022 y 2023"
    assert join_digit_groups("67 869 personas") == "67869 personas"


def test_very_long_input_is_bounded() -> None:
    assert len(normalize("a" * 100_000 + " b")) <= 4096
