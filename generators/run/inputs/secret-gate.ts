/**
 * The checks a run passes before it hands the user's secrets to newman: the environment sends
 * them only to hosts the user chose (trust-hosts.ts), and the collection is gatecheck's own
 * (collection-trust.ts). With no secret to hand over there is nothing to leak: neither applies.
 */
import type { PostmanEnvironment } from './collection-file.js';
import { readCollectionFile } from './collection-file.js';
import { checkCollectionTrust } from './collection-trust.js';
import { checkSecretDestinations } from './trust-hosts.js';

export interface SecretGate {
  collectionPath: string;
  environment?: PostmanEnvironment;
  values: Record<string, string>;
  secrets: readonly string[];
  /** `--trust-host`. */
  trustHosts: readonly string[];
  /** `--trust-collection`. */
  trustCollection: boolean;
  /** Tokens signed in outside the collection (`--tokens-from-sdk`) are handed over too. */
  handsOverTokens?: boolean;
}

export async function checkBeforeSecrets(gate: SecretGate): Promise<void> {
  if (gate.secrets.length === 0 && !gate.handsOverTokens) return;
  checkSecretDestinations({
    values: gate.values,
    ...(gate.environment ? { environment: gate.environment } : {}),
    trustHosts: gate.trustHosts,
  });
  const collection = await readCollectionFile(gate.collectionPath);
  checkCollectionTrust(collection, gate.collectionPath, gate.trustCollection);
}
