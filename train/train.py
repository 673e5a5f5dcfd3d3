"""Train the statistical model (``make train``): a linear model over ``bot.core.features``,
from the labelled corpus in ``train/corpus/``, written to ``knowledge/model/classifier.json``.

- The corpus never shares a message with the evaluation sets (``tests/eval``): any overlap
  is dropped and reported.
- Everything is measured out of fold (5 folds) before the final fit on the whole corpus: the
  intent accuracy, and the harm threshold that keeps recall of harm at or above 99 %, with
  the false alarms it costs. The model is never scored on what it was trained on.
- Same corpus, same knowledge, same libraries: the same file, byte for byte.
"""

from __future__ import annotations

import argparse
import base64
import json
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import yaml
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from bot.core.classifier import FEATURE_VERSION, MODEL_FILE, corpus_digest
from bot.core.features import features
from bot.core.knowledge import DEFAULT_KNOWLEDGE_DIR, load_knowledge
from bot.core.model import INTENTS
from bot.core.text import normalize
from bot.core.understand import Understanding
from bot.evaluate import load_cases

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "train" / "corpus"
EVAL = ROOT / "tests" / "eval"
HARM_RECALL = 0.99
MIN_COUNT = 2  # a feature seen in fewer messages is dropped
C_INTENT = 4.0
C_HARM = 4.0
FOLDS = 5
SEED = 7
QUANT = 127


HARM_VALUES = ("none", "past", "ongoing", "now")


def load_corpus(folder: Path) -> list[dict[str, Any]]:
    """The labelled messages."""
    items: list[dict[str, Any]] = []
    for file in sorted(folder.glob("*.yaml")):
        for item in yaml.safe_load(file.read_bytes()) or []:
            if item.get("intent") not in INTENTS or item.get("harm") not in HARM_VALUES:
                raise SystemExit(f"{file.name}: etiqueta no válida en {item.get('q')!r}")
            items.append(item)
    return items


def apart_from_eval(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The corpus, refused if any message is also an evaluation case (compared normalised)."""
    evaluated = {normalize(case.q) for _, case in load_cases([EVAL])}
    shared = [item["q"] for item in items if normalize(item["q"]) in evaluated]
    if shared:
        raise SystemExit(f"{len(shared)} mensajes del corpus están en tests/eval: {shared[:5]}")
    return items


def featurise(items: list[dict[str, Any]]) -> list[dict[str, int]]:
    kb = replace(load_knowledge(DEFAULT_KNOWLEDGE_DIR), model=None)
    understanding = Understanding(kb)
    return [dict.fromkeys(features(understanding.read(item["q"])), 1) for item in items]


def prune(rows: list[dict[str, int]]) -> list[dict[str, int]]:
    counts = Counter(f for row in rows for f in row)
    keep = {f for f, n in counts.items() if n >= MIN_COUNT}
    return [{f: v for f, v in row.items() if f in keep} for row in rows]


def fit(x: Any, intents: np.ndarray, harm: np.ndarray) -> tuple[Any, Any]:
    intent_model = LogisticRegression(C=C_INTENT, max_iter=5000, class_weight="balanced")
    harm_model = LogisticRegression(C=C_HARM, max_iter=5000, class_weight="balanced")
    return intent_model.fit(x, intents), harm_model.fit(x, harm)


def out_of_fold(x: Any, intents: np.ndarray, harm: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Predicted intents and harm probabilities, each message by a model that never saw it."""
    predicted = np.empty(len(intents), dtype=object)
    harm_p = np.zeros(len(intents))
    folds = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=SEED)
    for train, test in folds.split(x, intents):
        intent_model, harm_model = fit(x[train], intents[train], harm[train])
        predicted[test] = intent_model.predict(x[test])
        harm_p[test] = harm_model.predict_proba(x[test])[:, 1]
    return predicted, harm_p


def harm_threshold(harm: np.ndarray, p: np.ndarray) -> float:
    """The highest threshold whose recall of harm is at least ``HARM_RECALL``."""
    scores = np.sort(p[harm == 1])
    allowed_misses = int(np.floor((1 - HARM_RECALL) * len(scores)))
    return float(scores[allowed_misses]) if len(scores) else 0.5


def report(
    intents: np.ndarray, predicted: np.ndarray, harm: np.ndarray, p: np.ndarray, threshold: float
) -> dict[str, Any]:
    accuracy = float(np.mean(predicted == intents))
    print(f"intención, fuera de pliegue: {accuracy:.1%}")
    per_intent = {}
    for intent in INTENTS:
        mask = intents == intent
        if mask.any():
            per_intent[intent] = round(float(np.mean(predicted[mask] == intent)), 3)
            print(f"  {intent:<10} {per_intent[intent]:.1%} ({int(mask.sum())})")
    recall = float(np.mean(p[harm == 1] >= threshold))
    alarms = float(np.mean(p[harm == 0] >= threshold))
    print(f"daño: umbral {threshold:.3f}, exhaustividad {recall:.1%}, falsas alarmas {alarms:.1%}")
    return {
        "intent_accuracy": round(accuracy, 4),
        "per_intent": per_intent,
        "harm_recall": round(recall, 4),
        "harm_false_alarms": round(alarms, 4),
    }


def export(
    vectorizer: DictVectorizer,
    intent_model: Any,
    harm_model: Any,
    threshold: float,
    meta: dict[str, Any],
) -> dict[str, Any]:
    """The model in the shipped format: weights quantised per output, features as text."""
    classes = [str(c) for c in intent_model.classes_]
    matrix = np.vstack([intent_model.coef_, harm_model.coef_]).T  # features x outputs
    bias = [*intent_model.intercept_.tolist(), float(harm_model.intercept_[0])]
    scales = np.abs(matrix).max(axis=0) / QUANT
    scales[scales == 0] = 1.0
    quantised = np.rint(matrix / scales).astype(np.int8)
    keep = np.any(quantised != 0, axis=1)
    names = np.array(vectorizer.get_feature_names_out())[keep]
    return {
        "feature_version": FEATURE_VERSION,
        "classes": classes,
        "bias": [round(b, 6) for b in bias],
        "scales": [round(float(s), 9) for s in scales],
        "features": "\n".join(names.tolist()),
        "weights": base64.b64encode(quantised[keep].tobytes()).decode("ascii"),
        "harm_threshold": round(threshold, 6),
        **meta,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--out", type=Path, default=DEFAULT_KNOWLEDGE_DIR / MODEL_FILE)
    args = parser.parse_args(argv)
    items = apart_from_eval(load_corpus(args.corpus))
    print(f"corpus: {len(items)} mensajes, {Counter(i['intent'] for i in items)}")
    rows = prune(featurise(items))
    vectorizer = DictVectorizer(sparse=True, sort=True)
    x = vectorizer.fit_transform(rows).tocsr()
    intents = np.array([i["intent"] for i in items], dtype=object)
    harm = np.array([i["harm"] != "none" for i in items], dtype=int)
    predicted, harm_p = out_of_fold(x, intents, harm)
    threshold = harm_threshold(harm, harm_p)
    measured = report(intents, predicted, harm, harm_p, threshold)
    intent_model, harm_model = fit(x, intents, harm)
    meta = {
        "corpus_sha256": corpus_digest(args.corpus),
        "messages": len(items),
        "measured_out_of_fold": measured,
    }
    model = export(vectorizer, intent_model, harm_model, threshold, meta)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(model, ensure_ascii=False, sort_keys=True, indent=1) + "\n")
    size = args.out.stat().st_size // 1024
    count = model["features"].count("\n") + 1
    print(f"modelo: {args.out} ({size} KB, {count} características)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
