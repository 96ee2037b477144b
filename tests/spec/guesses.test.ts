// Rules no page states are marked as guesses: a reader of the spec can tell what Jelou documents from what this
// project assumed, and why.
import { readFileSync } from 'node:fs';
import { readSpecYaml } from '../support/spec-yaml';
import { SPEC_FILE } from '../support/spec';

const spec = readSpecYaml(SPEC_FILE) as Record<string, unknown>;

/** Every schema-like node with a keyword that narrows what a page shows, and its JSON pointer. */
function constrained(
  node: unknown,
  pointer = '',
): { pointer: string; node: Record<string, unknown>; keys: string[] }[] {
  if (node === null || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  const keys = ['minProperties', 'if', 'not'].filter((key) => key in record);
  if (record.additionalProperties === false) keys.push('additionalProperties');
  const here = keys.length > 0 ? [{ pointer, node: record, keys }] : [];
  return [
    ...here,
    ...Object.entries(record).flatMap(([key, value]) => constrained(value, `${pointer}/${key.replace(/\//g, '~1')}`)),
  ];
}

function at(pointer: string): Record<string, unknown> {
  return pointer
    .split('/')
    .slice(1)
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key.replace(/~1/g, '/')], spec) as Record<
    string,
    unknown
  >;
}

describe('rules no page states', () => {
  it('carry an x-jelou-guess wherever a schema uses minProperties, if/then, not or additionalProperties: false', () => {
    const unmarked = constrained(spec)
      .filter(({ node, keys }) => {
        // The guess behind an if/then may sit on the `if` itself.
        const notes = [node, ...(keys.includes('if') ? [node.if as Record<string, unknown>] : [])];
        return !notes.some((note) => typeof note['x-jelou-guess'] === 'string');
      })
      .map(({ pointer, keys }) => `${pointer} (${keys.join(', ')})`);
    expect(unmarked).toEqual([]);
  });

  it.each([
    ['/components/schemas/IntegrationChanges', /minProperties: 1.*additionalProperties: false/s],
    ['/components/schemas/IntegrationChanges/if', /`authorization` is required with `bearer`, `api_key` or `basic`/],
    ['/components/schemas/IntegrationFlat', /`required` \(brainId, webhookUrl, createdAt\)/],
    ['/components/schemas/IntegrationData', /`required` \(brainId, webhookUrl, createdAt\) is not stated/],
    ['/components/schemas/IntegrationEnvelope', /only `data` is required/],
    ['/paths/~1v1~1external-support~1{projectId}/patch', /"Safe to retry" is not stated/],
  ])('%s says why its unstated rule was chosen', (pointer, why) => {
    expect(String(at(pointer)['x-jelou-guess'])).toMatch(why);
  });

  it('no longer claims that a page with a complete status or structure table was cut off', () => {
    const text = readFileSync(SPEC_FILE, 'utf8');
    expect(text).not.toMatch(/cut off after 404/);
    expect(text).not.toMatch(/cut off after `createdAt`/);
  });
});
