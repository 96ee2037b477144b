// Which examples of the spec claim to reproduce a documentation page, and whether they do.
// A claim is machine-readable: `x-jelou-source: { file, section?, block, page }` on the example names a copy in
// tests/spec/sources/, the JSON block in it (0-based, in reading order, see json-blocks.ts) and the page's URL.
// An example whose summary or description says it comes from a page (playground sample, prose example, …) must
// carry such a claim, so a relabelled or edited example cannot slip through as "documented".
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { SOURCES_DIR, blocksOf, markdownSection } from './json-blocks';

/** The page each crawled copy is of. */
export const SEED_PAGES: Record<string, string> = {
  'seeds/000_76c2aa10365a3f8d.txt': 'https://docs.jelou.ai/en/api/pma-custom/actualizar-integracion',
  'seeds/002_ec7c9a0509f5e6d4.txt': 'https://docs.jelou.ai/en/api/pma-custom/obtener-integracion',
};

/** Words in an example's summary or description that say it comes from a page. */
export const CLAIM_WORDS = /\b(playground|prose|sample|verbatim|as written|as the page shows|copied)\b/i;

export interface SourceClaim {
  file: string;
  section?: string;
  block: number;
  page: string;
}

/** One named example found in the spec, with where it sits and the operation it belongs to (if any). */
export interface FoundExample {
  pointer: string;
  name: string;
  example: Record<string, unknown>;
  operationSources: string[] | undefined;
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/** Every entry of every `examples` map in the document (request bodies, responses, components). */
export function examplesOf(spec: unknown): FoundExample[] {
  const found: FoundExample[] = [];
  const walk = (node: unknown, pointer: string, operationSources: string[] | undefined): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach((item, index) => walk(item, `${pointer}/${index}`, operationSources));
      return;
    }
    for (const [key, value] of Object.entries(node)) {
      const here = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (key === 'examples' && value && typeof value === 'object' && !Array.isArray(value)) {
        for (const [name, example] of Object.entries(value as Record<string, unknown>)) {
          if (example && typeof example === 'object' && 'value' in example) {
            found.push({
              pointer: `${here}/${name}`,
              name,
              example: example as Record<string, unknown>,
              operationSources,
            });
          }
        }
        continue;
      }
      const sources =
        HTTP_METHODS.has(key) && pointer.startsWith('/paths/')
          ? ((value as { 'x-jelou-sources'?: string[] })['x-jelou-sources'] ?? [])
          : operationSources;
      walk(value, here, sources);
    }
  };
  walk(spec, '', undefined);
  return found;
}

function isClaim(value: unknown): value is SourceClaim {
  const claim = value as SourceClaim;
  return (
    typeof claim?.file === 'string' &&
    Number.isInteger(claim.block) &&
    typeof claim.page === 'string' &&
    (claim.section === undefined || typeof claim.section === 'string')
  );
}

/** What is wrong with one example's claim to come from a page; empty when nothing is. */
export function claimProblems({ pointer, example, operationSources }: FoundExample): string[] {
  const claim = example['x-jelou-source'];
  const text = `${String(example.summary ?? '')} ${String(example.description ?? '')}`;
  if (claim === undefined) {
    return CLAIM_WORDS.test(text)
      ? [
          `${pointer}: its summary/description says it comes from a page ("${text.trim()}") but it has no x-jelou-source`,
        ]
      : [];
  }
  if (!isClaim(claim)) return [`${pointer}: x-jelou-source must be { file, section?, block, page }`];
  const file = path.join(SOURCES_DIR, claim.file);
  if (!existsSync(file)) return [`${pointer}: x-jelou-source names ${claim.file}, which is not in tests/spec/sources/`];
  const problems: string[] = [];
  if (claim.file.startsWith('seeds/')) {
    if (SEED_PAGES[claim.file] !== claim.page) {
      problems.push(`${pointer}: ${claim.file} is a copy of ${String(SEED_PAGES[claim.file])}, not of ${claim.page}`);
    }
  } else {
    const text = readFileSync(file, 'utf8');
    const scope = claim.section === undefined ? text : markdownSection(text, claim.section);
    if (!scope.includes(claim.page)) problems.push(`${pointer}: ${claim.page} is not a source of ${claim.file}`);
  }
  const ownSources = (example['x-jelou-sources'] as string[] | undefined) ?? [];
  const pageWithoutMd = claim.page.replace(/\.md$/, '');
  const listed = [...(operationSources ?? []), ...ownSources].some((url) => url.replace(/\.md$/, '') === pageWithoutMd);
  if (operationSources !== undefined && !listed) {
    problems.push(`${pointer}: claims ${claim.page}, which neither the operation's nor its own x-jelou-sources list`);
  }
  const blocks = blocksOf(claim.file, claim.section);
  const block = blocks[claim.block];
  const where = `${claim.file}${claim.section ? ` § ${claim.section}` : ''} block ${claim.block}`;
  if (block === undefined) {
    problems.push(`${pointer}: ${where} does not exist (${blocks.length} JSON blocks there)`);
  } else if (!isDeepStrictEqual(example.value, block)) {
    problems.push(
      `${pointer}: value differs from ${where}\n  spec: ${JSON.stringify(example.value)}\n  page: ${JSON.stringify(block)}`,
    );
  }
  return problems;
}

/** Every problem with every example's claim in the document. */
export function specClaimProblems(spec: unknown): string[] {
  return examplesOf(spec).flatMap(claimProblems);
}
