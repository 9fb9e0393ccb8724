"""Numbers a claim asserts, and numbers that are not amounts."""
import pytest

from claims.extraction.quantities import extract_quantities


def values(sentence):
    return [q.value for q in extract_quantities(sentence)]


def one(sentence):
    quantities = extract_quantities(sentence)
    assert len(quantities) == 1, quantities
    return quantities[0]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Officials counted 1,250 displaced people.", [1250]),
        ("The army lost 3.5 percent of its tanks.", [3.5]),
        ("Five villages were evacuated.", [5]),
        ("A dozen boats were seized.", [12]),
        ("Two thousand soldiers took part.", [2000]),
        ("Twenty-five workers were rescued.", [25]),
    ],
)
def test_digits_and_number_words(sentence, expected):
    assert values(sentence) == expected


def test_scale_words_multiply_and_currency_becomes_a_code():
    quantity = one("The fund holds €381 billion in frozen assets.")
    assert quantity.value == 381_000_000_000 and quantity.unit == "EUR"


def test_parenthesised_conversion_is_the_same_amount():
    quantity = one("The package is worth €50 billion ($54 billion), the council said.")
    assert quantity.value == 50_000_000_000 and quantity.unit == "EUR"
    assert quantity.text == "€50 billion ($54 billion)"


def test_percentages():
    quantity = one("Turnout reached 62% in the capital.")
    assert (quantity.value, quantity.unit) == (62, "%")


@pytest.mark.parametrize(
    ("sentence", "qualifier"),
    [
        ("Some 400 people attended.", "some"),
        ("At least 13 drones were launched.", "at least"),
        ("More than 70 homes lost power.", "more than"),
        ("Nearly 90 buses were sent.", "nearly"),
        ("Up to 30 ships may sail.", "up to"),
        ("About 11,000 troops were stationed there.", "about"),
    ],
)
def test_approximations(sentence, qualifier):
    quantity = one(sentence)
    assert quantity.approximate and quantity.qualifier == qualifier


def test_ranges():
    between = one("Between 20 and 30 shells fell.")
    assert (between.value, between.value_max, between.noun) == (20, 30, "shells")
    quantity = one("It fired 10-15 missiles.")
    assert (quantity.value, quantity.value_max, quantity.noun) == (10, 15, "missiles")


@pytest.mark.parametrize(
    "sentence",
    [
        "Air defenses shot down 17 of 22 drones.",
        "Air defenses shot down 17 drones overnight, out of a total of 22 drones.",
        "Air defenses shot down 17 drones out of 22.",
    ],
)
def test_part_of_a_total(sentence):
    part, whole = extract_quantities(sentence)
    assert (part.value, part.total, part.noun) == (17, 22, "drones")
    assert whole.value == 22 and whole.qualifier == "total"


def test_counted_noun_skips_adjectives():
    assert one("It documented 504 Ukrainian children.").noun == "children"
    assert one("Soldiers fired 10 heavy shells.").noun == "shells"


@pytest.mark.parametrize(
    "sentence",
    [
        "Shelling killed a 6-year-old boy.",
        "The peninsula has been occupied since 2014.",
        "The meeting took place on September 14.",
        "Talks resume on 14 September 2025.",
        "A Su-57 flew over the show.",
        "The G20 summit opened.",
        "An F-16 crashed.",
        "The sirens sounded at 10:30 p.m.",
        "The sirens sounded at 3 am.",
        "The 1st Battalion said it held the line.",
        "Spending rose in 2011-12 and again in 2017-18.",
        "Unions oppose zero-hours contracts.",
        "One would need a permit to cross.",
        "The 2023 defense budget was lower than the 2022 budget.",
        "The man, 45 years old, was arrested.",
    ],
)
def test_dates_years_ages_times_designators_and_pronouns_are_not_quantities(sentence):
    assert values(sentence) == []


def test_spans_point_into_the_passage():
    text = "Intro. It said 4,000 tonnes of grain burned."
    offset = text.index("It said")
    (quantity,) = extract_quantities(text[offset:], offset)
    assert text[quantity.span.start : quantity.span.end] == quantity.text == "4,000 tonnes"


def test_no_one_and_one_another_are_not_counts():
    assert values("No one was hurt and the crews helped one another.") == []


def test_short_money_scales_need_a_currency():
    assert (one("The fund pays €50m a year.").value, one("It costs $1bn.").value) == (50_000_000, 1_000_000_000)
    assert values("A 50m wall stands there.") == []


def test_an_age_between_commas_is_not_a_quantity():
    assert values("A woman, 64, said she had lost 3 relatives.") == [3]


def test_dozens_and_halves_multiply():
    assert values("Two dozen trucks and half a dozen buses carried half a million liters of water.") == [24, 6, 500_000]
    assert values("Dozens of people were hurt.") == []


def test_an_ordinal_asserts_its_number():
    assert [(q.value, q.noun) for q in extract_quantities("Rescuers found the 10th victim on Sunday.")] == [(10.0, "victim")]


def test_a_name_before_the_noun_is_not_what_is_counted():
    assert [(q.value, q.noun) for q in extract_quantities("Two United States service members were hurt.")] == [(2.0, "members")]


def test_hyphenated_scales_glued_units_and_a_percent_range():
    from claims.extraction.quantities import extract_quantities

    assert [(q.value, q.unit) for q in extract_quantities("a 50-billion-euro support package")] == [(50e9, "EUR")]
    assert [(q.value, q.unit) for q in extract_quantities("a $1.2-billion deal")] == [(1.2e9, "USD")]
    assert [(q.value, q.value_max, q.unit) for q in extract_quantities("growth of 5 to 7 percent")] == [(5, 7, "%")]
    assert [(q.value, q.noun) for q in extract_quantities("a 1,200km pipeline")] == [(1200, "km")]
