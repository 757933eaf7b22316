/**
 * Predicts what a gateway response template (a small VTL text) renders to for a given error.
 *
 * Only variable references are understood. `$context.error.message[String]` and
 * `$context.error.responseType` are known for a given rejection; anything else (`$context.requestId`,
 * `$context.path`, stage variables...) differs per request. VTL directives (`#if`, `#set`) and method
 * calls (`$util.escapeJavaScript(...)`) cannot be predicted at all.
 */
export type RenderedTemplate =
  | { kind: 'exact'; body: unknown }
  | { kind: 'pattern'; bodyPattern: string; unknown: string[] }
  | { kind: 'unpredictable'; reason: string };

export interface TemplateError {
  /** `$context.error.message`, e.g. `Unauthorized`. */
  message: string;
  /** `$context.error.responseType`, e.g. `UNAUTHORIZED`. */
  responseType: string;
}

const reference = /\$!?(?:\{([A-Za-z][\w.]*)\}|([A-Za-z][\w]*(?:\.[A-Za-z_][\w]*)*))(\()?/g;

export function renderTemplate(template: string, error: TemplateError): RenderedTemplate {
  if (/(^|[^\\])#(set|if|foreach|macro|parse|include|define)\b/.test(template)) {
    return { kind: 'unpredictable', reason: 'it uses VTL directives' };
  }
  const known: Record<string, string> = {
    // `messageString` is the message as a quoted JSON string (docs/reference/aws-wire-behaviour.md
    // §2.2).
    'context.error.messageString': JSON.stringify(error.message),
    'context.error.message': error.message,
    'context.error.responseType': error.responseType,
  };
  const parts: ({ text: string } | { unknown: string })[] = [];
  let last = 0;
  for (const match of template.matchAll(reference)) {
    const name = match[1] ?? match[2] ?? '';
    if (match[3] !== undefined) {
      return { kind: 'unpredictable', reason: `it calls $${name}(...)` };
    }
    parts.push({ text: template.slice(last, match.index) });
    const value = known[name];
    parts.push(value === undefined ? { unknown: name } : { text: value });
    last = match.index + match[0].length;
  }
  parts.push({ text: template.slice(last) });

  const unknown = parts.flatMap((part) => ('unknown' in part ? [part.unknown] : []));
  const text = parts.map((part) => ('text' in part ? part.text : '')).join('');
  if (unknown.length === 0) {
    try {
      return { kind: 'exact', body: JSON.parse(text) };
    } catch {
      return { kind: 'pattern', bodyPattern: `^\\s*${escapeRegExp(text.trim())}\\s*$`, unknown };
    }
  }
  const pattern = parts
    .map((part, index) => ('text' in part ? escapeRegExp(part.text) : gap(parts, index)))
    .join('');
  return { kind: 'pattern', bodyPattern: `^\\s*${pattern.trim()}\\s*$`, unknown };
}

/**
 * The pattern for an unknown value. `[\s\S]*?` per value backtracks polynomially in the number of
 * values (a template with many `$context` variables took minutes on a body that did not match), so a
 * value stops at the first character of the text that follows it, and values with no text between
 * them share one gap: each gap then has one way to match. This assumes a per-request value never holds
 * that character (request ids, paths, stages and addresses do not hold the quote or brace that a
 * JSON template puts after them).
 */
function gap(parts: ({ text: string } | { unknown: string })[], index: number): string {
  const previous = parts[index - 1];
  if (index >= 2 && previous !== undefined && 'text' in previous && previous.text === '') {
    if (parts[index - 2] !== undefined && 'unknown' in parts[index - 2]!) return '';
  }
  for (const part of parts.slice(index + 1)) {
    if ('unknown' in part) continue;
    const stop = part.text[0];
    if (stop !== undefined) return `[^${stop.replace(/[\\\]^-]/g, '\\$&')}]*`;
  }
  return '[\\s\\S]*';
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
