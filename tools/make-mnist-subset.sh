#!/usr/bin/env bash
# Writes the MNIST subset embedded in the repository: the first 10,000 training and the first 2,000 test
# images and labels of the original MNIST, as gzip-compressed IDX files, plus a README with their SHA-256.
#
# Usage: tools/make-mnist-subset.sh [source directory] [output directory]
#   source: the original gzip IDX files (default: ../shared/data/mnist next to the repository)
#   output: default samples/NetGen.Samples.Mnist/Data
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source_dir="${1:-$repo_root/../shared/data/mnist}"
output_dir="${2:-$repo_root/samples/NetGen.Samples.Mnist/Data}"
mkdir -p "$output_dir"

python3 - "$source_dir" "$output_dir" <<'PYTHON'
import gzip, hashlib, os, struct, sys

source_dir, output_dir = sys.argv[1], sys.argv[2]
TRAINING_COUNT, TEST_COUNT = 10_000, 2_000
FILES = [  # (file name, number of dimensions, how many to keep)
    ("train-images-idx3-ubyte.gz", 3, TRAINING_COUNT),
    ("train-labels-idx1-ubyte.gz", 1, TRAINING_COUNT),
    ("t10k-images-idx3-ubyte.gz", 3, TEST_COUNT),
    ("t10k-labels-idx1-ubyte.gz", 1, TEST_COUNT),
]

def subset(name, dimension_count, keep):
    with gzip.open(os.path.join(source_dir, name), "rb") as f:
        content = f.read()
    magic = struct.unpack(">i", content[:4])[0]
    if magic != 0x800 | dimension_count:
        sys.exit(f"{name}: magic 0x{magic:08X}, expected 0x{0x800 | dimension_count:08X}")
    header_size = 4 + 4 * dimension_count
    dimensions = list(struct.unpack(f">{dimension_count}i", content[4:header_size]))
    if dimensions[0] < keep:
        sys.exit(f"{name}: holds {dimensions[0]} items, fewer than {keep}")
    item_size = 1
    for d in dimensions[1:]:
        item_size *= d
    dimensions[0] = keep
    return struct.pack(f">i{dimension_count}i", magic, *dimensions) + content[header_size:header_size + keep * item_size]

rows = []
for name, dimension_count, keep in FILES:
    data = subset(name, dimension_count, keep)
    path = os.path.join(output_dir, name)
    # No file name and time stamp in the gzip header, so the same input gives the same bytes.
    with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as f:
        f.write(data)
    with open(path, "rb") as f:
        compressed_sha = hashlib.sha256(f.read()).hexdigest()
    rows.append((name, keep, hashlib.sha256(data).hexdigest(), compressed_sha))
    print(f"{path}: {keep} items, {os.path.getsize(path)} bytes")

table = "\n".join(f"| {name} | {keep:,} | {raw_sha} | {gz_sha} |" for name, keep, raw_sha, gz_sha in rows)
readme = f"""# MNIST subset

A subset of the MNIST database of handwritten digits, by Yann LeCun, Corinna Cortes and
Christopher J.C. Burges, licensed under CC BY-SA 3.0
(https://creativecommons.org/licenses/by-sa/3.0/). Like the original, this subset is under CC BY-SA 3.0.

- `train-*`: the first {TRAINING_COUNT:,} images and labels of the original training set (of 60,000).
- `t10k-*`: the first {TEST_COUNT:,} images and labels of the original test set (of 10,000).

The files are in the original IDX format (big-endian int32 magic `0x00000803` for images and
`0x00000801` for labels, one big-endian int32 per dimension, then the raw unsigned bytes; images are
28x28), with the counts in their headers adjusted, and gzip-compressed.

They were made by `tools/make-mnist-subset.sh` from the original gzip IDX files, which keeps the header
and the first N items of each file, and writes it with gzip level 9, no file name and time stamp 0.

| file | items | SHA-256 of the IDX content (uncompressed) | SHA-256 of the .gz file |
|---|---|---|---|
{table}

The uncompressed hashes do not depend on the gzip implementation; the .gz hashes do (Python's zlib).
"""
with open(os.path.join(output_dir, "README.md"), "w") as f:
    f.write(readme)
PYTHON
