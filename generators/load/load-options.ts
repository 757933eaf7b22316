/**
 * What loading may reach beyond the spec itself. Every field defaults to "no": a spec is untrusted
 * input, and a `$ref` or URL it names could read local secrets or internal services.
 */
export interface LoadOptions {
  /** Follow `$ref`s to files, only those under the spec's own folder (`--allow-external-refs`). */
  allowExternalRefs?: boolean;
  /** Follow `$ref`s to http(s) URLs (`--allow-remote-refs`). */
  allowRemoteRefs?: boolean;
  /** Fetch from loopback, link-local and private addresses (`--allow-private-urls`). */
  allowPrivateUrls?: boolean;
}

/** The limits every load applies; fixed, so a hostile spec cannot choose them. */
export const loadLimits = {
  /** Largest spec or referenced document fetched over http(s). */
  maxBytes: 20 * 1024 * 1024,
  /** Whole fetch, redirects included. */
  timeoutMs: 30_000,
  maxRedirects: 5,
  /** Deepest nesting of objects and arrays (real exports stay under 40). */
  maxDepth: 500,
  /** YAML aliases (`*name`) in one document. */
  maxAliases: 1_000,
  /** Nodes once every alias is expanded: a YAML "billion laughs" stays under this. */
  maxExpandedNodes: 5_000_000,
} as const;
