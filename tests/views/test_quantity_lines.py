"""The quantity lines editors type in the edit form (no database)."""

from decimal import Decimal

import pytest

from claims.services.quantities import parse_quantity_line, quantity_line


@pytest.mark.parametrize("line", ["17 of 22 drones", "~500 soldiers", "3-5 km", "45% turnout", "9,000 homes", "2.5 million dollars"])
def test_lines_survive_a_round_trip(line):
    assert quantity_line(parse_quantity_line(line)) == line


def test_parts_are_read():
    quantity = parse_quantity_line("~17 of 22 drones")
    assert (quantity.value, quantity.total, quantity.noun, quantity.approximate) == (Decimal(17), Decimal(22), "drones", True)


@pytest.mark.parametrize("line, problem", [("many drones", "start with a number"), ("5-3 km", "low to high"),
                                           ("30 of 20 drones", "larger than the total")])
def test_bad_lines_are_explained(line, problem):
    with pytest.raises(ValueError, match=problem):
        parse_quantity_line(line)
