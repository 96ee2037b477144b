import { readFileSync } from 'node:fs';
import path from 'node:path';
import { VERSION } from '../../../src/client/version';

const packageJson = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
  version: unknown;
};

describe('VERSION', () => {
  it("equals package.json's version", () => {
    expect(typeof packageJson.version).toBe('string');
    expect(VERSION).toBe(packageJson.version);
  });

  it('is a semantic version', () => {
    expect(VERSION).toMatch(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/);
  });
});
