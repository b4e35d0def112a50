#!/usr/bin/env bash
# Runs the frame codec JMH benchmarks with the GC profiler and prints a Markdown table of ns/frame and
# allocated bytes/frame (see perf/README.md).
#
#   perf/scripts/codec-table.sh [--quick] [--out FILE]
#
# --quick: 1 warm-up and 2 measurement iterations of 1 s (about 1 minute) instead of 3 and 5 (about 3.5 minutes).
# --out FILE: also write the table to FILE.
# Builds perf/target/benchmarks.jar first if it is missing or older than perf's sources or pom (offline; the
# other jzmtp modules must be installed in ~/.m2, see perf/README.md).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jar="$root/perf/target/benchmarks.jar"

if [[ ! -f "$jar" ]] || [[ -n "$(find "$root/perf/src" "$root/perf/pom.xml" -newer "$jar" -print -quit)" ]]; then
    echo "building $jar" >&2
    (cd "$root" && mvn -B -o -q -pl perf package)
fi

exec java -cp "$jar" io.jzmtp.perf.jmh.CodecTable "$@"
