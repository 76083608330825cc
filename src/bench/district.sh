#!/usr/bin/env bash
# Fills a PostgreSQL schema with a generated school district for benchmarks.
#
#   src/bench/district.sh [SCALE] [ASOF]      e.g. src/bench/district.sh 1
#
# SCALE 1 is 10,000 children, 1,000,000 observations and 1,000,000 messages (about three
# minutes on two cores); 0.1 and 10 scale everything. ASOF (YYYY-MM-DD, default today) is
# the day the three school years of data end. The schema is BENCH_SCHEMA (default
# smallwins_bench) in the database PGHOST/PGPORT/PGUSER/PGDATABASE (default the local
# postgres); it is created with the app's migrations when missing, which needs
# target/quarkus-app (./mvnw package). Every table in that schema is emptied first: never
# point it at a schema holding real records.
set -euo pipefail
cd "$(dirname "$0")/../.."
source src/bench/lib.sh
generate "${1:-1}" "${2:-}"
