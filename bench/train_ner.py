"""Train the CRF entity tagger on ANERcorp and evaluate it on a held-back last sixth.

    python bench/train_ner.py --data ../shared/data [--write]   (make train-ner)

The training file is split by words: the first five sixths train the model, the last
sixth is never trained or tuned on and gives the reported entity-level P/R/F1 (exact
span and type). The tagger marsad ships is the network of train_ner_neural.py (session 27); the CRFs
here build its lexicon and stay as the baseline it is compared with. Two taggers are trained on the same sentences: the first without the
lexicon feature tags the 31k unlabelled SaudiNewsNet articles, whose per-word tag counts
become the lexicon (ner_features); the second, shipped, uses it. A third, the context
tagger, is trained on the second one's tags of the training part, each quarter tagged by a
model trained on the other three (so it learns from tags as good as on unseen text), read
through ner_features.context_features. --self-sentences N (off by default) trains the second
tagger once more with N unlabelled news sentences it tagged itself with confidence
(self-training; tried in session 21, see docs/benchmarks.md). With --write the lexicon goes to
src/marsad/nlp/data/ner_lexicon.tsv.gz and the CRFs to build/ner.crfsuite and build/ner_context.crfsuite.
"""

from __future__ import annotations

import argparse
import gzip
import random
import re
import sys
import time
from collections import Counter, defaultdict
from multiprocessing import Pool
from pathlib import Path

import pycrfsuite

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

sys.path.insert(0, str(ROOT / "bench"))

from bootstrap import blocks, f1_of_counts, interval  # noqa: E402

from marsad.arabic.normalize import normalize_token  # noqa: E402
from marsad.arabic.tokens import split_clitics, tokenize_spans  # noqa: E402
from marsad.nlp.ner_features import context_features, lexicon_bin, read_lexicon, sentence_features, set_lexicon, word_cores  # noqa: E402

MAX_TOKENS = 2000  # tokens tagged per unlabelled article (a few are whole books)


def read(path: Path) -> list[list[tuple[str, str]]]:
    sents, cur = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) < 2:
            if cur:
                sents.append(cur)
                cur = []
            continue
        cur.append((parts[0], parts[1].replace("PERS", "PER")))
    if cur:
        sents.append(cur)
    return sents


def spans(tags: list[str]) -> set[tuple[int, int, str]]:
    out, start, kind = set(), None, None
    for i, t in enumerate([*tags, "O"]):
        if t.startswith("B-") or t == "O" or (t.startswith("I-") and t[2:] != kind):
            if start is not None:
                out.add((start, i, kind))
            start, kind = (i, t[2:]) if t != "O" else (None, None)
    return out


def split_sixth(sents: list[list[tuple[str, str]]]) -> tuple[list, list]:
    """The first five sixths (by words) and the last sixth."""
    total = sum(len(s) for s in sents)
    acc, cut = 0, len(sents)
    for i, s in enumerate(sents):
        acc += len(s)
        if acc >= total * 5 / 6:
            cut = i + 1
            break
    return sents[:cut], sents[cut:]


def train_crf(sents: list[list[tuple[str, str]]], path: Path, args: argparse.Namespace,
              extra: list[list[list[str]]] | None = None) -> None:
    """Train a CRF on ``sents``; ``extra`` adds features per token (the context tagger's)."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for i, s in enumerate(sents):
        feats = sentence_features([w for w, _ in s])
        if extra is not None:
            feats = [f + x for f, x in zip(feats, extra[i], strict=True)]
        trainer.append(feats, [t for _, t in s])
    trainer.set_params({"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations, "feature.possible_transitions": True})
    t = time.perf_counter()
    trainer.train(str(path))
    print(f"trained in {time.perf_counter() - t:.0f} s -> {path} ({path.stat().st_size / 1e6:.1f} MB)", flush=True)


def stream_context(sents: list[list[tuple[str, str]]], first_tags: list[list[str]]) -> list[list[list[str]]]:
    """Context features over the sentences read as one running text (ANERcorp marks no document boundaries;
    the window is a few sentences either way), split back per sentence."""
    words = [w for s in sents for w, _ in s]
    context = context_features(word_cores(words), [t for tags in first_tags for t in tags])
    out, k = [], 0
    for s in sents:
        out.append(context[k:k + len(s)])
        k += len(s)
    return out


FOLDS = 4


def _fold(job: tuple[list, int, argparse.Namespace, Path]) -> list[list[str]]:
    """Tag one quarter of the training sentences with a tagger trained on the other three."""
    sents, k, args, path = job
    a, b = k * len(sents) // FOLDS, (k + 1) * len(sents) // FOLDS
    train_crf(sents[:a] + sents[b:], path, args)
    return tag_first(path, sents[a:b])


def tag_first(model: Path, sents: list[list[tuple[str, str]]]) -> list[list[str]]:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    return [tagger.tag(sentence_features([w for w, _ in s])) for s in sents]


def jackknifed_tags(sents: list[list[tuple[str, str]]], args: argparse.Namespace, stem: str) -> list[list[str]]:
    """The first tagger's tags of its own training sentences as it would tag unseen text: each quarter by a model
    trained on the other quarters (two at a time, one per core)."""
    jobs = [(sents, k, args, Path(f"/tmp/{stem}.fold{k}.crfsuite")) for k in range(FOLDS)]
    with Pool(2) as pool:
        return [tags for part in pool.map(_fold, jobs) for tags in part]


def build_lexicon(model: Path, data: Path) -> dict[str, str]:
    """Tag the unlabelled SaudiNewsNet articles with ``model`` and keep, per clitic-split word seen 3+ times, the
    entity types it got (ner_features.lexicon_bin)."""
    from run_bench import load_corpus

    t = time.perf_counter()
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    n_tokens = 0
    for doc in load_corpus(data):
        words = [w for w, _s, _e in tokenize_spans((doc.get("title") or "") + "\n" + (doc.get("content") or ""))][:MAX_TOKENS]
        if not words:
            continue
        n_tokens += len(words)
        for w, tag in zip(words, tagger.tag(sentence_features(words)), strict=True):
            counts[split_clitics(normalize_token(w))][tag[2:] if tag != "O" else "O"] += 1
    lexicon = {w: lexicon_bin(c) for w, c in sorted(counts.items()) if sum(c.values()) >= 3}
    print(f"lexicon: {n_tokens:,} unlabelled tokens tagged, {len(lexicon):,} words kept ({time.perf_counter() - t:.0f} s)", flush=True)
    return lexicon


SELF_SENTENCES = 0  # off: +0.7 F1 on the dev sixth with 4,000 sentences, none on the held-back sixth (docs/benchmarks.md, session 21)
SELF_MIN_PROB = 0.9  # the tagger's probability of its own tag sequence
_SENTENCE_END = re.compile(r"(?<=[.؟!])\s+|\n+")


def self_tagged(model: Path, data: Path, n: int, min_prob: float = SELF_MIN_PROB) -> list[list[tuple[str, str]]]:
    """Sentences of unlabelled news (8-60 words, articles in a fixed shuffled order) that ``model`` tags with at
    least one entity and a sequence probability of ``min_prob`` or more, with those tags: article by article until
    ``n`` are kept."""
    from run_bench import load_corpus

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    docs = list(load_corpus(data))
    random.Random(7).shuffle(docs)
    kept: list[list[tuple[str, str]]] = []
    seen = 0
    for doc in docs:
        for sentence in _SENTENCE_END.split((doc.get("content") or "")[:4000]):
            words = [w for w, _s, _e in tokenize_spans(sentence)]
            if not 8 <= len(words) <= 60:
                continue
            seen += 1
            tags = tagger.tag(sentence_features(words))
            if all(t == "O" for t in tags) or tagger.probability(tags) < min_prob:
                continue
            kept.append(list(zip(words, tags, strict=True)))
        if len(kept) >= n:
            break
    print(f"self-training: {len(kept):,} confidently tagged sentences kept of {seen:,} read", flush=True)
    return kept


def score(tag_sentence, test: list[list[tuple[str, str]]], label: str) -> float:
    """Entity-level P/R/F1 (exact span and type) of ``tag_sentence`` (words -> BIO tags) on ``test``, per type."""
    t = time.perf_counter()
    preds = [tag_sentence([w for w, _ in s]) for s in test]
    return score_tags(preds, test, label, sum(len(s) for s in test) / (time.perf_counter() - t))


def _sum_counts(units: list[tuple[int, int, int]]) -> tuple[int, int, int]:
    return (sum(u[0] for u in units), sum(u[1] for u in units), sum(u[2] for u in units))


def score_tags(preds: list[list[str]], test: list[list[tuple[str, str]]], label: str, speed: float) -> float:
    """Entity-level P/R/F1 of tags already made, one list per sentence of ``test``, printed per type."""
    per_type: dict[str, list[int]] = {}
    for s, pred in zip(test, preds, strict=True):
        g, p = spans([t_ for _, t_ in s]), spans(pred)
        for kind in {k for *_, k in g | p}:
            c = per_type.setdefault(kind, [0, 0, 0])
            gk, pk = {x for x in g if x[2] == kind}, {x for x in p if x[2] == kind}
            c[0] += len(gk & pk)
            c[1] += len(pk)
            c[2] += len(gk)
    tp, np_, ng = (sum(c[i] for c in per_type.values()) for i in range(3))
    prec, rec = tp / max(np_, 1), tp / max(ng, 1)
    f1 = 2 * prec * rec / max(prec + rec, 1e-9)
    per_sentence = []
    for s, pred in zip(test, preds, strict=True):
        g, p = spans([t_ for _, t_ in s]), spans(pred)
        per_sentence.append((len(g & p), len(p), len(g)))
    # runs of 50 sentences: neighbouring sentences share an article's names
    low, high = interval([_sum_counts(b) for b in blocks(per_sentence, 50)], f1_of_counts)
    print(f"{label}: entity P {prec:.3f} R {rec:.3f} F1 {f1:.3f} (95% interval over runs of 50 sentences "
          f"{low:.3f}–{high:.3f}); tagging speed {speed:,.0f} tokens/s (features included, one core)")
    for kind, (a, b, c) in sorted(per_type.items()):
        p_, r_ = a / max(b, 1), a / max(c, 1)
        print(f"  {kind}: P {p_:.3f} R {r_:.3f} F1 {2 * p_ * r_ / max(p_ + r_, 1e-9):.3f} ({c} gold)")
    return f1


def evaluate(model: Path, test: list[list[tuple[str, str]]], label: str, context_model: Path | None = None) -> float:
    """Entity-level P/R/F1 (exact span and type) on ``test``, printed per type; returns F1. With ``context_model``
    the two stages as marsad runs them: the first model's tags feed the context model."""
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    t = time.perf_counter()
    feats = [sentence_features([w for w, _ in s]) for s in test]
    preds = [tagger.tag(f) for f in feats]
    if context_model is not None:
        second = pycrfsuite.Tagger()
        second.open(str(context_model))
        context = stream_context(test, preds)
        preds = [second.tag([a + b for a, b in zip(f, c, strict=True)]) for f, c in zip(feats, context, strict=True)]
    return score_tags(preds, test, label, sum(len(s) for s in test) / (time.perf_counter() - t))


def held_back(data: Path) -> list[list[tuple[str, str]]]:
    """The last sixth of the ANERcorp training file: never trained or tuned on."""
    return split_sixth(read(data / "anercorp" / "train.txt"))[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--iterations", type=int, default=400)
    ap.add_argument("--c1", type=float, default=0.01)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--dev", action="store_true",
                    help="choose settings: train on the first 5/6 of the training part, score on its last 6th "
                         "(the held-back sixth is not read)")
    ap.add_argument("--self-sentences", type=int, default=SELF_SENTENCES,
                    help="confidently self-tagged news sentences added to the first stage's training (default 0: none)")
    ap.add_argument("--lexicon", type=Path, default=None,
                    help="a lexicon written by an earlier run (word<TAB>features, gzipped): skip the first tagger")
    args = ap.parse_args()
    sents = read(args.data / "anercorp" / "train.txt")
    train, test = split_sixth(sents)
    if args.dev:
        train, test = split_sixth(train)
        args.write = False
    print(f"{len(train)} training sentences ({sum(len(s) for s in train):,} tokens), {len(test)} held back ({sum(len(s) for s in test):,} tokens)")
    data_dir = ROOT / "src" / "marsad" / "nlp" / "data"
    build = ROOT / "build"  # the CRFs are no longer shipped (the network is the tagger); kept for comparison
    build.mkdir(exist_ok=True)
    model = build / "ner.crfsuite" if args.write else Path(f"/tmp/ner-{args.c1}-{args.c2}-{int(args.dev)}.crfsuite")
    label = "dev sixth of the training part" if args.dev else "held-back sixth"
    if args.lexicon:
        lexicon = read_lexicon(args.lexicon)
    else:
        # the first tagger: every feature but the lexicon, which it builds by tagging unlabelled news
        set_lexicon({})
        first = model.with_name(model.stem + ".first.crfsuite") if not args.write else Path("/tmp/ner-first.crfsuite")
        train_crf(train, first, args)
        evaluate(first, test, f"first tagger (no lexicon), {label}")
        lexicon = build_lexicon(first, args.data)
    # the shipped first tagger: the same features and the lexicon, then once more with the unlabelled news
    # sentences it tags confidently
    set_lexicon(lexicon)
    train_crf(train, model, args)
    evaluate(model, test, f"first stage{' before self-training' if args.self_sentences else ' alone'}, {label}")
    if args.self_sentences:
        train_crf(train + self_tagged(model, args.data, args.self_sentences), model, args)
        evaluate(model, test, f"first stage alone, {label}")
    # the context tagger, trained on the first stage's tags of the training part as on unseen text
    first_tags = jackknifed_tags(train, args, model.stem)
    context_model = build / "ner_context.crfsuite" if args.write else model.with_name(model.stem + ".context.crfsuite")
    train_crf(train, context_model, args, extra=stream_context(train, first_tags))
    evaluate(model, test, label, context_model)
    if not args.lexicon:
        path = data_dir / "ner_lexicon.tsv.gz" if args.write else Path(f"/tmp/ner-lexicon-{int(args.dev)}.tsv.gz")
        with gzip.GzipFile(path, "wb", mtime=0) as raw:  # mtime 0: the same data gives the same file
            raw.write("".join(f"{w}\t{v}\n" for w, v in lexicon.items()).encode("utf-8"))
        print(f"wrote {path} ({path.stat().st_size / 1e6:.2f} MB)")
    set_lexicon(None)


if __name__ == "__main__":
    main()
