import pytest

from lianluo_desk.cnnum import from_chinese, to_chinese


@pytest.mark.parametrize(
    "n,text",
    [
        (545, "五百四十五"),
        (625, "六百二十五"),
        (656, "六百五十六"),
        (667, "六百六十七"),
        (1005, "一千零五"),
        (1110, "一千一百一十"),
        (10, "十"),
        (15, "十五"),
        (110, "一百一十"),
        (100, "一百"),
        (1000, "一千"),
        (2020, "二千零二十"),
        (10001, "一万零一"),
    ],
)
def test_round_trip(n, text):
    assert to_chinese(n) == text
    assert from_chinese(text) == n


def test_bad_numeral():
    with pytest.raises(ValueError):
        from_chinese("六百X")
