// The JSON objects written in a documentation copy (a crawled page or a Markdown digest): every balanced `{…}`
// that parses as JSON, in reading order. Pages show JSON in cURL `--data`, in response panes, glued to the end of
// a cURL line, or inline in prose; scanning for balanced braces finds all of them without knowing the layout.
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The folder of the documentation copies (see its README). */
export const SOURCES_DIR = path.resolve(__dirname, '..', 'sources');

/** The index one past the `}` that closes the `{` at `start`, or -1; braces inside JSON strings are skipped. */
function closingBrace(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i += 1) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{') depth += 1;
    else if (char === '}') {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/** Every top-level JSON object in `text`, in order (objects nested in a found one are part of it). */
export function jsonBlocks(text: string): Record<string, unknown>[] {
  const blocks: Record<string, unknown>[] = [];
  let from = 0;
  for (let start = text.indexOf('{', from); start !== -1; start = text.indexOf('{', from)) {
    const end = closingBrace(text, start);
    let parsed: unknown;
    try {
      parsed = end === -1 ? undefined : JSON.parse(text.slice(start, end));
    } catch {
      parsed = undefined;
    }
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
      blocks.push(parsed as Record<string, unknown>);
      from = end;
    } else {
      from = start + 1;
    }
  }
  return blocks;
}

/** The text of the Markdown section whose heading starts with `heading` (up to the next heading of any level). */
export function markdownSection(markdown: string, heading: string): string {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => /^#+ /.test(line) && line.replace(/^#+ /, '').startsWith(heading));
  if (start === -1) throw new Error(`No section "${heading}"`);
  const length = lines.slice(start + 1).findIndex((line) => /^#+ /.test(line));
  return lines.slice(start + 1, length === -1 ? undefined : start + 1 + length).join('\n');
}

/** The JSON blocks of one copy (`file` relative to the sources folder), optionally of one Markdown section. */
export function blocksOf(file: string, section?: string): Record<string, unknown>[] {
  const text = readFileSync(path.join(SOURCES_DIR, file), 'utf8');
  return jsonBlocks(section === undefined ? text : markdownSection(text, section));
}
