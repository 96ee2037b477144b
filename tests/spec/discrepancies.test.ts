// x-jelou-discrepancies holds every contradiction the digest of the pages lists, in a form the live report can
// give a verdict on.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readSpecYaml } from '../support/spec-yaml';
import { SPEC_FILE } from '../support/spec';
import { SOURCES_DIR, markdownSection } from './support/json-blocks';

interface Variant {
  label: string;
  says: string;
  where: string;
  urls: string[];
}
interface Discrepancy {
  id: string;
  documented: number[];
  topic: string;
  variants: Variant[];
  resolution: { spec: string; client: string };
  live: { testable: boolean; how: string };
}
const entries = (readSpecYaml(SPEC_FILE) as { 'x-jelou-discrepancies': Discrepancy[] })['x-jelou-discrepancies'];
const digest = readFileSync(path.join(SOURCES_DIR, 'jelou-api.md'), 'utf8');
/** The numbered list "Discrepancies between pages" of the digest. */
const documented = [...markdownSection(digest, 'Discrepancies between pages').matchAll(/^(\d+)\. \*\*(.+?)\*\*/gm)].map(
  ([, number, title]) => ({ number: Number(number), title }),
);

describe('x-jelou-discrepancies', () => {
  it('finds the 16 documented discrepancies in the digest', () => {
    expect(documented.map(({ number }) => number)).toEqual([...Array(16).keys()].map((i) => i + 1));
  });

  it.each(documented)('records documented discrepancy $number ($title)', ({ number }) => {
    expect(entries.filter((entry) => entry.documented.includes(number)).length).toBeGreaterThan(0);
  });

  it('keeps the ids the contract report already uses', () => {
    const ids = entries.map((entry) => entry.id);
    for (const id of [
      'base-path',
      'auth-scheme',
      'response-shape',
      'envelope-missing-fields',
      'brain-id-value',
      'update-body',
      'validation-status',
      'error-body',
      'response-auth-type',
    ]) {
      expect(ids).toContain(id);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(entries.map((entry) => [entry.id, entry] as const))(
    '%s has labelled variants with their pages, a resolution for spec and client, and a live check',
    (id, entry) => {
      expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(entry.topic).toEqual(expect.any(String));
      expect(entry.variants.map((variant) => variant.label)).toEqual(['A', 'B']);
      for (const variant of entry.variants) {
        expect(variant.says.length).toBeGreaterThan(0);
        expect(variant.where.length).toBeGreaterThan(0);
        expect(variant.urls.length).toBeGreaterThan(0);
        for (const url of variant.urls) expect(url).toMatch(/^https:\/\/docs\.jelou\.ai\//);
      }
      expect(entry.resolution).toEqual({ spec: expect.any(String), client: expect.any(String) });
      expect(typeof entry.live.testable).toBe('boolean');
      expect(entry.live.how.length).toBeGreaterThan(20);
    },
  );
});
