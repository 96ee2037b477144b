// Runs one measurement module in this (fresh) process and writes `{ figures, summary }` as JSON to the file given.
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [file, out] = process.argv.slice(2);
const { default: measure } = await import(pathToFileURL(file).href);
const result = await measure();
writeFileSync(out, JSON.stringify(result));
process.exit(0);
