"""The shipped statistical model: up to date with its corpus, kept apart from the evaluation,
and used by the understanding."""

from __future__ import annotations

import json
from pathlib import Path

from bot.core.classifier import MODEL_FILE, corpus_digest
from bot.core.engine import Engine
from bot.core.features import features, opinion_of
from bot.core.knowledge import DEFAULT_KNOWLEDGE_DIR, Knowledge
from bot.core.text import normalize
from bot.evaluate import load_cases

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "train" / "corpus"


def test_model_was_trained_on_the_corpus_as_it_is(kb: Knowledge) -> None:
    assert kb.model is not None
    assert kb.model.corpus_sha256 == corpus_digest(CORPUS), (
        "train/corpus changed since the model was trained: run `make train`"
    )


def _key(text: str) -> str:
    """A message as compared: normalised, or as written when only emoji ("😢😢😢")."""
    return normalize(text) or text.strip()


def test_corpus_is_apart_from_every_evaluation_case() -> None:
    evaluated = {_key(case.q) for _, case in load_cases([ROOT / "tests" / "eval"])}
    corpus = [
        _key(line.split(":", 1)[1].strip().strip("'\""))
        for file in sorted(CORPUS.glob("*.yaml"))
        for line in file.read_text(encoding="utf-8").splitlines()
        if line.startswith("- q:")
    ]
    assert len(corpus) > 4000
    assert not evaluated & set(corpus)


def test_harm_threshold_was_calibrated_out_of_fold() -> None:
    data = json.loads((DEFAULT_KNOWLEDGE_DIR / MODEL_FILE).read_text(encoding="utf-8"))
    measured = data["measured_out_of_fold"]
    assert measured["harm_recall"] >= 0.99
    assert 0 < data["harm_threshold"] < 1


def test_the_model_gives_an_opinion(engine: Engine) -> None:
    opinion = engine.understanding.opinion(engine.understanding.read("mi esposo me pega"))
    assert opinion is not None
    assert opinion.suspects_harm
    assert max(opinion.intents, key=lambda i: opinion.intents[i]) == "emergency"
    calm = engine.understanding.opinion(engine.understanding.read("qué es la DEMUNA"))
    assert calm is not None and not calm.suspects_harm


def test_the_opinion_reads_the_features_of_training(engine: Engine) -> None:
    model = engine.kb.model
    assert model is not None
    for text in ("mi esposo me pega y me pega", "dónde hay un CEM en Juliaca", "hola hola"):
        signals = engine.understanding.read(text)
        assert opinion_of(model, signals) == model.opinion(model.known(features(signals)))
