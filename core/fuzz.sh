#!/usr/bin/env bash
# A long fuzzing run of one of the reader fuzz targets with Jazzer's command line (the test suite
# fuzzes each for 20 seconds). Inputs that break a reader are written as crash-* files into the
# current folder; copy each one into the target's <Class>Inputs folder under core/src/test/resources
# so the normal test run replays it from then on.
# Usage: core/fuzz.sh idx|model [SECONDS]   (default 600)
set -euo pipefail

core="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
case "${1:-}" in
    idx) target=io.github.softmax4j.data.IdxReaderFuzzTest; seeds=data/IdxReaderFuzzTestInputs/readsOrRejectsWithinBoundedMemory ;;
    model) target=io.github.softmax4j.model.ModelFileFuzzTest; seeds=model/ModelFileFuzzTestInputs/loadsOrRejectsWithinBoundedMemory ;;
    *) echo "usage: core/fuzz.sh idx|model [SECONDS]" >&2; exit 2 ;;
esac
seconds="${2:-600}"

(cd "$core/.." && mvn -q -B -pl core -am test-compile -DskipTests \
    && mvn -q -B -pl core dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/fuzz-classpath.txt)
corpus="$core/target/fuzz-corpus/$1"
mkdir -p "$corpus"
exec java --add-modules jdk.incubator.vector \
    -cp "$core/target/test-classes:$core/target/classes:$(cat "$core/target/fuzz-classpath.txt")" \
    com.code_intelligence.jazzer.Jazzer --target_class="$target" -max_total_time="$seconds" \
    "$corpus" "$core/src/test/resources/io/github/softmax4j/$seeds"
