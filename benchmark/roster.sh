#!/usr/bin/env bash
# Times the roster suggestion (建议名单) for the article's district and for a province; see README-roster.md.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.xuncha.inspectors.RosterBenchmark
