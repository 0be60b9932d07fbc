"""The entity tagger: a BiLSTM-CRF trained on ANERcorp (bench/train_ner_neural.py), run in numpy.

Per token the network reads the CRF-style features of ``ner_features.token_features`` as a summed bag of learned
embeddings, the word's distributional vector from 31k Saudi news articles and a character CNN; a two-way LSTM
reads the sentence and a constrained Viterbi decodes BIO tags; a word the network tagged as a person elsewhere in
the text is that person where it stands alone. It replaced the two CRFs in session 27: 0.716 →
0.749 F1 on the held-back sixth of ANERcorp (docs/benchmarks.md). Written by hand because the network is small
(about 0.5M weights besides the tables) and torch is a gigabyte to install: numpy runs it at tens of thousands of
tokens a second, and the package loads weights from its own data folder (no download).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
from threadpoolctl import ThreadpoolController

from marsad.arabic.normalize import normalize_token
from marsad.arabic.stopwords import STOPWORDS
from marsad.nlp.ner_features import context_features, gazetteer_features, never_an_entity, word_cores, word_features

TAGS = ("O", "B-LOC", "I-LOC", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-MISC", "I-MISC")
CHARS_PER_WORD = 20
MAX_SEQUENCE = 150  # tokens read at once; ANERcorp's training sentences are shorter than this but for a handful
BATCH = 32  # sentences read side by side
_ROW_CACHE = 200_000  # tokens whose word-only input is kept
_SENTENCE_END = frozenset({".", "!", "?", "؟", "…"})
_GAP_END = re.compile(r"[.!?؟؛…]\s|\n")  # a mark then a space: "بي.دبليو" is one name
_MODEL = "ner_bilstm.npz"


def allowed_transitions() -> tuple[np.ndarray, np.ndarray]:
    """BIO constraints: which tag may follow which (I-X only after B-X or I-X), and which may start."""
    allowed = np.ones((len(TAGS), len(TAGS)), dtype=bool)
    for j, b in enumerate(TAGS):
        if b.startswith("I-"):
            for i, a in enumerate(TAGS):
                allowed[i, j] = a != "O" and a[2:] == b[2:]
    first = np.array([not t.startswith("I-") for t in TAGS])
    return allowed, first


def vector_id(word_index: dict[str, int], core: str, norm: str) -> int:
    """The row of a word's vector: its clitic-split form's, else its own, else 0 (none). Training reads it too."""
    return word_index.get(core) or word_index.get(norm) or 0


def char_ids(char_index: dict[str, int], norm: str) -> list[int]:
    """The character ids the CNN reads (1: unknown), at most CHARS_PER_WORD. Training reads them too."""
    return [char_index.get(ch, 1) for ch in norm[:CHARS_PER_WORD]] or [1]


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (np.tanh(0.5 * x) + 1.0)


class _CharCNN:
    """The character CNN (width 3, max-pooled) over a normalised word."""

    def __init__(self, f32: dict[str, np.ndarray], char_index: dict[str, int]):
        conv = f32["conv.weight"]  # (filters, char dim, width 3)
        self.emb, self.char_index = f32["chars.weight"], char_index
        self.w = conv.transpose(2, 1, 0).reshape(-1, conv.shape[0])
        self.b = f32["conv.bias"]

    def __call__(self, norms: list[str]) -> np.ndarray:
        ids = np.zeros((len(norms), CHARS_PER_WORD + 2), dtype=np.int64)  # a zero column each side: the conv's padding
        for i, n in enumerate(norms):
            cs = char_ids(self.char_index, n)
            ids[i, 1:1 + len(cs)] = cs
        x = self.emb[ids]
        windows = np.concatenate([x[:, k:k + CHARS_PER_WORD] for k in range(3)], axis=2)
        return np.maximum(windows @ self.w + self.b, 0).max(1)


class _BiLSTM:
    """The two-way LSTM: one direction reads each sentence forward, the other backward, the two stepped together."""

    def __init__(self, f32: dict[str, np.ndarray]):
        keys = ("lstm.weight_ih_l0", "lstm.weight_ih_l0_reverse")
        self.hidden = hidden = f32["lstm.weight_hh_l0"].shape[1]
        doubled = np.ones(4 * hidden, np.float32)
        doubled[2 * hidden:3 * hidden] = 2  # tanh(x) = 2 sigmoid(2x) - 1: one sigmoid over all four gates
        self.w_ih = [f32[k].T * doubled for k in keys]
        self.b = [(f32[k.replace("weight_ih", "bias_ih")] + f32[k.replace("weight_ih", "bias_hh")]) * doubled
                  for k in keys]
        self.w_hh = [np.ascontiguousarray(f32[k.replace("_ih_", "_hh_")].T * doubled) for k in keys]

    def states(self, x: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """The states (sentences, steps, forward then backward) of sentences whose token inputs ``x`` come one
        after the other, ``lengths`` tokens each; past a sentence's end they mean nothing."""
        steps = int(lengths.max())
        pos = np.arange(steps)
        starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
        valid = pos[None, :] < lengths[:, None]
        forward_idx = np.where(valid, starts[:, None] + pos[None, :], 0)
        backward_idx = np.where(valid, starts[:, None] + lengths[:, None] - 1 - pos[None, :], 0)  # each reversed
        h_fwd, h_bwd_rev = self._run(x[forward_idx], x[backward_idx])
        rev = np.where(valid, lengths[:, None] - 1 - pos[None, :], pos[None, :])
        return np.concatenate([h_fwd, h_bwd_rev[np.arange(len(lengths))[:, None], rev]], axis=2)

    def _run(self, x_fwd: np.ndarray, x_bwd: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Both directions over padded batches (sentences, steps, inputs), the backward one fed each sentence
        reversed; padding sits after each sentence."""
        hidden = self.hidden
        gates_in = np.concatenate([x_fwd @ self.w_ih[0] + self.b[0], x_bwd @ self.w_ih[1] + self.b[1]], axis=2)
        n, steps = x_fwd.shape[:2]
        h = np.zeros((n, 2 * hidden), np.float32)
        c = np.zeros((n, 2 * hidden), np.float32)
        out = np.empty((n, steps, 2 * hidden), np.float32)
        w_fwd, w_bwd = self.w_hh
        pre = np.empty((n, 8 * hidden), np.float32)
        for t in range(steps):
            np.matmul(h[:, :hidden], w_fwd, out=pre[:, :4 * hidden])
            np.matmul(h[:, hidden:], w_bwd, out=pre[:, 4 * hidden:])
            g = _sigmoid(gates_in[:, t] + pre)  # (n, 8 hidden): i f g o of the forward, then of the backward
            g = g.reshape(n, 2, 4, hidden)
            cell = 2 * g[:, :, 2] - 1  # tanh, from the sigmoid of twice the input (weights doubled at load)
            c = (g[:, :, 1] * c.reshape(n, 2, hidden) + g[:, :, 0] * cell).reshape(n, 2 * hidden)
            h = g[:, :, 3].reshape(n, 2 * hidden) * np.tanh(c)
            out[:, t] = h
        return out[:, :, :hidden], out[:, :, hidden:]


class NeuralTagger:
    """The exported network (bench/train_ner_neural.py ``export``); ``tag`` gives one BIO tag per token."""

    def __init__(self, path: Path):
        with np.load(path) as z:
            w = {k: z[k] for k in z.files}
        self.feature_index = {str(f): i + 1 for i, f in enumerate(w["feature_names"])}
        self.char_index = {str(c): i + 2 for i, c in enumerate(w["char_names"])}
        self.word_index = {str(v): i + 1 for i, v in enumerate(w["vocab"])}
        f32 = {k: v.astype(np.float32) for k, v in w.items() if v.dtype.kind == "f"}
        self.feature_emb = f32["features.weight"]
        self.vectors = np.vstack([np.zeros((1, w["vectors"].shape[1]), np.float32), w["vectors"].astype(np.float32) / 127])
        self.chars = _CharCNN(f32, self.char_index)
        self.lstm = _BiLSTM(f32)
        self._rows: dict[str, np.ndarray] = {}
        self.out_w, self.out_b = f32["out.weight"].T.copy(), f32["out.bias"]
        allowed, first = allowed_transitions()
        self.trans = np.where(allowed, f32["trans"], -1e4)
        self.start = np.where(first, f32["start"], -1e4)
        self.end = f32["end"]

    def _word_rows(self, tokens: list[str]) -> np.ndarray:
        """The input of each token that depends on the word alone: its features' embeddings summed, its vector and
        its character CNN. Cached per token (news repeats its words), so most tokens cost one lookup."""
        rows = self._rows
        if len(rows) > _ROW_CACHE:
            rows.clear()
        # this text's rows are gathered apart, so no clearing (here or in another thread) can lose one
        found = {t: r for t in dict.fromkeys(tokens) if (r := rows.get(t)) is not None}
        new = [t for t in dict.fromkeys(tokens) if t not in found]
        if new:
            norms = [normalize_token(t) for t in new]
            flat, starts = [], []
            for n in norms:
                starts.append(len(flat))
                flat += [self.feature_index.get(f, 0) for f in word_features(n)]
            feats = np.add.reduceat(self.feature_emb[flat], starts, axis=0)
            words = self.vectors[[vector_id(self.word_index, c, n) for c, n in zip(word_cores(new), norms, strict=True)]]
            found.update(zip(new, np.concatenate([feats, words, self.chars(norms)], axis=1)))
            rows.update((t, found[t]) for t in new)
        return np.stack([found[t] for t in tokens])

    def _inputs(self, sentences: list[list[str]]) -> np.ndarray:
        """Per token of the sentences, one after the other: the word's row plus its gazetteer features, which read
        the sentence (as in training, a sentence at a time)."""
        x = self._word_rows([t for s in sentences for t in s])
        gaz = [self.feature_index.get(f, 0) for s in sentences
               for g in gazetteer_features([normalize_token(t) for t in s]) for f in g]
        x[:, :self.feature_emb.shape[1]] += self.feature_emb[gaz].reshape(len(x), 3, -1).sum(1)
        return x

    def _viterbi(self, em: np.ndarray, lengths: np.ndarray) -> list[list[str]]:
        """Best tag paths of a padded batch of emissions (sentences, steps, tags)."""
        n, steps, k = em.shape
        score = self.start + em[:, 0]
        back = np.empty((steps, n, k), dtype=np.int64)
        keep = np.broadcast_to(np.arange(k), (n, k))
        for t in range(1, steps):
            cand = score[:, :, None] + self.trans
            live = (t < lengths)[:, None]
            back[t] = np.where(live, cand.argmax(1), keep)  # past a sentence's end its path stands still
            score = np.where(live, cand.max(1) + em[:, t], score)
        best = (score + self.end).argmax(1)
        paths = np.empty((n, steps), dtype=np.int64)
        paths[:, -1] = best
        for t in range(steps - 1, 0, -1):
            best = back[t, np.arange(n), best]
            paths[:, t - 1] = best
        return [[TAGS[i] for i in paths[b, :lengths[b]]] for b in range(n)]

    def tag_sentences(self, sentences: list[list[str]]) -> list[list[str]]:
        """BIO tags of each sentence, the sentences read side by side."""
        sentences = [s for s in sentences if s]
        if not sentences:
            return []
        x = self._inputs(sentences)
        lengths = np.array([len(s) for s in sentences])
        em = self.lstm.states(x, lengths) @ self.out_w + self.out_b
        return self._viterbi(em, lengths)

    def tag_sentence(self, tokens: list[str]) -> list[str]:
        return self.tag_sentences([tokens])[0] if tokens else []

    def tag(self, tokens: list[str], ends: set[int] | frozenset[int] = frozenset()) -> list[str]:
        """Tags of a running text, read a sentence at a time (the network was trained on sentences). ``ends``: the
        tokens a sentence ends with, when the tokens carry no punctuation (``sentence_ends``)."""
        with _blas().limit(limits=1, user_api="blas"):
            return self._tag(tokens, ends)

    def _tag(self, tokens: list[str], ends: set[int] | frozenset[int]) -> list[str]:
        sentences = [tokens[a:b] for a, b in sentence_bounds(tokens, ends)]
        order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]))  # like lengths side by side: little padding
        tagged: list[list[str]] = [[] for _ in sentences]
        for k in range(0, len(order), BATCH):
            group = order[k:k + BATCH]
            for i, tags in zip(group, self.tag_sentences([sentences[i] for i in group]), strict=True):
                tagged[i] = tags
        return persons_named_elsewhere(tokens, [t for tags in tagged for t in tags])


def persons_named_elsewhere(tokens: list[str], tags: list[str]) -> list[str]:
    """A word left untagged that the network tagged as (part of) a person in at least half of its other mentions
    nearby is that person again: "وأوضح واتيتو" after "وزير الخارجية الكيني موسى واتيتو". The network reads one
    sentence at a time; the two CRFs it replaced had a second stage for this. Persons only: on the dev sixth this
    gave 0.823 → 0.826, the same for every type 0.817 (places and bodies recur as common words)."""
    norms = [normalize_token(t) for t in tokens]
    context = context_features(norms, tags)  # whole words, not clitic-split cores: "الجميل" is no mention of a "جميل"
    out = list(tags)
    for i, (norm, tag) in enumerate(zip(norms, tags, strict=True)):
        if tag != "O" or context[i][0] != "ctx=PER+":
            continue
        if len(norm) < 3 or norm in STOPWORDS or never_an_entity(norm):
            continue
        out[i] = "I-PER" if i and out[i - 1] in ("B-PER", "I-PER") else "B-PER"
    return out


def sentence_bounds(tokens: list[str], ends: set[int] | frozenset[int] = frozenset()) -> list[tuple[int, int]]:
    """Token ranges of the sentences: after a sentence-final mark or a token in ``ends``, at most MAX_SEQUENCE
    tokens each."""
    bounds, start = [], 0
    for i, t in enumerate(tokens):
        if t in _SENTENCE_END or i in ends or i + 1 - start >= MAX_SEQUENCE:
            bounds.append((start, i + 1))
            start = i + 1
    if start < len(tokens):
        bounds.append((start, len(tokens)))
    return bounds


def sentence_ends(spans: list[tuple[str, int, int]], text: str) -> set[int]:
    """For tokens that carry no punctuation (``tokenize_spans``): the tokens followed, in ``text``, by a
    sentence-final mark and a space, or a line break, before the next token; not after one letter ("د. فيصل")."""
    return {i for i in range(len(spans) - 1)
            if len(spans[i][0]) > 1 and _GAP_END.search(text, spans[i][2], spans[i + 1][1])}


@lru_cache(maxsize=1)
def _blas() -> ThreadpoolController:
    """The products here are small: BLAS threads cost more than they give, and with one worker per core they fight
    (1.2 articles/s instead of 20 on a loaded machine), so the tagger runs them on one thread."""
    return ThreadpoolController()


@lru_cache(maxsize=1)
def shipped_tagger() -> NeuralTagger:
    """The packaged network, loaded once: its weights are only read and its word cache is safe to share
    (``_word_rows``), so one instance serves every thread."""
    with resources.as_file(resources.files("marsad.nlp").joinpath("data", _MODEL)) as path:
        return NeuralTagger(path)
