#!/usr/bin/env bash
# Builds the libFuzzer target with clang-14 (ASan + UBSan) in its own tree and runs it for
# SECONDS seconds, seeded with the conformance corpus and the rule fixtures. Any crash
# fails the test and leaves its input in BUILD/crashes/ to be added to
# tests/data/fuzz-regressions/.
set -euo pipefail
source_dir=$1
build_dir=$2
conformance=$3
seconds=${4:-60}
clang=${5:-clang++-14}

cmake -S "$source_dir" -B "$build_dir" -G Ninja \
    -DCMAKE_CXX_COMPILER="$clang" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_CXX_FLAGS_RELEASE="-O1 -gline-tables-only" \
    -DPD_BUILD_FUZZERS=ON -DBUILD_TESTING=OFF \
    -DCMAKE_CXX_FLAGS="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fsanitize=fuzzer-no-link" \
    > "$build_dir.configure.log" 2>&1 || { cat "$build_dir.configure.log"; exit 1; }
cmake --build "$build_dir" --target fuzz_resources > "$build_dir.build.log" 2>&1 \
    || { tail -50 "$build_dir.build.log"; exit 1; }

corpus="$build_dir/corpus"
crashes="$build_dir/crashes"
mkdir -p "$corpus" "$crashes"
find "$conformance" -name '*.json' -size -64k -exec cp {} "$corpus/" \;
cp "$source_dir"/tests/data/rules/*.yaml "$source_dir"/resources/examples/*.yaml "$corpus/"
cp "$source_dir"/tests/data/fuzz-regressions/* "$corpus/" 2>/dev/null || true

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
"$build_dir/tests/fuzz/fuzz_resources" "$corpus" -max_total_time="$seconds" -max_len=65536 \
    -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$crashes/" -print_final_stats=1 2>&1 \
    | tail -25 && status=0 || status=${PIPESTATUS[0]}
if [ "$status" -ne 0 ] || [ -n "$(ls -A "$crashes")" ]; then
    echo "fuzzer found a problem; inputs in $crashes:" >&2
    ls -l "$crashes" >&2
    exit 1
fi
echo "fuzzer ran ${seconds}s clean"
