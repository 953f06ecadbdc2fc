#!/usr/bin/env bash
# CI's fuzz step (issue 17): the `numbers` target (extreme figures in every place a figure may
# stand, and DecimalNumber on raw values) for 60 s, when the toolchain has libFuzzer.
# A crash fails the run; the artifact is in .build-fuzz/artifacts/numbers/.
#   scripts/test-fuzz.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN=${1:-60}
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
printf '@_cdecl("LLVMFuzzerTestOneInput") public func f(_ d: UnsafePointer<UInt8>, _ n: Int) -> CInt { 0 }\n' > "$probe/p.swift"
if ! swiftc -parse-as-library -sanitize=fuzzer,address -use-ld=lld "$probe/p.swift" -o "$probe/p" >/dev/null 2>&1; then
    echo "== fuzz: this toolchain has no libFuzzer; skipped (the deterministic ExtremeNumberTests ran in swift test)"
    exit 0
fi
scripts/fuzz.sh "$SECONDS_TO_RUN" numbers
