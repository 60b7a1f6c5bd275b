#!/usr/bin/env bash
# Adds migration NAME to both providers' migration sets. Never hand-edit what this generates.
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh NAME}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet build src/Linli.Web -v q -nologo >/dev/null
for ctx in Sqlite Postgres; do
  dotnet ef migrations add "$name" --no-build --project src/Linli.Web --context "${ctx}AppDbContext" \
    --output-dir "Data/Migrations/$ctx"
done
