"""A fresh install gets every package constraints.txt pins without relying on how an installer
reads another package's extras."""

import tomllib
from importlib.metadata import requires
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]


def _reached_without_their_extras() -> set[str]:
    """Our dependencies and what they require, following extras only where pyproject.toml names
    them: an extra a dependency asks for (jusText's `lxml[html_clean]`, spelled unlike lxml's
    `html-clean`) is installed or not depending on the installer's name normalisation."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    ours = [Requirement(line) for line in project["dependencies"] + project["optional-dependencies"]["dev"]]
    reached, todo = set(), [(requirement, requirement.extras) for requirement in ours]
    while todo:
        requirement, extras = todo.pop()
        reached.add(canonicalize_name(requirement.name))
        for line in requires(requirement.name) or []:
            needed = Requirement(line)
            applies = needed.marker is None or any(needed.marker.evaluate({"extra": e}) for e in extras or {""})
            if applies and canonicalize_name(needed.name) not in reached:
                todo.append((needed, set()))
    return reached


def test_every_pinned_package_is_reached_without_a_dependencys_extra():
    pinned = {canonicalize_name(line.split("==")[0]) for line in (ROOT / "constraints.txt").read_text().splitlines() if "==" in line}
    assert pinned - _reached_without_their_extras() == set()
