/**
 * The authorization matrix of a run: personas × operations, each cell `allowed`, `refused`,
 * `failed`, `inconclusive` or `skipped`, as the persona checks (scripts/library/authz-check.js)
 * left it in a collection variable. Names only, never request or response content.
 */
import { authzMatrixVariable } from '../../contract/authz-variables.js';

export type AuthzCell = 'allowed' | 'refused' | 'failed' | 'inconclusive' | 'skipped';

export interface AuthzMatrix {
  personas: string[];
  /** Operation (`METHOD /path`) → persona → cell. */
  rows: Array<{ operation: string; cells: Record<string, AuthzCell> }>;
}

const cells: ReadonlySet<string> = new Set([
  'allowed',
  'refused',
  'failed',
  'inconclusive',
  'skipped',
]);

/** The matrix from the parts' final collection variables (the part that ran the persona checks). */
export function readAuthzMatrix(
  partVariables: ReadonlyArray<Record<string, string>>,
): AuthzMatrix | undefined {
  const text = partVariables.map((variables) => variables[authzMatrixVariable]).find(Boolean);
  if (!text) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!parsed || typeof parsed !== 'object') return undefined;
  const personas: string[] = [];
  const rows = Object.entries(parsed as Record<string, unknown>).map(([operation, row]) => {
    const kept: Record<string, AuthzCell> = {};
    for (const [persona, cell] of Object.entries((row ?? {}) as Record<string, unknown>)) {
      if (typeof cell !== 'string' || !cells.has(cell)) continue;
      kept[persona] = cell as AuthzCell;
      if (!personas.includes(persona)) personas.push(persona);
    }
    return { operation, cells: kept };
  });
  return { personas, rows };
}

/** The matrix as aligned text lines for the run summary. */
export function formatAuthzMatrix(matrix: AuthzMatrix): string[] {
  const header = ['authorization', ...matrix.personas];
  const body = matrix.rows.map((row) => [
    row.operation,
    ...matrix.personas.map((persona) => row.cells[persona] ?? '-'),
  ]);
  const widths = header.map((_, column) =>
    Math.max(...[header, ...body].map((line) => (line[column] ?? '').length)),
  );
  return [header, ...body].map(
    (line) =>
      `  ${line
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd()}`,
  );
}
