// Every spec example that says it comes from one of Jelou's pages reproduces that page's JSON exactly.
import { isDeepStrictEqual } from 'node:util';
import { readSpecYaml } from '../support/spec-yaml';
import { SPEC_FILE } from '../support/spec';
import { SEED_PAGES, examplesOf, specClaimProblems, type SourceClaim } from './support/example-claims';
import { blocksOf } from './support/json-blocks';

const load = (): Record<string, unknown> => readSpecYaml(SPEC_FILE) as Record<string, unknown>;
const BEARER = '/paths/~1v1~1external-support~1{projectId}/patch/requestBody/content/application~1json/examples/bearer';

/** The example at a JSON pointer of a parsed spec. */
function exampleAt(spec: Record<string, unknown>, pointer: string): Record<string, unknown> {
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], spec) as Record<string, unknown>;
}

describe('spec examples that claim a documentation page', () => {
  it('match the JSON of the page they name, block for block', () => {
    expect(specClaimProblems(load())).toEqual([]);
  });

  it('include every JSON block of every crawled page copy', () => {
    const claims = examplesOf(load())
      .map(({ example }) => example['x-jelou-source'] as SourceClaim | undefined)
      .filter((claim) => claim !== undefined);
    for (const file of Object.keys(SEED_PAGES)) {
      const blocks = blocksOf(file);
      expect(blocks.length).toBeGreaterThan(0);
      const claimed = claims.filter((claim) => claim.file === file).map((claim) => blocks[claim.block]);
      const unclaimed = blocks.filter((block) => !claimed.some((c) => isDeepStrictEqual(c, block)));
      expect({ file, unclaimed }).toEqual({ file, unclaimed: [] });
    }
  });

  it('are found in the spec: all six examples of the two crawled pages', () => {
    const seeded = examplesOf(load()).filter(({ example }) =>
      String((example['x-jelou-source'] as SourceClaim | undefined)?.file).startsWith('seeds/'),
    );
    expect(seeded.map(({ name }) => name).sort()).toEqual([
      'bearer',
      'envelope',
      'envelope',
      'flat',
      'flat',
      'webhookOnly',
    ]);
  });
});

describe('the check of the claims', () => {
  it('fails when the PATCH bearer example carries the create page credential again', () => {
    const spec = load();
    const bearer = exampleAt(spec, BEARER);
    expect(bearer.value).toMatchObject({ authorization: '<string>' });
    bearer.value = { ...(bearer.value as object), authorization: 'my-secret-token' };
    const problems = specClaimProblems(spec);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`${BEARER}: value differs from seeds/000_76c2aa10365a3f8d.txt block 0`);
  });

  it('fails when the bearer example says it is a playground sample but drops its x-jelou-source', () => {
    const spec = load();
    delete exampleAt(spec, BEARER)['x-jelou-source'];
    expect(specClaimProblems(spec)).toEqual([expect.stringContaining(`${BEARER}: its summary/description says`)]);
  });

  it('fails when the bearer example is relabelled as the create page sample', () => {
    const spec = load();
    const bearer = exampleAt(spec, BEARER);
    bearer.value = { ...(bearer.value as object), authorization: 'my-secret-token' };
    bearer['x-jelou-source'] = {
      file: 'jelou-api.md',
      section: '3. Create integration',
      block: 1,
      page: 'https://docs.jelou.ai/en/api/pma-custom/crear-integracion',
    };
    const problems = specClaimProblems(spec).join('\n');
    expect(problems).toContain('which neither the operation');
    expect(problems).toContain('value differs from jelou-api.md § 3. Create integration block 1');
  });

  it('fails when a claim names a page the copy is not of', () => {
    const spec = load();
    const claim = exampleAt(spec, BEARER)['x-jelou-source'] as SourceClaim;
    claim.page = 'https://docs.jelou.ai/en/api/pma-custom/obtener-integracion';
    expect(specClaimProblems(spec).join('\n')).toContain(
      'is a copy of https://docs.jelou.ai/en/api/pma-custom/actualizar-integracion',
    );
  });
});
