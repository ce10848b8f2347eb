#!/bin/sh
# Province benchmark, see README.md "Province benchmark":
#   ./benchmark/province.sh generate [scale=1.0]   fill the database with a province (COPY), then ANALYZE
#   ./benchmark/province.sh run [seconds=15] [visits=100000]   export in a 256 MB JVM, then the rest with -Xmx1g
# Database: the embedded PostgreSQL under XUNCHA_DATA_DIR (default target/province-data), or XUNCHA_DB_URL.
set -e
cd "$(dirname "$0")/.."
export XUNCHA_DATA_DIR="${XUNCHA_DATA_DIR:-$(pwd)/target/province-data}"
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/benchmark.classpath -Dmdep.includeScope=test
CP="target/test-classes:target/classes:$(cat target/benchmark.classpath)"
command="${1:-run}"
[ $# -gt 0 ] && shift
case "$command" in
  generate)
    exec java -Xmx2g -cp "$CP" org.xuncha.province.ProvinceGenerator --scale="${1:-1.0}" ;;
  run)
    mkdir -p target/bench
    rm -f target/bench/export.properties
    java -Xmx256m -cp "$CP" org.xuncha.province.FindingsExportBenchmark || true
    exec java -Xmx1g -cp "$CP" org.xuncha.province.ProvinceBenchmark "$@" ;;
  *) echo "usage: $0 generate [scale] | run [seconds] [visits]" >&2; exit 2 ;;
esac
