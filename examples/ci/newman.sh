#!/usr/bin/env bash
# Runs a gatecheck collection with plain newman, without gatecheck installed:
#   GATECHECK_PASSWORD=... ./newman.sh collections/users-api.postman_collection.json \
#       environments/users-api.prod.postman_environment.json
#
# The simplest form passes secrets as flags:
#   newman run "$collection" -e "$environment" \
#     --env-var "username=$GATECHECK_USERNAME" --env-var "password=$GATECHECK_PASSWORD"
# but every --env-var value is visible to other users of the machine in the process list
# (`ps aux`, /proc/<pid>/cmdline; newman issue #856). So this script writes the secrets into a
# private copy of the environment (mode 600, in a private temporary folder, deleted on exit)
# and passes only its path. `gatecheck run` avoids files altogether: it passes values in memory.
#
# Caution: newman's own JSON and HTML reporters write request and response headers and bodies
# (the password in the sign-in request, every token) verbatim; only the JUnit and CLI reporters
# are used here. `gatecheck run` masks all of its reports.
set -euo pipefail

collection="${1:?usage: newman.sh <collection.json> <environment.json>}"
environment="${2:?usage: newman.sh <collection.json> <environment.json>}"

private_dir="$(mktemp -d)"
chmod 700 "$private_dir"
trap 'rm -rf "$private_dir"' EXIT
umask 077

# Copy the environment and fill in every variable whose GATECHECK_* value is set: variable `userPoolId`
# reads GATECHECK_USER_POOL_ID, `otpCode` GATECHECK_OTP_CODE, and so on for every variable the
# environment lists (generators/contract/environment-variables.ts); `oauthRefreshToken` reads
# GATECHECK_REFRESH_TOKEN. Node reads them from its environment, not from arguments.
node - "$environment" "$private_dir/environment.json" <<'JS'
const fs = require('node:fs');
const [source, target] = process.argv.slice(2);
const renamed = { oauthRefreshToken: 'GATECHECK_REFRESH_TOKEN' };
const envNameOf = (key) =>
  renamed[key] ?? `GATECHECK_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;
const environment = JSON.parse(fs.readFileSync(source, 'utf8'));
for (const variable of environment.values) {
  const value = process.env[envNameOf(variable.key)];
  if (value !== undefined && value !== '') variable.value = value;
}
fs.writeFileSync(target, JSON.stringify(environment), { mode: 0o600 });
JS

mkdir -p reports
npx --yes newman@6 run "$collection" \
  --environment "$private_dir/environment.json" \
  --reporters cli,junit \
  --reporter-junit-export "reports/newman-junit.xml" \
  --reporter-cli-no-console \
  --timeout-request 30000
