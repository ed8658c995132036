"""Quantities: numbers and ranges with the noun they count."""

import pytest

from newsgraph.extract.quantities import find_quantities, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [("2,000", 2000), ("two", 2), ("1.5 million", 1.5e6), ("dozens", 24), ("hundred", 100), ("banana", None)],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


def quantities(nlp, text):
    return [(q.text, q.low, q.high, q.what) for q in find_quantities(nlp(text))]


def test_a_range_keeps_both_bounds_and_the_counted_noun(nlp):
    assert quantities(nlp, "Officials discussed the 30 to 40 fighters hiding in the caves.") == [
        ("30 to 40 fighters", 30, 40, "fighters")
    ]


def test_a_thousands_separator_is_read(nlp):
    assert quantities(nlp, "The ministry began enlisting 3,500 reservists.") == [
        ("3,500 reservists", 3500, 3500, "reservists")
    ]


def test_at_least_gives_only_a_floor(nlp):
    assert quantities(nlp, "At least 12 people were hurt.")[0][1:] == (12, None, "people")


def test_vague_plurals_give_a_floor(nlp):
    assert quantities(nlp, "Police detained dozens of students.")[0][1:] == (24, None, "students")


def test_between_and_is_a_range(nlp):
    assert quantities(nlp, "Between 5 and 10 sailors were rescued.")[0][1:3] == (5, 10)


def test_years_and_dates_are_not_quantities(nlp):
    assert quantities(nlp, "The treaty was signed on 4 May 2021.") == []
