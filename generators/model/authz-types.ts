/**
 * The authorization rules as the model keeps them (docs/authorization-matrix.md): personas (signed-in
 * identities), owned objects and, per operation, who may call it. Names are resolved against the
 * spec, so the planner works only with operations that exist.
 */
import type { Origin } from './types.js';

export interface Persona {
  name: string;
  /** Cognito groups the persona's user is in (`provision` puts it there). */
  groups: string[];
  /** Process environment variables with its credentials, e.g. `GATECHECK_OWNER_USERNAME`. */
  usernameEnv: string;
  passwordEnv: string;
}

/** An object a persona owns, named by a path parameter. */
export interface OwnedObject {
  name: string;
  /** The path parameter that names the object, e.g. `id`. */
  parameter: string;
  /** The persona that owns it. */
  owner: string;
  /**
   * How the owner's object is obtained: created for the run (the creating operation; the id read
   * from its answer at `idPointer`; deleted at the end with `deleteOperationId`), or a fixed id.
   */
  source:
    | { kind: 'created'; operationId: string; idPointer: string; deleteOperationId?: string }
    | { kind: 'fixed'; ids: Record<string, string> };
}

export interface AuthzRule {
  operationId: string;
  /** Personas whose request must succeed; every other persona's must be refused. */
  allow: string[];
  refuse: string[];
  /** The owned object the path names, when there is one. */
  object?: string;
  /** Statuses a refusal may have (403 and/or 404). */
  refusal: number[];
  origin: Origin;
}

export interface AuthzModel {
  source: string;
  personas: Persona[];
  objects: OwnedObject[];
  rules: AuthzRule[];
}
