/**
 * A collection or item name from spec text, fit for every place newman's reporters put it: control
 * characters (invalid in XML 1.0, so the JUnit reporter crashed on them; also terminal escapes) and
 * lone surrogates become spaces, runs of spaces one, and the ends trimmed.
 */
/* eslint-disable no-control-regex -- the pattern matches control characters */
const unprintable =
  /[\u0000-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/* eslint-enable no-control-regex */

export function itemName(text: string): string {
  return text.replace(unprintable, ' ').replace(/ {2,}/g, ' ').trim() || 'unnamed';
}
