"""Shared fixtures: the real sample archive, indexed once per test run."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SEED = CORPUS / "2014-06-10_mosul-falls-to-isil-militants.txt"


@pytest.fixture(scope="session")
def corpus_index(tmp_path_factory) -> str:
    """The whole sample archive (seed + 2,225 BBC articles) indexed once."""
    from search.indexer import index_paths

    index_dir = tmp_path_factory.mktemp("corpus") / "index"
    summary = index_paths([str(CORPUS)], str(index_dir))
    assert summary.added == 2226 and not summary.skipped
    return str(index_dir)


@pytest.fixture
def small_corpus(tmp_path) -> Path:
    """A copy of a few real articles (the seed and ten BBC ones) to change freely."""
    root = tmp_path / "archive"
    root.mkdir()
    shutil.copy(SEED, root / SEED.name)
    bbc = root / "bbc"
    bbc.mkdir()
    for name in sorted(os.listdir(CORPUS / "bbc" / "politics"))[:10]:
        shutil.copy(CORPUS / "bbc" / "politics" / name, bbc / name)
    return root


class Cli:
    """Run the CLI in-process and parse what it prints."""

    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, *args: str, env: dict[str, str] | None = None):
        from search.cli import app

        return self.runner.invoke(app, list(args), env=env, catch_exceptions=False)

    def json(self, *args: str):
        result = self(*args)
        assert result.exit_code in (0, 1), result.stderr
        return json.loads(result.stdout)


@pytest.fixture
def cli() -> Cli:
    return Cli()
