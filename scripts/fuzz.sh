#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ (AddressSanitizer on) and runs each for a set time.
#
#   scripts/fuzz.sh [seconds-per-target] [target…]      default: 300 s, every target
#   FUZZ_BUILD_ONLY=1 scripts/fuzz.sh                   build only
#   FUZZ_JOBS=1                                         libFuzzer workers per target
#   FUZZ_MAX_LEN=32768                                  another input length limit (default: max_len below)
#   FUZZ_SANITIZERS=fuzzer FUZZ_BUILD_DIR=.build-fuzz-plain   without AddressSanitizer (default: fuzzer,address)
#   FUZZ_SEEDS_TO=DIR scripts/fuzz.sh 0 analysis       only write the targets' seed corpora into DIR
#
# Targets (Fuzz/Targets/*.swift):
#   analysis  parser + model + every check on arbitrary bytes (Analysis(bytes:))
#   protocol  framing + JSON parser + JSON-RPC message decoding, round-tripped
#   server    the language server's dispatch of a message sequence, in process
#   numbers   extreme figures in every place a figure stands, and DecimalNumber on raw values
#
# Run by hand, not in CI. Everything goes to .build-fuzz/ (gitignored): the objects, the
# binaries, the growing corpora (corpus/<target>, seeded from the examples, the seeds, the
# test fixtures and Fuzz/seeds/) and any crash (artifacts/<target>/crash-…). To replay one:
#   .build-fuzz/bin/fuzz-analysis .build-fuzz/artifacts/analysis/crash-…
# Turn every finding into a test in Tests/HardeningTests/FuzzRegressionTests.swift.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SECONDS_PER_TARGET=${1:-300}
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=(analysis protocol server numbers)
B=${FUZZ_BUILD_DIR:-$ROOT/.build-fuzz}
SWIFTC=${SWIFTC:-swiftc}
[ -n "${FUZZ_SEEDS_TO:-}" ] || mkdir -p "$B/modules" "$B/obj" "$B/bin"

# Modules in dependency order, as Package.swift declares them.
MODULES=(JuesuanSyntax JuesuanCatalogue JuesuanFixtures JuesuanModel JuesuanChecks LanguageServerProtocol JuesuanFormat JuesuanLanguageService JuesuanServer)
# The analysis and numbers targets need only the checker: CI builds no more than that.
if [ -z "$(printf '%s\n' "${TARGETS[@]}" | grep -vxE 'analysis|numbers')" ]; then
    MODULES=(JuesuanSyntax JuesuanCatalogue JuesuanFixtures JuesuanModel JuesuanChecks)
fi
# FUZZ_SANITIZERS=fuzzer builds without AddressSanitizer (use another FUZZ_BUILD_DIR): the
# throughput of the checker itself, without the sanitizer's cost on every allocation.
FLAGS=(-O -parse-as-library -sanitize="${FUZZ_SANITIZERS:-fuzzer,address}" -g)
LINK_FLAGS=(-use-ld=lld)

build_module() {
    local m=$1 obj=$B/obj/$1.o
    local sources earlier=() d
    mapfile -t sources < <(find "Sources/$m" -name '*.swift' | sort)
    # The modules before this one in MODULES: the only ones it may import.
    for d in "${MODULES[@]}"; do [ "$d" = "$m" ] && break; earlier+=("$B/modules/$d.swiftmodule"); done
    # Rebuild when a source or a module it may import changed (not when a later module was
    # rebuilt: that rebuilt every module before it).
    if [ -f "$obj" ] && [ -z "$(find "Sources/$m" -newer "$obj" -name '*.swift' -print -quit)" ] \
        && [ -z "$(for d in "${earlier[@]}"; do [ "$d" -nt "$obj" ] && echo "$d"; done)" ]; then
        return
    fi
    echo "== compile $m (${#sources[@]} files)"
    # Optimised as the release build is: testing enabled only where a target imports the
    # module @testable (the server target, JuesuanServer).
    local testing=()
    [ "$m" = JuesuanServer ] && testing=(-enable-testing)
    nice -n 10 "$SWIFTC" "${FLAGS[@]}" "${testing[@]}" -module-name "$m" -wmo -c \
        -emit-module -emit-module-path "$B/modules/$m.swiftmodule" -I "$B/modules" \
        "${sources[@]}" -o "$obj"
}

build_target() {
    local t=$1 src
    case $t in
        analysis) src=Fuzz/Targets/FuzzAnalysis.swift ;;
        protocol) src=Fuzz/Targets/FuzzProtocol.swift ;;
        server) src=Fuzz/Targets/FuzzServer.swift ;;
        numbers) src=Fuzz/Targets/FuzzNumbers.swift ;;
        *) echo "unknown target $t" >&2; exit 2 ;;
    esac
    local bin=$B/bin/fuzz-$t m objects=()
    for m in "${MODULES[@]}"; do objects+=("$B/obj/$m.o"); done
    if [ -f "$bin" ] && [ -z "$(find "$src" "$B/obj" -newer "$bin" -print -quit)" ]; then return; fi
    echo "== link fuzz-$t"
    nice -n 10 "$SWIFTC" "${FLAGS[@]}" -module-name "Fuzz_$t" -I "$B/modules" "${LINK_FLAGS[@]}" "$src" "${objects[@]}" -o "$bin"
}

# The longest input each target is fuzzed with (Fuzz/README.md says why); FUZZ_MAX_LEN overrides it.
max_len() {
    if [ -n "${FUZZ_MAX_LEN:-}" ]; then echo "$FUZZ_MAX_LEN"; return; fi
    case $1 in
        analysis) echo 4096 ;;
        protocol) echo 8192 ;;
        server) echo 16384 ;;
        numbers) echo 1024 ;;
    esac
}

# A report longer than the limit, cut into documents that fit: its header (every line before
# the first block) with each block on its own, and with runs of consecutive blocks. libFuzzer
# reads only the first max_len bytes of a seed, so without these pieces the blocks late in a
# report (the 说明, 绩效 and 名词解释 after the tables) would not be in the corpus at all.
split_seed() {
    local file=$1 limit=$2 out=$3
    LC_ALL=C awk -v limit="$limit" -v out="$out" '
        /^(表|说明|绩效|名词解释|校验)([ \t]|$)/ { n++; block[n] = $0 "\n"; next }
        { if (n == 0) header = header $0 "\n"; else block[n] = block[n] $0 "\n" }
        function write(name, text) { printf "%s%s", header, text > name; close(name) }
        END {
            for (i = 1; i <= n; i++) if (length(header) + length(block[i]) <= limit) write(sprintf("%s-b%03d", out, i), block[i])
            run = ""; count = 0; k = 0
            for (i = 1; i <= n; i++) {
                if (run != "" && length(header) + length(run) + length(block[i]) > limit) {
                    if (count > 1) write(sprintf("%s-r%03d", out, ++k), run)
                    run = ""; count = 0
                }
                run = run block[i]; count++
            }
            if (count > 1 && length(header) + length(run) <= limit) write(sprintf("%s-r%03d", out, ++k), run)
        }' "$file"
}

seed_corpus() {
    local t=$1 limit=$2 dir=$B/corpus/$1
    mkdir -p "$dir" "$B/artifacts/$t"
    case $t in
        analysis)
            for f in examples/*.juesuan examples/imported/*.juesuan examples/seeds/*.txt \
                     Tests/JuesuanChecksTests/Fixtures/*.juesuan Tests/editors/fixtures/*.juesuan Fuzz/seeds/analysis/*; do
                [ -f "$f" ] || continue
                cp -n "$f" "$dir/seed-$(basename "$f")" 2>/dev/null || true
                if [ "$(wc -c <"$f")" -gt "$limit" ]; then split_seed "$f" "$limit" "$dir/seed-$(basename "$f" | sed 's/\.[a-z]*$//')"; fi
            done ;;
        protocol) cp -n Fuzz/seeds/protocol/* "$dir/" 2>/dev/null || true ;;
        server) cp -n Fuzz/seeds/server/* "$dir/" 2>/dev/null || true ;;
        numbers) cp -n Fuzz/seeds/numbers/* "$dir/" 2>/dev/null || true ;;
    esac
}

# The seeds alone, the same on every clone (scripts/bench-issue15.py measures on them).
if [ -n "${FUZZ_SEEDS_TO:-}" ]; then
    mkdir -p "$FUZZ_SEEDS_TO"
    for t in "${TARGETS[@]}"; do
        B=$(mktemp -d)
        seed_corpus "$t" "$(max_len "$t")"
        cp -r "$B/corpus/$t/." "$FUZZ_SEEDS_TO/"
        rm -rf "$B"
    done
    exit 0
fi

for m in "${MODULES[@]}"; do build_module "$m"; done
for t in "${TARGETS[@]}"; do build_target "$t"; done
[ "${FUZZ_BUILD_ONLY:-0}" = 1 ] && exit 0

status=0
summary=()
for t in "${TARGETS[@]}"; do
    limit=$(max_len "$t")
    seed_corpus "$t" "$limit"
    dict=Fuzz/dict/$t.dict
    opts=(-max_total_time="$SECONDS_PER_TARGET" -timeout=20 -rss_limit_mb=3072 -print_final_stats=1
          -artifact_prefix="$B/artifacts/$t/" -detect_leaks=1)
    [ -f "$dict" ] && opts+=(-dict="$dict")
    opts+=(-max_len="$limit")
    log=$B/fuzz-$t.log
    echo "== fuzz $t for ${SECONDS_PER_TARGET}s (log: $log)"
    set +e
    SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 nice -n 10 "$B/bin/fuzz-$t" "${opts[@]}" "$B/corpus/$t" >"$log" 2>&1
    rc=$?
    set -e
    # The last status line: executions, coverage (cov: edges, ft: features), corpus size, speed.
    last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
    execs=$(grep -E 'stat::number_of_executed_units' "$log" | awk '{print $2}' | tail -1)
    rate=$(grep -E 'stat::average_exec_per_sec' "$log" | awk '{print $2}' | tail -1)
    peak=$(grep -E 'stat::peak_rss_mb' "$log" | awk '{print $2}' | tail -1)
    files=$(ls "$B/corpus/$t" | wc -l)
    echo "   $last"
    echo "   executions $execs, $rate exec/s, peak RSS $peak MB, corpus $files files, exit $rc"
    if [ $rc -ne 0 ]; then
        status=1
        echo "   FINDING:"; grep -E 'ERROR|Fatal error|Precondition|SUMMARY|Test unit written|deadly signal|timeout' "$log" | head -20 | sed 's/^/     /'
    fi
    summary+=("$t: $last | execs $execs | ${rate}/s | corpus $files | rc $rc")
done
echo "== summary"
printf '%s\n' "${summary[@]}"
exit $status
