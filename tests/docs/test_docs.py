"""The docs say what the code does: every environment variable, every module in the data-path
diagram, every link, file, command and screenshot they point at, the demo logins, and a README
short enough to read."""

import ast
import importlib
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DOCS = REPO / "docs"
APP_PACKAGES = ("config", "sources", "claims")
DOC_PAGES = [REPO / "README.md", REPO / "CONTRIBUTING.md", *sorted(DOCS.glob("*.md"))]


def env_helpers() -> set[str]:
    """The public readers config/env.py defines: a helper added there is scanned for without
    anyone remembering to list it here."""
    tree = ast.parse((REPO / "config" / "env.py").read_text())
    return {node.name for node in tree.body if isinstance(node, ast.FunctionDef)
            and not node.name.startswith("_") and node.args.args and node.args.args[0].arg == "name"}


ENV_HELPERS = env_helpers()
VARIABLE = re.compile(r"`([A-Z][A-Z0-9_]+)`")


def _app_sources():
    for package in APP_PACKAGES:
        for path in (REPO / package).rglob("*.py"):
            if "migrations" not in path.parts:
                yield path


def _variable_read(call: ast.Call) -> str | None:
    """The variable's name when `call` reads the environment: a config.env helper, os.environ.get/
    setdefault or os.getenv with a literal name."""
    function = call.func
    name = function.id if isinstance(function, ast.Name) else function.attr if isinstance(function, ast.Attribute) else None
    reads = name in ENV_HELPERS or name == "getenv" or (
        name in {"get", "setdefault"} and isinstance(function, ast.Attribute)
        and isinstance(function.value, ast.Attribute) and function.value.attr == "environ"
    )
    if reads and call.args and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str):
        return call.args[0].value
    return None


def variables_the_code_reads() -> set[str]:
    names = set()
    for path in _app_sources():
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if isinstance(node, ast.Call) and (name := _variable_read(node)):
                names.add(name)
            # os.environ["NAME"] reads as surely as os.environ.get("NAME").
            if (isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute) and node.value.attr == "environ"
                    and isinstance(node.slice, ast.Constant)):
                names.add(node.slice.value)
    return names


def variables_in_the_table() -> set[str]:
    text = (DOCS / "deployment.md").read_text()
    section = text.split("## Environment variables", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    return {name for row in rows for name in VARIABLE.findall(row.split("|")[1])}


def test_the_environment_table_lists_exactly_the_variables_the_settings_read():
    read, documented = variables_the_code_reads(), variables_in_the_table()
    assert "DATABASE_URL" in read and "INGEST_HOST_DELAY" in read  # the scan finds the settings' reads
    assert read - documented == set(), "read by the code but missing from docs/deployment.md's table"
    assert documented - read == set(), "in docs/deployment.md's table but read nowhere"


def test_the_scan_knows_every_reader_config_env_defines():
    assert {"env_str", "env_bool", "env_int", "env_float", "env_seconds", "env_list", "env_database",
            "env_redis_url", "env_time_zone"} <= ENV_HELPERS


def test_the_scan_sees_every_way_of_reading_the_environment():
    source = 'env_int("A", 1)\nos.environ.get("B")\nos.getenv("C")\nos.environ.setdefault("D", "x")\nsettings.get("E")'
    calls = [node for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Call)]
    assert {_variable_read(call) for call in calls} - {None} == {"A", "B", "C", "D"}


def _mermaid_blocks(text: str) -> list[str]:
    return re.findall(r"```mermaid\n(.*?)```", text, flags=re.S)


def _resolves(dotted: str) -> bool:
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            target = importlib.import_module(".".join(parts[:cut]))
        except ModuleNotFoundError:
            continue
        for attribute in parts[cut:]:
            if not hasattr(target, attribute):
                return False
            target = getattr(target, attribute)
        return True
    return False


def test_every_module_the_data_path_diagram_names_exists():
    diagrams = _mermaid_blocks((DOCS / "architecture.md").read_text())
    assert diagrams, "docs/architecture.md has no Mermaid diagram"
    names = set(re.findall(r"\b(?:%s)(?:\.\w+)+" % "|".join(APP_PACKAGES), "".join(diagrams)))
    assert len(names) >= 10
    assert sorted(name for name in names if not _resolves(name)) == []


def _local_links(path: Path) -> list[tuple[str, str]]:
    """(file, heading anchor or "") of every relative link on the page."""
    links = re.findall(r"\]\(([^)#\s]*)(?:#([^)\s]*))?\)", path.read_text())
    return [(target, anchor) for target, anchor in links if not re.match(r"[a-z]+://", target)]


def _anchors(path: Path) -> set[str]:
    # GitHub's rule: lower case, punctuation dropped, spaces become hyphens.
    headings = re.findall(r"^#+ (.+)$", path.read_text(), flags=re.M)
    return {re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-") for heading in headings}


def test_the_readme_is_short_and_every_link_in_readme_and_docs_leads_somewhere():
    readme = REPO / "README.md"
    assert len(readme.read_text().splitlines()) <= 150
    for page in DOC_PAGES:
        for target, anchor in _local_links(page):
            linked = page.parent / target if target else page
            assert linked.exists(), f"{page.name} links to {target}, which does not exist"
            if anchor and linked.suffix == ".md":
                assert anchor in _anchors(linked), f"{page.name} links to {target}#{anchor}: no such heading"


def test_the_readme_screenshots_are_the_ones_the_browser_tests_take():
    shots = set(re.findall(r"docs/images/([\w-]+)\.png", (REPO / "README.md").read_text()))
    assert len(shots) >= 3
    taken = {name for test_file in (REPO / "tests").rglob("test_*.py")
             for name in re.findall(r'screenshot\(\w+, "([\w-]+)", readme=True\)', test_file.read_text())}
    assert shots == taken, "README images and the browser tests' readme=True screenshots differ"
    for shot in shots:
        assert (DOCS / "images" / f"{shot}.png").stat().st_size < 150_000  # small enough for a README


# Pages about an area of the app; architecture.md is the map and benchmarks.md the figures.
AREA_PAGES = ("ingestion", "extraction", "reviewing", "desk", "search", "operations", "deployment")


def test_every_area_page_starts_with_what_a_user_does_and_ends_with_how_it_works_inside():
    for name in AREA_PAGES:
        text = (DOCS / f"{name}.md").read_text()
        first_paragraph = text.split("\n\n")[1]
        assert first_paragraph.startswith(("What you do:", "What you get:")), f"docs/{name}.md"
        assert re.findall(r"^## (.+)$", text, flags=re.M)[-1] == "How it works inside", f"docs/{name}.md"


def _code_spans(text: str) -> list[str]:
    return re.findall(r"`([^`\n]+)`", text) + re.findall(r"```\w*\n(.*?)```", text, flags=re.S)


# A path into the repository, as the docs write them: `claims/services/review.py`, `bench/pages.py`.
REPO_PATH = re.compile(r"(?<![\w/.])((?:config|sources|claims|tests|bench|templates|static|docker|demo)/[\w/.-]*\w)")


def test_every_file_module_and_migration_the_docs_name_exists():
    missing = []
    for page in DOC_PAGES:
        for span in _code_spans(page.read_text()):
            for path in REPO_PATH.findall(span):
                if migration := re.fullmatch(r"(\w+)/(\d{4})", path):  # `claims/0016`: a migration
                    exists = any((REPO / migration[1] / "migrations").glob(f"{migration[2]}_*.py"))
                else:
                    exists = (REPO / path).exists() or path.startswith("tests/browser/screenshots")  # git-ignored output
                if not exists:
                    missing.append(f"{page.name}: {path}")
    assert missing == []


def test_every_make_target_and_manage_command_the_docs_name_exists():
    from django.core.management import get_commands

    targets = set(re.findall(r"^([\w-]+):", (REPO / "Makefile").read_text(), flags=re.M))
    commands = set(get_commands())
    named_targets, named_commands = set(), set()
    for page in DOC_PAGES:
        for span in _code_spans(page.read_text()):
            named_targets |= set(re.findall(r"\bmake ([a-z][\w-]*)", span))
            named_commands |= set(re.findall(r"manage\.py ([a-z_]+)", span))
    assert {"run", "test", "screenshots"} <= named_targets and "extract_claims" in named_commands
    assert named_targets - targets == set()
    assert named_commands - commands == set()


def test_the_readme_gives_the_demo_logins_and_roles_the_code_creates():
    from claims.management.commands.seed_demo import DEMO_PASSWORD, DEMO_USERS

    rows = re.findall(r"^\| (\S+) \| `([\w-]+)` \| `([^`]+)` \|$", (REPO / "README.md").read_text(), flags=re.M)
    assert {role: username for role, username, _ in rows} == DEMO_USERS
    assert {password for _, _, password in rows} == {DEMO_PASSWORD}
