/**
 * Text from a spec, a collection or a server, made safe to print: terminal control sequences (ESC
 * [ ... sequences that move the cursor, retitle the window or hide text, OSC 8 links) and other
 * control characters are removed, so a spec cannot rewrite what the user sees. Tabs and newlines
 * become spaces: every message stays one line.
 */
/* eslint-disable no-control-regex -- these patterns exist to match control characters */
const escapeSequence =
  /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-Z\\-_])/g;
const controlCharacter = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/* eslint-enable no-control-regex */

export function printable(text: string): string {
  return text
    .replace(escapeSequence, '')
    .replace(/[\t\r\n]+/g, ' ')
    .replace(controlCharacter, '');
}
