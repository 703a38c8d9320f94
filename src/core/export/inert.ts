// Text that a spreadsheet would take for a formula (`=HYPERLINK(…)`, `+1`, `-1+2`, `@SUM(…)`, or a leading tab or
// carriage return) is written with a leading apostrophe, so opening the file never runs it (OWASP CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

export function inertText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
