#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#
# The whole embedded demo (issue 6): installs missing packages, builds, starts
# two local PostgreSQL servers (the source with sample databases, one of them
# with a table lacking a primary key; an empty target), starts the Azure
# emulator on loopback with a generated configuration that maps them as a
# Single Server and a Flexible Server, puts a light write load on the source,
# and opens FlexMigrate with the wizard pre-filled on the emulator profile.
# Closing the app stops the load, the emulator and both servers.
#
# Without a display it prints how to run it under xvfb-run and shows the
# pre-flight report from the command line instead.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
# shellcheck source=scripts/deps.sh
source "$here/deps.sh"
fm_install_deps
fm_build
build="${BUILD_DIR:-$root/build}"
emulator_bin="$build/emulator/flexmigrate-azure-emulator"

work="$(mktemp -d -t flexmigrate-demo.XXXXXX)"
chmod 700 "$work"
envfile="$work/clusters.env"
pids=()
cleanup() {
  # Newest first: the load, then the emulator (it cancels running migrations), then the servers.
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    kill "${pids[i]}" 2>/dev/null || true
    wait "${pids[i]}" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

"$build/tests/support/flexmigrate-pgcluster" serve --count 2 --sample-data --env-file "$envfile" &
pids+=($!)
for _ in $(seq 1 120); do
  [ -s "$envfile" ] && break
  kill -0 "${pids[0]}" 2>/dev/null || { echo "The demo servers did not start." >&2; exit 1; }
  sleep 0.5
done
[ -s "$envfile" ] || { echo "The demo servers did not start in time." >&2; exit 1; }
set -a
# shellcheck disable=SC1090
source "$envfile"
set +a
export FLEXMIGRATE_SOURCE_URI="$SOURCE_URI" FLEXMIGRATE_TARGET_URI="$TARGET_URI"

# The superuser passwords, from the URIs (percent-decoded), for the emulator and the wizard.
password_of() { python3 -c 'import sys, urllib.parse as u; print(u.unquote(u.urlsplit(sys.argv[1]).password or ""))' "$1"; }
source_password="$(password_of "$SOURCE_URI")"
target_password="$(password_of "$TARGET_URI")"

# Fixed, recognisable ids; a fresh app secret per run.
tenant="11111111-1111-1111-1111-111111111111"
subscription="22222222-2222-2222-2222-222222222222"
client="aaaaaaaa-0000-0000-0000-000000000001"
secret="demo-$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
rg="demo-rg"
single="demo-single"
flex="demo-flex"
single_id="/subscriptions/$subscription/resourceGroups/$rg/providers/Microsoft.DBforPostgreSQL/servers/$single"
flex_id="/subscriptions/$subscription/resourceGroups/$rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/$flex"

# Emulator configuration (docs/emulator.md): the source cluster as a Single Server
# (azure.replication_support=replica, so the wizard's "set up logical replication"
# shows the restart), the target cluster as a Flexible Server, one app with
# Contributor on the subscription.
FM_SOURCE_PORT="$SOURCE_PORT" FM_TARGET_PORT="$TARGET_PORT" FM_SOURCE_PW="$source_password" FM_TARGET_PW="$target_password" \
FM_TENANT="$tenant" FM_SUB="$subscription" FM_CLIENT="$client" FM_SECRET="$secret" FM_RG="$rg" FM_SINGLE="$single" FM_FLEX="$flex" \
FM_BINDIR="$PG_BINDIR" FM_WORK="$work/emulator" python3 - > "$work/emulator.json" <<'PY'
import json, os
e = os.environ
pg = lambda port, pw: {"host": "127.0.0.1", "port": int(port), "user": "postgres", "password": pw, "sslmode": "disable"}
print(json.dumps({
    "pgBinDir": e["FM_BINDIR"],
    "workDir": e["FM_WORK"],
    "tenants": [{"id": e["FM_TENANT"], "domain": "demo.onmicrosoft.com",
                 "apps": [{"clientId": e["FM_CLIENT"], "secret": e["FM_SECRET"], "displayName": "FlexMigrate demo app"}]}],
    "subscriptions": [{"id": e["FM_SUB"], "tenantId": e["FM_TENANT"], "displayName": "Demo",
                       "resourceGroups": [{"name": e["FM_RG"], "location": "westeurope"}]}],
    "singleServers": [{"subscriptionId": e["FM_SUB"], "resourceGroup": e["FM_RG"], "name": e["FM_SINGLE"], "location": "westeurope",
                       "version": "11", "administratorLogin": "postgres", "sku": {"name": "GP_Gen5_2", "tier": "GeneralPurpose"},
                       "replicationSupport": "replica", "postgres": pg(e["FM_SOURCE_PORT"], e["FM_SOURCE_PW"])}],
    "flexibleServers": [{"subscriptionId": e["FM_SUB"], "resourceGroup": e["FM_RG"], "name": e["FM_FLEX"], "location": "westeurope",
                         "version": "16", "sku": {"name": "Standard_D4ds_v5", "tier": "GeneralPurpose"},
                         "postgres": pg(e["FM_TARGET_PORT"], e["FM_TARGET_PW"])}],
    "roleAssignments": [{"principal": e["FM_CLIENT"], "role": "Contributor", "scope": "/subscriptions/" + e["FM_SUB"]}],
}, indent=2))
PY
chmod 600 "$work/emulator.json"

"$emulator_bin" --config "$work/emulator.json" --port 0 > "$work/emulator.out" 2> "$work/emulator.err" &
pids+=($!)
emulator_url=""
for _ in $(seq 1 60); do
  emulator_url="$(sed -n 's/^ready //p' "$work/emulator.out" 2>/dev/null || true)"
  [ -n "$emulator_url" ] && break
  kill -0 "${pids[1]}" 2>/dev/null || { echo "The emulator did not start:" >&2; cat "$work/emulator.err" >&2; exit 1; }
  sleep 0.5
done
[ -n "$emulator_url" ] || { echo "The emulator did not start in time." >&2; exit 1; }

# A light write load on the source (about 5 small transactions a second), so the
# migration has changes to capture after its initial copy.
cat > "$work/load.sql" <<'SQL'
\set customer random(1, 2000)
INSERT INTO orders (customer_id, total, status, items) VALUES (:customer, 9.99, 'new', '[{"sku": "SKU-DEMO", "qty": 1}]');
UPDATE customers SET name = name WHERE id = :customer;
SQL
PGHOST=127.0.0.1 PGPORT="$SOURCE_PORT" PGUSER=postgres PGPASSWORD="$source_password" PGDATABASE=shop \
  "$PG_BINDIR/pgbench" -n -c 1 -R 5 -T 86400 -f "$work/load.sql" > "$work/load.log" 2>&1 &
pids+=($!)

# The wizard's pre-fill (MigrationWizard::prefillFromEnvironment): the emulator
# profile, a draft naming both servers, and the secrets of this throwaway setup.
cat > "$work/demo.draft.json" <<JSON
{
  "formatVersion": 1,
  "name": "demo-migration",
  "backend": "service",
  "cloud": "custom",
  "source": {"resourceId": "$single_id", "port": 5432, "user": "postgres", "sslMode": "disable"},
  "target": {"resourceId": "$flex_id", "port": 5432, "user": "postgres", "sslMode": "disable"},
  "aadApp": {"tenantId": "$tenant", "clientId": "$client"},
  "databases": ["shop", "analytics", "inventory"],
  "options": {"overwriteTargetDatabases": false, "setupLogicalReplication": true, "cutover": "manual", "freezeWritesAtCutover": false, "jobs": 2}
}
JSON
export FLEXMIGRATE_WIZARD_BACKEND=service
export FLEXMIGRATE_WIZARD_ARM_ENDPOINT="$emulator_url" FLEXMIGRATE_WIZARD_AUTHORITY_HOST="$emulator_url"
export FLEXMIGRATE_WIZARD_AUDIENCE="https://management.azure.com/"
export FLEXMIGRATE_WIZARD_DRAFT="$work/demo.draft.json"
export FLEXMIGRATE_WIZARD_TENANT_ID="$tenant" FLEXMIGRATE_WIZARD_CLIENT_ID="$client" FLEXMIGRATE_WIZARD_CLIENT_SECRET="$secret"
export FLEXMIGRATE_WIZARD_SOURCE_PASSWORD="$source_password" FLEXMIGRATE_WIZARD_TARGET_PASSWORD="$target_password"

echo "Source: 127.0.0.1:$SOURCE_PORT (shop, analytics with a table lacking a primary key, inventory) = Single Server $single"
echo "Target: 127.0.0.1:$TARGET_PORT (empty) = Flexible Server $flex"
echo "Azure emulator: $emulator_url (tenant $tenant, app $client, subscription $subscription, resource group $rg)"
echo "Write load: pgbench on shop, about 5 transactions/s (log: $work/load.log)"
echo "The same migration from the command line:"
echo "  $build/app/flexmigrate migration --help"

if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ] || [ "${QT_QPA_PLATFORM:-}" = "offscreen" ]; then
  echo "In the app: New migration -> every page is pre-filled; press Verify / Test connection, Next, then Create."
  "$build/app/flexmigrate" "$@"
else
  echo
  echo "No display found. Run the demo under a virtual display:"
  echo "  xvfb-run -a scripts/demo.sh"
  echo "Meanwhile, here is the pre-flight report from the command line:"
  "$build/app/flexmigrate" inspect --source-uri "$SOURCE_URI" --target-uri "$TARGET_URI" || true
fi
