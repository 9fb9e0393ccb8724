"""Score the extractor on the hand-annotated sample articles in ../shared.

    .venv/bin/python bench/score_gold.py [--show-errors]

Runs extraction over ../shared/data/articles/*.txt, writes the predictions to a temporary
JSON-lines file and prints the output of ../shared/tools/score_extraction.py.
"""
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from claims.extraction.cli import run  # noqa: E402

SHARED = REPO.parent / "shared"
ARTICLES = SHARED / "data" / "articles"
GOLD = SHARED / "data" / "gold"
SCORER = SHARED / "tools" / "score_extraction.py"


def main() -> int:
    if not (ARTICLES.is_dir() and GOLD.is_dir() and SCORER.is_file()):
        print(f"The sample articles, gold files and scorer are not at {SHARED}; nothing to score.", file=sys.stderr)
        return 2
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as predictions:
        run(sorted(ARTICLES.glob("*.txt")), "jsonl", predictions)
    command = [sys.executable, str(SCORER), *map(str, sorted(GOLD.glob("*.gold.jsonl"))), "--pred", predictions.name]
    completed = subprocess.run(command + sys.argv[1:], check=False)
    Path(predictions.name).unlink()
    return completed.returncode


if __name__ == "__main__":
    sys.exit(main())
