#!/bin/sh
# Household-visit import benchmark: ./benchmark/visits-import.sh [visits=100000] [runs=5]
# Compiles the tests, then runs org.xuncha.fieldwork.VisitImportBenchmark in its own JVM (not part of verify).
set -e
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/benchmark.classpath -Dmdep.includeScope=test
exec java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/benchmark.classpath)" \
  org.xuncha.fieldwork.VisitImportBenchmark "$@"
