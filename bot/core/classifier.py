"""The statistical second opinion: a linear model over ``features``, trained by
``make train`` and shipped as ``knowledge/model/classifier.json``.

The file holds, per feature, one weight for every intent and one for "harm to a person",
quantised to whole numbers with one scale per output; reading it costs a few milliseconds
and no heavy library."""

from __future__ import annotations

import base64
import hashlib
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FEATURE_VERSION = 1  # ``features.py`` changes it whenever the features change: retrain then
MODEL_FILE = Path("model") / "classifier.json"


class ModelError(ValueError):
    """The model file cannot be used; the message says why, in Spanish."""


@dataclass(frozen=True, slots=True)
class Opinion:
    """What the model thinks: a probability per intent and the probability of harm."""

    intents: dict[str, float]
    harm: float
    harm_threshold: float

    @property
    def suspects_harm(self) -> bool:
        """Harm is likely enough, at the threshold calibrated for recall."""
        return self.harm >= self.harm_threshold


class Classifier:
    """A loaded model: ``opinion(features)`` is a sum of weights and a softmax."""

    def __init__(self, data: dict[str, Any]) -> None:
        if data.get("feature_version") != FEATURE_VERSION:
            raise ModelError(
                "el modelo se entrenó con otras características; vuelva a entrenarlo "
                "con `make train`"
            )
        self.classes: list[str] = list(data["classes"])
        self.outputs = len(self.classes) + 1  # the intents, then harm
        self.bias: list[float] = [float(b) for b in data["bias"]]
        self.scales: list[float] = [float(x) for x in data["scales"]]
        raw = base64.b64decode(data["weights"])
        vocabulary: list[str] = data["features"].split("\n")
        if len(raw) != len(vocabulary) * self.outputs or len(self.bias) != self.outputs:
            raise ModelError("el archivo del modelo está incompleto")
        self.index = {feature: i for i, feature in enumerate(vocabulary)}
        self.rows = _packed_rows(raw, self.outputs)  # each feature's weights, by index
        self.harm_threshold = float(data["harm_threshold"])
        self.corpus_sha256 = str(data.get("corpus_sha256", ""))

    @classmethod
    def load(cls, knowledge_dir: Path) -> Classifier | None:
        """The model beside the knowledge, or None when there is none (rules only)."""
        path = knowledge_dir / MODEL_FILE
        if not path.is_file():
            return None
        try:
            return cls(json.loads(path.read_text(encoding="utf-8")))
        except (KeyError, TypeError, ValueError) as exc:
            raise ModelError(f"{MODEL_FILE}: {exc}") from None

    def known(self, features: Iterable[str]) -> set[int]:
        """The indexes of the features the model knows, each once."""
        index = self.index
        return {i for f in features if (i := index.get(f)) is not None}

    def opinion(self, known: set[int]) -> Opinion:
        """Probabilities from the weights of a message's ``known`` features."""
        total, count = sum(map(self.rows.__getitem__, known)), len(known)
        sums = [((total >> (LANE * k)) & LANE_MASK) - OFFSET * count for k in range(self.outputs)]
        totals = [b + s * w for b, s, w in zip(self.bias, self.scales, sums, strict=True)]
        intents = _softmax(totals[:-1])
        return Opinion(
            dict(zip(self.classes, intents, strict=True)),
            _sigmoid(totals[-1]),
            self.harm_threshold,
        )


# Each feature's weights (whole numbers from -127 to 127, one per output) are packed into one
# Python integer, a lane of LANE bits per output, each shifted up by OFFSET so it is never
# negative: adding the integers of a message's features adds every output's weights at once.
LANE = 32
LANE_MASK = (1 << LANE) - 1
OFFSET = 128


_SHIFT = bytes((b + OFFSET) % 256 for b in range(256))  # a signed byte, moved up by OFFSET


def _packed_rows(raw: bytes, outputs: int) -> list[int]:
    """One integer per feature: its weights moved up by OFFSET, one per LANE bits."""
    step = LANE // 8
    wide = bytearray(len(raw) * step)
    wide[0::step] = raw.translate(_SHIFT)
    width = outputs * step
    return [int.from_bytes(wide[i : i + width], "little") for i in range(0, len(wide), width)]


def corpus_digest(folder: Path) -> str:
    """The digest of a training corpus (its YAML files, by name and content): the model
    records it, so that a corpus changed without retraining is noticed."""
    digest = hashlib.sha256()
    for file in sorted(folder.glob("*.yaml")):
        digest.update(file.name.encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()


def _softmax(values: list[float]) -> list[float]:
    top = max(values)
    exps = [math.exp(v - top) for v in values]
    total = sum(exps)
    return [e / total for e in exps]


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x)) if x >= 0 else math.exp(x) / (1.0 + math.exp(x))
