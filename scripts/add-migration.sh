#!/usr/bin/env bash
# Adds a migration named $1 for BOTH providers from the current model:
#   SQLite     → src/GridBot.Store/Migrations            (GridBot.Store, the embedded default)
#   PostgreSQL → src/GridBot.Store.PostgreSql/Migrations (GridBot.Store.PostgreSql, Database:Provider=PostgreSql)
# Neither needs a database server. To regenerate PostgreSQL's migrations from scratch after a merge (e.g. several
# branches added SQLite migrations): rm -r src/GridBot.Store.PostgreSql/Migrations, then --postgres-only Initial.
set -euo pipefail
cd "$(dirname "$0")/.."

only=""
if [ "${1:-}" = "--postgres-only" ] || [ "${1:-}" = "--sqlite-only" ]; then only="$1"; shift; fi
name="${1:?usage: scripts/add-migration.sh [--postgres-only|--sqlite-only] <MigrationName>}"

dotnet tool restore >/dev/null
dotnet restore src/GridBot.Store.PostgreSql >/dev/null
if [ "$only" != "--postgres-only" ]; then
  dotnet ef migrations add "$name" --project src/GridBot.Store --startup-project src/GridBot.Store --output-dir Migrations
  rm -f src/GridBot.Store/design.db
fi
if [ "$only" != "--sqlite-only" ]; then
  dotnet ef migrations add "$name" --project src/GridBot.Store.PostgreSql --startup-project src/GridBot.Store.PostgreSql \
    --output-dir Migrations
fi
