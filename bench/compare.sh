#!/usr/bin/env bash
# NetGen vs TorchSharp vs TensorPrimitives, side by side, and the machine's FMA peak (see docs/performance.md).
# Builds bench/NetGen.Compare and runs it, in one process, through ../shared/tools/torchsharp/run-with-torchsharp
# (which makes TorchSharp-cpu 0.107's native library load on Debian 12). Extra arguments go to the runner
# (e.g. --samples 25, --cases 4, --threads 1,2, --no-write). A first argument --without-avx512 compares both sides as on
# a machine with AVX2 only: .NET's JIT without AVX-512, and TorchSharp's ATen, MKL and oneDNN limited to AVX2.
# Writes bench/results/compare-<date>.md and .json.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runner="$root/../shared/tools/torchsharp/run-with-torchsharp"
if [ ! -x "$runner" ]; then
  echo "compare.sh: $runner not found: ../shared (next to the repository) must hold tools/torchsharp/run-with-torchsharp" >&2
  exit 3
fi
cd "$root"
if [ "${1:-}" = "--without-avx512" ]; then
  shift
  export DOTNET_EnableAVX512=0 ATEN_CPU_CAPABILITY=avx2 MKL_ENABLE_INSTRUCTIONS=AVX2 ONEDNN_MAX_CPU_ISA=AVX2
fi
dotnet build -c Release bench/NetGen.Compare
"$runner" bench/NetGen.Compare/bin/Release/net10.0 -- dotnet bench/NetGen.Compare/bin/Release/net10.0/NetGen.Compare.dll "$@"
