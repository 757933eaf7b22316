/**
 * What `inspect` adds from the plan: per operation, the sign-in whose token the checks send
 * (plan/token-source.ts), and a warning where the spec cannot tell machine scopes from user ones.
 */
import type { ApiModel } from '../model/types.js';
import type { ModelSummary, OperationSummary } from '../model/summarise-model.js';
import { ambiguityNote, chooseTokenSource, type TokenGrant } from '../plan/token-source.js';

export interface TokenSourceSummary {
  grant: TokenGrant;
  /** The method's scopes the token is asked for (any one passes). */
  scopes: string[];
  /** Custom scopes only, nothing saying machine or user: client credentials are assumed. */
  ambiguous: boolean;
}

export type InspectSummary = Omit<ModelSummary, 'operations'> & {
  operations: Array<OperationSummary & { tokenSource: TokenSourceSummary | null }>;
};

/** Shown in the TOKEN FROM column of `inspect`. */
export const grantLabels: Record<TokenGrant, string> = {
  'sign-in-id': 'API sign-in (ID)',
  'sign-in-access': 'API sign-in (access)',
  'oauth-user': 'OAuth user (code flow)',
  'client-credentials': 'client credentials',
};

export function withTokenSources(model: ApiModel, summary: ModelSummary): InspectSummary {
  const warnings = [...summary.warnings];
  const operations = summary.operations.map((row, index) => {
    const operation = model.operations[index];
    const choice = operation ? chooseTokenSource(operation) : undefined;
    if (operation && choice?.ambiguous)
      warnings.push({
        code: 'token-source-ambiguous',
        message: ambiguityNote(operation, choice),
        pointer: operation.origin.pointer,
      });
    const tokenSource = choice
      ? { grant: choice.grant, scopes: choice.scopes, ambiguous: choice.ambiguous }
      : null;
    // Right after `scopes`, as docs/inspect-json.md lists the keys.
    const { apiKeyHeader, ...rest } = row;
    const head = Object.fromEntries(
      Object.entries(rest).slice(0, Object.keys(rest).indexOf('scopes') + 1),
    ) as Partial<OperationSummary>;
    return { ...head, tokenSource, apiKeyHeader, ...rest } as OperationSummary & {
      tokenSource: TokenSourceSummary | null;
    };
  });
  return { ...summary, operations, warnings };
}
