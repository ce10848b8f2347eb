#!/bin/sh
# Registry import benchmark: ./benchmark/import.sh [households=10000] [runs=5]
# Compiles the tests, then runs org.xuncha.organization.RegistryImportBenchmark in its own JVM (not part of verify).
set -e
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/benchmark.classpath -Dmdep.includeScope=test
exec java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/benchmark.classpath)" \
  org.xuncha.organization.RegistryImportBenchmark "$@"
