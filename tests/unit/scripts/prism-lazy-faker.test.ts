// The preload that lets Prism start without building faker (scripts/lib/prism-lazy-faker.cjs): a process that
// requires @faker-js/faker gets faker only once it uses it, and then the real faker, seeded and generating as usual.
// Run in one child Node process started with the preload, as Prism is.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const PRELOAD = path.resolve(__dirname, '..', '..', '..', 'scripts', 'lib', 'prism-lazy-faker.cjs');

// What the child reports: whether faker was loaded before and after first use, and what the module required by
// name (through the preload) and the real module (required by its resolved file, which the preload lets through)
// generate from the same seed.
const SCRIPT = `
  const loaded = () => Object.keys(require.cache).some((file) => file.includes('@faker-js'));
  const lazy = require('@faker-js/faker');
  const before = loaded();
  lazy.faker.seed(7);
  const viaFaker = lazy.faker.internet.url();
  const after = loaded();
  lazy.default.seed(7);
  const viaDefault = lazy.default.internet.url();
  const real = require(require.resolve('@faker-js/faker'));
  real.faker.seed(7);
  const viaReal = real.faker.internet.url();
  console.log(JSON.stringify({ before, after, viaFaker, viaDefault, viaReal, hasLorem: 'lorem' in lazy.faker }));
`;

let result: Record<string, unknown>;

beforeAll(() => {
  const run = spawnSync(process.execPath, ['--require', PRELOAD, '-e', SCRIPT], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`the child failed:\n${run.stderr}`);
  result = JSON.parse(run.stdout) as Record<string, unknown>;
});

describe('the lazy faker preload', () => {
  it('loads nothing of faker when it is required, and the real faker when it is first used', () => {
    expect(result).toMatchObject({ before: false, after: true, hasLorem: true });
  });

  it('generates what the real faker generates with the same seed, through `faker` and `default` alike', () => {
    expect(typeof result['viaReal']).toBe('string');
    expect(result['viaReal']).toMatch(/^https?:\/\//);
    expect(result['viaFaker']).toBe(result['viaReal']);
    expect(result['viaDefault']).toBe(result['viaReal']);
  });
});
