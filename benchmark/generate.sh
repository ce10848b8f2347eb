#!/bin/sh
# Writes a registry workbook for trying the import page by hand: ./benchmark/generate.sh [households=10000] [file]
set -e
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/benchmark.classpath -Dmdep.includeScope=test
exec java -cp "target/test-classes:target/classes:$(cat target/benchmark.classpath)" \
  org.xuncha.organization.BenchmarkWorkbooks "$@"
