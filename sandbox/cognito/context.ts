import type { TokenLifetimes } from '../types.js';
import type { Clock } from './clock.js';
import type { Outbox } from './outbox.js';
import type { SessionStore } from './sessions.js';
import type { KeyAllocator } from './signing-keys.js';
import type { CognitoState } from './state.js';

/** Settings that may change while the stand-in runs. */
export interface StandInSettings {
  /** `http://127.0.0.1:PORT`, no trailing slash; issuers are `<baseUrl>/<userPoolId>`. */
  baseUrl: string;
  region: string;
  /** Used when an app client does not set its own validity. */
  tokenLifetimes: TokenLifetimes;
  /** Given to every new pool as its simulated pre token generation trigger's scopes. */
  preTokenGenerationScopes: string[];
}

/** What every operation handler works with. */
export interface OperationContext {
  state: CognitoState;
  clock: Clock;
  keys: KeyAllocator;
  sessions: SessionStore;
  outbox: Outbox;
  settings: StandInSettings;
}
