"""The apps depend one way: `claims` on `sources`, never the reverse (work is handed on by task name)."""

import ast
from pathlib import Path

SOURCES = Path(__file__).resolve().parents[2] / "sources"


def _imported_modules(path: Path) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules.add(node.module)
    return modules


def test_no_module_of_sources_imports_claims():
    offenders = {
        str(path.relative_to(SOURCES.parent)): sorted(module for module in _imported_modules(path) if module.split(".")[0] == "claims")
        for path in SOURCES.rglob("*.py")
    }
    assert {path: modules for path, modules in offenders.items() if modules} == {}


def test_ingestion_hands_articles_to_claim_extraction_by_a_registered_task_name():
    from config.celery_app import app
    from sources.tasks import CLAIM_EXTRACTION_TASK

    app.loader.import_default_modules()
    assert CLAIM_EXTRACTION_TASK in app.tasks
