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

# Copy the environment and fill in every GATECHECK_* value that is set (names as in
# generators/model/variables.ts). Node reads them from its environment, not from arguments.
node - "$environment" "$private_dir/environment.json" <<'JS'
const fs = require('node:fs');
const [source, target] = process.argv.slice(2);
const names = {
  baseUrl: 'GATECHECK_BASE_URL', region: 'GATECHECK_REGION', cognitoEndpoint: 'GATECHECK_COGNITO_ENDPOINT',
  userPoolId: 'GATECHECK_USER_POOL_ID', clientId: 'GATECHECK_CLIENT_ID', username: 'GATECHECK_USERNAME',
  authFlow: 'GATECHECK_AUTH_FLOW', preferredChallenge: 'GATECHECK_PREFERRED_CHALLENGE',
  password: 'GATECHECK_PASSWORD', newPassword: 'GATECHECK_NEW_PASSWORD', clientSecret: 'GATECHECK_CLIENT_SECRET',
  otpCode: 'GATECHECK_OTP_CODE', apiKey: 'GATECHECK_API_KEY', expiredToken: 'GATECHECK_EXPIRED_TOKEN',
  otherPoolToken: 'GATECHECK_OTHER_POOL_TOKEN', unscopedAccessToken: 'GATECHECK_UNSCOPED_ACCESS_TOKEN',
  sandboxUrl: 'GATECHECK_SANDBOX_URL',
};
const environment = JSON.parse(fs.readFileSync(source, 'utf8'));
for (const [key, envName] of Object.entries(names)) {
  const value = process.env[envName];
  if (value === undefined || value === '') continue;
  const existing = environment.values.find((v) => v.key === key);
  if (existing) existing.value = value;
  else environment.values.push({ key, value, enabled: true });
}
fs.writeFileSync(target, JSON.stringify(environment), { mode: 0o600 });
JS

mkdir -p reports
npx newman run "$collection" \
  --environment "$private_dir/environment.json" \
  --reporters cli,junit \
  --reporter-junit-export "reports/newman-junit.xml" \
  --reporter-cli-no-console \
  --timeout-request 30000
