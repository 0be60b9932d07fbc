"""Train the BiLSTM-CRF entity tagger on ANERcorp and export it for numpy inference.

    python bench/train_ner_neural.py --data ../shared/data --vectors build/word-vectors.npz [--dev] [--write]
    (part of make train-ner, after train_clusters.py and train_ner.py)

The network reads, per token: the CRF's own-token features (ner_features.token_features: word, affixes, word
clusters, gazetteer, trigger and lexicon features) as a summed bag of learned embeddings, the word's PPMI-SVD vector
from the 31k SaudiNewsNet articles (bench/train_clusters.py, frozen), and a character CNN over the normalised word.
A two-way LSTM reads the sentence and a CRF layer with BIO constraints decodes it. It is trained on the first five
sixths of ANERcorp's training file (--dev: on the first four fifths of those, scored on the fifth, the "dev sixth");
the last sixth is never trained or tuned on. Epochs, sizes and dropout were chosen on the dev sixth (session 27,
docs/benchmarks.md). With --write the weights go to src/marsad/nlp/data/ner_bilstm.npz, read by
marsad.nlp.tagger; the word vectors are stored as int8 (unit vectors, scale 127), the rest as float16.
torch is needed here only (pip install -e '.[train]'); marsad itself runs the network in numpy.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
import torch
from torch import nn

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from train_ner import read, score, split_sixth  # noqa: E402

from marsad.arabic.normalize import normalize_token  # noqa: E402
from marsad.nlp.ner_features import token_features, word_cores  # noqa: E402
from marsad.nlp.tagger import TAGS, allowed_transitions, char_ids, vector_id  # noqa: E402

FEATURE_DIM, CHAR_DIM, CHAR_FILTERS, HIDDEN = 64, 32, 64, 128
EPOCHS, BATCH, LEARNING_RATE, DROPOUT = 40, 32, 2e-3, 0.5
MIN_FEATURE_COUNT = 2


def encode(sents, feature_index, char_index, word_index):
    out = []
    for s in sents:
        words = [w for w, _ in s]
        norms = [normalize_token(w) for w in words]
        feats = [[feature_index[f] for f in fs if f in feature_index] or [0] for fs in token_features(words)]
        vec_ids = [vector_id(word_index, c, n) for c, n in zip(word_cores(words), norms, strict=True)]
        chars = [char_ids(char_index, n) for n in norms]
        out.append((feats, vec_ids, chars, [TAGS.index(t) for _, t in s]))
    return out


def batch(items):
    n, length = len(items), max(len(x[1]) for x in items)
    width = max(3, max(len(c) for x in items for c in x[2]))
    words = torch.zeros(n, length, dtype=torch.long)
    chars = torch.zeros(n, length, width, dtype=torch.long)
    tags = torch.zeros(n, length, dtype=torch.long)
    mask = torch.zeros(n, length, dtype=torch.bool)
    flat, offsets = [], []
    for b, (feats, vec_ids, word_chars, tag_ids) in enumerate(items):
        k = len(vec_ids)
        words[b, :k], tags[b, :k], mask[b, :k] = torch.tensor(vec_ids), torch.tensor(tag_ids), True
        for i, cs in enumerate(word_chars):
            chars[b, i, :len(cs)] = torch.tensor(cs)
        for i in range(length):
            offsets.append(len(flat))
            flat.extend(feats[i] if i < k else [0])
    return torch.tensor(flat), torch.tensor(offsets), words, chars, tags, mask


class Tagger(nn.Module):
    def __init__(self, n_features: int, n_chars: int, vectors: np.ndarray):
        super().__init__()
        self.features = nn.EmbeddingBag(n_features, FEATURE_DIM, mode="sum", padding_idx=0)
        self.vectors = nn.Embedding.from_pretrained(torch.tensor(vectors), freeze=True, padding_idx=0)
        self.chars = nn.Embedding(n_chars, CHAR_DIM, padding_idx=0)
        self.conv = nn.Conv1d(CHAR_DIM, CHAR_FILTERS, 3, padding=1)
        self.drop = nn.Dropout(DROPOUT)
        self.lstm = nn.LSTM(FEATURE_DIM + vectors.shape[1] + CHAR_FILTERS, HIDDEN, batch_first=True, bidirectional=True)
        self.out = nn.Linear(2 * HIDDEN, len(TAGS))
        self.trans = nn.Parameter(torch.zeros(len(TAGS), len(TAGS)))
        self.start = nn.Parameter(torch.zeros(len(TAGS)))
        self.end = nn.Parameter(torch.zeros(len(TAGS)))
        allowed, first = allowed_transitions()
        self.register_buffer("trans_mask", torch.tensor(np.where(allowed, 0.0, -1e4), dtype=torch.float32))
        self.register_buffer("start_mask", torch.tensor(np.where(first, 0.0, -1e4), dtype=torch.float32))

    def emissions(self, flat, offsets, words, chars, mask):
        n, length = words.shape
        c = self.chars(chars.view(n * length, -1)).transpose(1, 2)
        c = torch.relu(self.conv(c)).max(2).values.view(n, length, -1)
        x = self.drop(torch.cat([self.features(flat, offsets).view(n, length, -1), self.vectors(words), c], 2))
        packed = nn.utils.rnn.pack_padded_sequence(x, mask.sum(1), batch_first=True, enforce_sorted=False)
        h, _ = self.lstm(packed)
        h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=length)
        return self.out(self.drop(h))

    def nll(self, em, tags, mask):
        trans, start = self.trans + self.trans_mask, self.start + self.start_mask
        score = start[tags[:, 0]] + em[:, 0].gather(1, tags[:, :1]).squeeze(1)
        alpha = start + em[:, 0]
        for i in range(1, em.shape[1]):
            m = mask[:, i]
            step = trans[tags[:, i - 1], tags[:, i]] + em[:, i].gather(1, tags[:, i:i + 1]).squeeze(1)
            score = score + torch.where(m, step, torch.zeros_like(score))
            nxt = torch.logsumexp(alpha.unsqueeze(2) + trans.unsqueeze(0) + em[:, i].unsqueeze(1), dim=1)
            alpha = torch.where(m.unsqueeze(1), nxt, alpha)
        last = tags.gather(1, (mask.sum(1) - 1).unsqueeze(1)).squeeze(1)
        return (torch.logsumexp(alpha + self.end, 1) - score - self.end[last]).sum()


def export(net: Tagger, features: list[str], chars: list[str], vocab: list[str], vectors: np.ndarray, path: Path) -> None:
    sd = {k: v.detach().numpy() for k, v in net.state_dict().items()}
    half = {k: sd[k].astype(np.float16) for k in ("features.weight", "chars.weight", "conv.weight", "conv.bias",
                                                  "out.weight", "out.bias", "trans", "start", "end")}
    lstm = {k: sd[k].astype(np.float16) for k in sd if k.startswith("lstm.")}
    np.savez_compressed(path, feature_names=np.array(features), char_names=np.array(chars), vocab=np.array(vocab),
                        vectors=np.round(vectors[1:] * 127).astype(np.int8), **half, **lstm)
    print(f"-> {path} ({path.stat().st_size / 1e6:.1f} MB)", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--vectors", type=Path, default=ROOT / "build" / "word-vectors.npz")
    ap.add_argument("--dev", action="store_true", help="train on four fifths of the training part, score the fifth")
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--epochs", type=int, default=EPOCHS)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    torch.manual_seed(args.seed)
    random.seed(args.seed)
    torch.set_num_threads(args.threads)
    train, test = split_sixth(read(args.data / "anercorp" / "train.txt"))
    if args.dev:
        train, test = split_sixth(train)
    stored = np.load(args.vectors)
    vocab = [str(w) for w in stored["vocab"]]
    vectors = np.vstack([np.zeros((1, stored["vectors"].shape[1]), np.float32), stored["vectors"].astype(np.float32)])
    word_index = {w: i + 1 for i, w in enumerate(vocab)}
    counts = Counter(f for s in train for fs in token_features([w for w, _ in s]) for f in fs)
    features = sorted(f for f, c in counts.items() if c >= MIN_FEATURE_COUNT)
    char_counts = Counter(ch for s in train for w, _ in s for ch in normalize_token(w))
    chars = sorted(ch for ch, c in char_counts.items() if c >= 2)
    feature_index = {f: i + 1 for i, f in enumerate(features)}
    char_index = {ch: i + 2 for i, ch in enumerate(chars)}  # 0 padding, 1 unknown
    train_items = encode(train, feature_index, char_index, word_index)
    net = Tagger(len(features) + 1, len(chars) + 2, vectors)
    opt = torch.optim.Adam([p for p in net.parameters() if p.requires_grad], lr=LEARNING_RATE)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda e: 1 / (1 + 0.05 * e))
    print(f"{len(train)} training sentences, {len(features):,} features, {len(chars)} characters", flush=True)
    for epoch in range(args.epochs):
        t = time.perf_counter()
        order = sorted(range(len(train_items)), key=lambda i: len(train_items[i][1]) + random.random() * 8)
        chunks = [order[k:k + BATCH] for k in range(0, len(order), BATCH)]
        random.shuffle(chunks)
        total = 0.0
        for chunk in chunks:
            flat, offsets, words, chs, tags, mask = batch([train_items[i] for i in chunk])
            loss = net.nll(net.emissions(flat, offsets, words, chs, mask), tags, mask) / len(chunk)
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            opt.step()
            total += loss.item()
        sched.step()
        print(f"epoch {epoch + 1}: loss {total / len(chunks):.2f} ({time.perf_counter() - t:.0f} s)", flush=True)
    net.eval()
    path = ROOT / "src" / "marsad" / "nlp" / "data" / "ner_bilstm.npz" if args.write else Path(f"/tmp/ner_bilstm-{int(args.dev)}.npz")
    export(net, features, chars, vocab, vectors, path)
    from marsad.nlp.tagger import NeuralTagger

    tagger = NeuralTagger(path)
    label = "dev sixth of the training part" if args.dev else "held-back sixth"
    score(tagger.tag_sentence, test, label)


if __name__ == "__main__":
    main()
