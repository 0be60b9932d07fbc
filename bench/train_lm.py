"""Train the two-way word language model whose states the entity tagger reads (ELMo-like, small).

    python bench/train_lm.py --data ../shared/data --vectors build/word-vectors.npz --out build/lm.pt \
        --direction forward|backward            (writes build/lm-forward.pt or build/lm-backward.pt)
    (part of make train-ner, after train_clusters.py; bench/train_ner_neural.py --lm build/lm.pt reads it)

ANERcorp has 125k labelled tokens, and the held-back sixth's names are mostly unseen there. A language model over
the 31k SaudiNewsNet articles (about 10M tokens, no labels) learns what the words around a name look like: "…
أعلن ___ أن" or "في مدينة ___". Its states, read by the tagger beside each word's own input, carry that. Each
direction is one LSTM over a word's frozen PPMI-SVD vector (bench/train_clusters.py) and a character CNN, and
predicts the next (or previous) word through a sampled softmax. The text is cut and tokenised as
marsad cuts and tokenises an article when it tags it (``tokenize_spans``, ``sentence_ends``), so the model sees at
training what it will see at run time. The tagger keeps only the LSTMs and their input layers.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import numpy as np
import torch
from torch import nn

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from run_bench import load_corpus  # noqa: E402

from marsad.arabic.normalize import normalize_token  # noqa: E402
from marsad.arabic.tokens import tokenize_spans  # noqa: E402
from marsad.nlp.ner_features import word_cores  # noqa: E402
from marsad.nlp.tagger import char_ids, sentence_bounds, sentence_ends, vector_id  # noqa: E402

HIDDEN, CHAR_DIM, CHAR_FILTERS, OUTPUT_DIM = 256, 16, 64, 128
BATCH, LEARNING_RATE, DROPOUT = 64, 2e-3, 0.1
NEGATIVES = 1024  # a full softmax over 60k words is most of the cost on a CPU; sampled softmax is ~10x cheaper
MIN_LENGTH, MAX_LENGTH = 3, 60


class WordLM(nn.Module):
    """One direction: word input (frozen vector + character CNN) → LSTM → the next word's row, scored against
    sampled others (sampled softmax with the log-frequency correction)."""

    def __init__(self, vectors: torch.Tensor, n_chars: int, n_words: int):
        super().__init__()
        self.vectors = nn.Embedding.from_pretrained(vectors, freeze=True, padding_idx=0)
        self.chars = nn.Embedding(n_chars, CHAR_DIM, padding_idx=0)
        self.conv = nn.Conv1d(CHAR_DIM, CHAR_FILTERS, 3, padding=1)
        self.lstm = nn.LSTM(vectors.shape[1] + CHAR_FILTERS, HIDDEN, batch_first=True)
        self.drop = nn.Dropout(DROPOUT)
        self.project = nn.Linear(HIDDEN, OUTPUT_DIM)
        self.output = nn.Embedding(n_words, OUTPUT_DIM, sparse=True)  # a batch touches ~2k of 60k rows
        self.output_bias = nn.Embedding(n_words, 1, sparse=True)

    def loss(self, h: torch.Tensor, targets: torch.Tensor, negatives: torch.Tensor, log_q: torch.Tensor) -> torch.Tensor:
        """Sampled softmax: the target against ``negatives`` drawn with log-probabilities ``log_q`` (per word id)."""
        p = self.project(h)
        true = (p * self.output(targets)).sum(1, keepdim=True) + self.output_bias(targets) - log_q[targets][:, None]
        neg = p @ self.output(negatives).T + self.output_bias(negatives).T - log_q[negatives][None, :]
        neg = neg.masked_fill(negatives[None, :] == targets[:, None], -1e4)
        logits = torch.cat([true, neg], 1)
        return torch.nn.functional.cross_entropy(logits, torch.zeros(len(targets), dtype=torch.long))

    def states(self, words: torch.Tensor, chars: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        n, length = words.shape
        c = self.chars(chars.view(n * length, -1)).transpose(1, 2)
        c = torch.relu(self.conv(c)).max(2).values.view(n, length, -1)
        x = torch.cat([self.vectors(words), c], 2)
        packed = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
        h, _ = self.lstm(packed)
        return nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=length)[0]


def encode_sentence(tokens: list[str], word_index: dict[str, int], char_index: dict[str, int]):
    norms = [normalize_token(t) for t in tokens]
    ids = [vector_id(word_index, c, n) for c, n in zip(word_cores(tokens), norms, strict=True)]
    return ids, [char_ids(char_index, n) for n in norms]


def corpus_sentences(data: Path, word_index, char_index, limit: int | None):
    out = []
    for d in load_corpus(data):
        text = (d.get("title") or "") + "\n" + (d.get("content") or "")
        spans = tokenize_spans(text)
        tokens = [s[0] for s in spans]
        for a, b in sentence_bounds(tokens, sentence_ends(spans, text)):
            if b - a >= MIN_LENGTH:
                for k in range(a, b, MAX_LENGTH):
                    if min(b, k + MAX_LENGTH) - k >= MIN_LENGTH:
                        out.append(encode_sentence(tokens[k:min(b, k + MAX_LENGTH)], word_index, char_index))
        if limit and len(out) >= limit:
            break
    return out


def pad(items, reverse: bool):
    n, length = len(items), max(len(x[0]) for x in items)
    words = torch.zeros(n, length, dtype=torch.long)
    chars = torch.zeros(n, length, max(3, max(len(c) for x in items for c in x[1])), dtype=torch.long)
    lengths = torch.tensor([len(x[0]) for x in items])
    for b, (ids, cs) in enumerate(items):
        if reverse:
            ids, cs = ids[::-1], cs[::-1]
        words[b, :len(ids)] = torch.tensor(ids)
        for i, c in enumerate(cs):
            chars[b, i, :len(c)] = torch.tensor(c)
    return words, chars, lengths


def load_vectors(path: Path):
    stored = np.load(path)
    vocab = [str(w) for w in stored["vocab"]]
    vectors = np.vstack([np.zeros((1, stored["vectors"].shape[1]), np.float32), stored["vectors"].astype(np.float32)])
    return vocab, vectors


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--vectors", type=Path, default=ROOT / "build" / "word-vectors.npz")
    ap.add_argument("--out", type=Path, default=ROOT / "build" / "lm.pt")
    ap.add_argument("--sentences", type=int, default=0, help="read at most this many sentences (0: all)")
    ap.add_argument("--steps", type=int, default=0, help="stop after this many batches (0: one pass)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--direction", choices=("forward", "backward"), required=True)
    ap.add_argument("--threads", type=int, default=1, help="one per direction, the two run side by side")
    args = ap.parse_args()
    torch.manual_seed(args.seed)
    random.seed(args.seed)
    torch.set_num_threads(args.threads)
    vocab, vectors = load_vectors(args.vectors)
    word_index = {w: i + 1 for i, w in enumerate(vocab)}
    # characters: the normalised letters of the vocabulary, which covers nearly all the text
    chars = sorted({ch for w in vocab for ch in w})
    char_index = {ch: i + 2 for i, ch in enumerate(chars)}
    t = time.perf_counter()
    sents = corpus_sentences(args.data, word_index, char_index, args.sentences or None)
    tokens = sum(len(s[0]) for s in sents)
    unknown = sum(i == 0 for s in sents for i in s[0])
    print(f"{len(sents):,} sentences, {tokens:,} tokens ({unknown / tokens:.1%} outside the vocabulary) "
          f"in {time.perf_counter() - t:.0f} s", flush=True)
    counts = np.bincount([i for s in sents for i in s[0]], minlength=len(vocab) + 1).astype(np.float64) + 1
    q = counts ** 0.75
    q /= q.sum()
    log_q = torch.tensor(np.log(q * NEGATIVES), dtype=torch.float32)
    sampler = torch.distributions.Categorical(probs=torch.tensor(q))
    net = WordLM(torch.tensor(vectors), len(chars) + 2, len(vocab) + 1)
    sparse = [net.output.weight, net.output_bias.weight]
    opt = torch.optim.Adam([p for p in net.parameters() if p.requires_grad and all(p is not x for x in sparse)],
                           lr=LEARNING_RATE)
    sparse_opt = torch.optim.SparseAdam(sparse, lr=LEARNING_RATE)
    order = sorted(range(len(sents)), key=lambda i: len(sents[i][0]) + random.random() * 4)
    chunks = [order[k:k + BATCH] for k in range(0, len(order), BATCH)]
    random.shuffle(chunks)
    if args.steps:
        chunks = chunks[:args.steps]
    t, seen, total = time.perf_counter(), 0, 0.0
    for step, chunk in enumerate(chunks, 1):
        words, chs, lengths = pad([sents[i] for i in chunk], reverse=args.direction == "backward")
        h = net.drop(net.states(words, chs, lengths))
        mask = torch.arange(words.shape[1] - 1)[None, :] < (lengths - 1)[:, None]
        loss = net.loss(h[:, :-1][mask], words[:, 1:][mask], sampler.sample((NEGATIVES,)), log_q)
        opt.zero_grad()
        sparse_opt.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_([p for p in net.parameters() if p.requires_grad and all(p is not x for x in sparse)], 1.0)
        opt.step()
        sparse_opt.step()
        seen += int(lengths.sum())
        total += loss.item()
        if step % 500 == 0 or step == len(chunks):
            el = time.perf_counter() - t
            print(f"{args.direction} step {step}/{len(chunks)}: sampled loss {total / 500:.2f} "
                  f"({seen / el:,.0f} tokens/s, {el / 60:.1f} min)", flush=True)
            total = 0.0
    out = args.out.with_name(f"{args.out.stem}-{args.direction}{args.out.suffix}")
    out.parent.mkdir(parents=True, exist_ok=True)
    torch.save({"chars": chars, "vocab": vocab, "state": net.state_dict()}, out)
    print(f"-> {out}", flush=True)


if __name__ == "__main__":
    main()
