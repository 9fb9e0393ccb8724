"""Score the extractor on the hand-annotated gold sets in ../shared, each against its own documents.

    .venv/bin/python bench/score_gold.py [--show-errors] [--set NAME]

Sets: the DW live blogs (../shared/data/articles/*.txt against dw-liveblog-*.gold.jsonl), the first
twelve news pages (pages.gold.jsonl) and the ten after them (pages-more.gold.jsonl), the pages read
from ../shared/data/pages/*.html. Extraction goes through `extract_claims`' own code (the same parsing
as ingestion); ../shared/tools/score_extraction.py scores each set apart and one summary line per set
is printed at the end.
"""
import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from claims.extraction.cli import run  # noqa: E402

# Beside the checkout by default; a worktree elsewhere names it with --shared.
DEFAULT_SHARED = REPO.parent / "shared"


def _gold_docs(gold_files: list[Path]) -> set[str]:
    return {json.loads(line)["doc"] for path in gold_files for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}


def gold_sets(gold: Path) -> dict[str, list[Path]]:
    return {
        "live blogs": sorted(gold.glob("dw-liveblog-*.gold.jsonl")),
        "pages": [gold / "pages.gold.jsonl"],
        "pages-more": [gold / "pages-more.gold.jsonl"],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument("--set", choices=list(gold_sets(Path())), action="append", help="score only this set (repeatable)")
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED,
                        help=f"the folder holding data/ and tools/score_extraction.py (default {DEFAULT_SHARED})")
    args = parser.parse_args()
    data, scorer = args.shared / "data", args.shared / "tools" / "score_extraction.py"
    if not ((data / "gold").is_dir() and scorer.is_file()):
        print(f"The gold files and scorer are not at {args.shared}; nothing to score (--shared names the folder).", file=sys.stderr)
        return 2
    documents = {path.name: path for folder in ("articles", "pages") for path in sorted((data / folder).glob("*.*"))
                 if path.suffix in (".txt", ".html")}
    summary = []
    for name, gold_files in gold_sets(data / "gold").items():
        if args.set and name not in args.set:
            continue
        paths = [documents[doc] for doc in sorted(_gold_docs(gold_files)) if doc in documents]
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as predictions:
            run(paths, "jsonl", predictions)
        command = [sys.executable, str(scorer), *map(str, gold_files), "--pred", predictions.name]
        if args.show_errors:
            command.append("--show-errors")
        print(f"== {name}: {len(paths)} documents", flush=True)
        completed = subprocess.run(command, check=False, capture_output=True, text=True)
        Path(predictions.name).unlink()
        print(completed.stdout, end="", file=sys.stdout)
        if completed.returncode:
            print(completed.stderr, file=sys.stderr)
            return completed.returncode
        score = next((line for line in completed.stdout.splitlines() if line.startswith("score:")), "score: -")
        summary.append(f"{name:<11} {score.removeprefix('score: ')}")
    print("\n".join(["", "== summary", *summary]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
