/** Parses a response body's text: `undefined` when blank, the JSON value when it parses, else the raw text. */
export function parseBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
