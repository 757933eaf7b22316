import type { UserPoolRef } from './types.js';

/**
 * Values that stand for "filled in at deploy time": CloudFormation/Terraform substitutions
 * (`${UserPoolArn}`), template markers (`<pool>`, `{pool}`) and `REPLACE_ME`-style words.
 */
export function isPlaceholder(value: string): boolean {
  return (
    /\$\{[^}]*\}/.test(value) ||
    /<[^>]*>/.test(value) ||
    /\{[^}]*\}/.test(value) ||
    /REPLACE|CHANGE_?ME|TODO|PLACEHOLDER|XXXX/i.test(value)
  );
}

// A Cognito user pool id is `<region>_<9 or so alphanumerics>`, e.g. `eu-west-1_AbCdEf123`.
const region = '[a-z]{2}(?:-[a-z]+)+-\\d';
const poolId = `(${region})_[A-Za-z0-9]+`;
const arnPattern = new RegExp(
  `^arn:aws[a-z-]*:cognito-idp:(${region}):\\d{12}:userpool/(${poolId})$`,
);
const issuerPattern = new RegExp(
  `^https://cognito-idp\\.(${region})\\.amazonaws\\.com(?:\\.cn)?/(${poolId})/?$`,
);

/**
 * `arn:aws:cognito-idp:{region}:{account}:userpool/{poolId}` → region and pool id
 * (docs/reference/aws-wire-behaviour.md §2.1).
 */
export function parseUserPoolArn(raw: string): UserPoolRef {
  const match = isPlaceholder(raw) ? null : arnPattern.exec(raw.trim());
  return match ? { region: match[1], userPoolId: match[2], raw } : { raw };
}

/**
 * `https://cognito-idp.{region}.amazonaws.com/{poolId}` (the JWT issuer of a pool,
 * docs/reference/aws-wire-behaviour.md §3).
 */
export function parseCognitoIssuer(raw: string): UserPoolRef | undefined {
  const match = isPlaceholder(raw) ? null : issuerPattern.exec(raw.trim());
  return match ? { region: match[1], userPoolId: match[2], raw } : undefined;
}
