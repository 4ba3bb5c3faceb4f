import pytest

from kehoach.core.numbers import AmbiguousNumber, NumberError, format_number, format_percent, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("7.944,5", 7944.5),
        ("194.935,654", 194935.654),
        ("0,795", 0.795),
        ("88,52 %", 88.52),
        ("60195", 60195),
        ("7.135", 7135),
        ("363.000", 363000),
        ("-1,5", -1.5),
        ("1\u00a0234,5", 1234.5),
        ("3.5", 3.5),
    ],
)
def test_parse_vietnamese(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["1,234", "1,234.5", "12,345,678"])
def test_ambiguous_is_refused(text: str) -> None:
    with pytest.raises(AmbiguousNumber):
        parse_number(text)


@pytest.mark.parametrize("text", ["", "abc", "1,2,3", "12..5", "1.23.4,5,6"])
def test_not_numbers(text: str) -> None:
    with pytest.raises(NumberError):
        parse_number(text)


def test_parse_english_style() -> None:
    assert parse_number("1,234.5", english=True) == 1234.5


@pytest.mark.parametrize(
    ("value", "decimals", "lang", "text"),
    [
        (7944.5, None, "vi", "7.944,5"),
        (194935.654, None, "vi", "194.935,654"),
        (0.795, None, "vi", "0,795"),
        (13, None, "vi", "13"),
        (1234567.891, 1, "vi", "1.234.567,9"),
        (7944.5, None, "en", "7,944.5"),
        (-2.25, 1, "vi", "-2,2"),
        (None, None, "vi", "–"),
    ],
)
def test_format(value: float | None, decimals: int | None, lang: str, text: str) -> None:
    assert format_number(value, decimals, lang=lang) == text


def test_format_percent() -> None:
    assert format_percent(88.52) == "88,5%"
