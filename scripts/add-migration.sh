#!/usr/bin/env bash
# Adds a migration with the same name to both providers, keeping them in step.
# Usage: scripts/add-migration.sh Name
set -euo pipefail
name="${1:?usage: scripts/add-migration.sh MigrationName}"
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for ctx in Sqlite Postgres; do
  dotnet ef migrations add "$name" --project src/Pingyi.Web --context "${ctx}AppDbContext" --output-dir "Data/Migrations/${ctx}"
done
