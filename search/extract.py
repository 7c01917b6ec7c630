"""Speakers, quotes and places of one article, as pure functions."""

from __future__ import annotations

from .model import Article, Extraction


def extract(article: Article) -> Extraction:
    """What the article reports: who spoke, what they said, which places."""
    return Extraction()
