#!/usr/bin/env python3
"""The notebook pipeline framediff is measured against, on a JSONL corpus.

pySBD sentences, Snowball stems (snowballstemmer), scikit-learn TF-IDF,
sparse cosine products between the sentences of different outlets, keeping
the pairs above a threshold. It is what a researcher writes in a notebook;
it is not part of `cargo test`.

    pip install pysbd snowballstemmer scikit-learn
    python3 benches/notebook_baseline.py corpus.jsonl [--threshold 0.5] [--limit N]

Prints the time of each stage to stderr and the counts to stdout. The
similarity step runs block by block (BLOCK sentences against all) so memory
stays bounded; its cost still grows with the square of the sentence count.
"""

import argparse
import json
import re
import sys
import time

BLOCK = 2000


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    args = parser.parse_args()

    try:
        import numpy as np
        import pysbd
        import snowballstemmer
        from sklearn.feature_extraction.text import TfidfVectorizer
    except ImportError as e:
        sys.exit(f"notebook_baseline: {e}; run: pip install pysbd snowballstemmer scikit-learn")

    times = {}
    clock = time.perf_counter()
    docs = []
    with open(args.corpus, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                docs.append(json.loads(line))
            if args.limit and len(docs) >= args.limit:
                break
    times["load"] = time.perf_counter() - clock

    clock = time.perf_counter()
    segmenter = pysbd.Segmenter(language="fr", clean=False)
    sentences, outlet_of = [], []
    outlets = {}
    for doc in docs:
        outlet = outlets.setdefault(doc.get("outlet") or doc["id"], len(outlets))
        for paragraph in doc["text"].split("\n"):
            for sentence in segmenter.segment(paragraph):
                if sentence.strip():
                    sentences.append(sentence.strip())
                    outlet_of.append(outlet)
    times["segment"] = time.perf_counter() - clock

    clock = time.perf_counter()
    stemmer = snowballstemmer.stemmer("french")
    word = re.compile(r"\w+", re.UNICODE)
    analysed = [
        " ".join(stemmer.stemWords(word.findall(s.lower().replace("\u2019", "'"))))
        for s in sentences
    ]
    times["stem"] = time.perf_counter() - clock

    clock = time.perf_counter()
    matrix = TfidfVectorizer(sublinear_tf=True).fit_transform(analysed).tocsr()
    times["tfidf"] = time.perf_counter() - clock

    clock = time.perf_counter()
    outlet_of = np.array(outlet_of)
    transposed = matrix.T.tocsc()
    pairs = 0
    for start in range(0, matrix.shape[0], BLOCK):
        block = (matrix[start:start + BLOCK] @ transposed).tocoo()
        g = block.row + start
        keep = (block.data >= args.threshold) & (g < block.col) & (outlet_of[g] != outlet_of[block.col])
        pairs += int(keep.sum())
    times["similarity"] = time.perf_counter() - clock

    for stage, seconds in times.items():
        print(f"{stage:>11}  {seconds:8.3f} s", file=sys.stderr)
    print(f"{'total':>11}  {sum(times.values()):8.3f} s", file=sys.stderr)
    print(f"documents {len(docs)}")
    print(f"sentences {len(sentences)}")
    print(f"pairs above {args.threshold} across outlets {pairs}")


if __name__ == "__main__":
    main()
