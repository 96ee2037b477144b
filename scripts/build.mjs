#!/usr/bin/env node
// npm run build: one bundled file per entry and format (scripts/lib/entries.mjs), plus type declarations.
//   dist/esm/<entry>.js    ESM bundle            dist/esm/**/*.d.ts   declarations (ESM, the package is "type": "module")
//   dist/cjs/<entry>.js    CommonJS bundle       dist/cjs/**/*.d.ts   the same declarations, CommonJS by dist/cjs/package.json
// Bundled by esbuild-wasm (WebAssembly: no per-platform binary); dependencies (openapi-fetch) stay external.
// Entries marked `minify` in the table (the root and the bin) are minified for whitespace and syntax only, names kept,
// so stack traces and class names read as in src/. No source maps are shipped. `--sync-package` writes package.json's exports/bin/main/types from the table;
// otherwise the build fails when they differ from it. `--entry <subpath>` (repeatable, e.g. `--entry .`) bundles
// only those entries (the declarations are always all written), for a run that needs no more.
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from './lib/esbuild.mjs';
import { builds, packageFields } from './lib/entries.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(repoRoot, 'dist');
const started = Date.now();
const only = process.argv.flatMap((arg, i) => (process.argv[i - 1] === '--entry' ? [arg] : []));
const wantedBuilds = builds().filter((b) => only.length === 0 || only.includes(b.entry.subpath ?? b.entry.bin));
if (wantedBuilds.length === 0) {
  console.error(`--entry ${only.join(', ')}: no such entry in scripts/lib/entries.mjs`);
  process.exit(2);
}

// 1. package.json follows the entry table.
const pkgPath = path.join(repoRoot, 'package.json');
const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
const wanted = packageFields();
const differs = Object.entries(wanted).filter(([k, v]) => JSON.stringify(pkg[k]) !== JSON.stringify(v));
const staleBin = pkg.bin && !wanted.bin;
if (differs.length > 0 || staleBin) {
  if (process.argv.includes('--sync-package')) {
    Object.assign(pkg, wanted);
    if (staleBin) delete pkg.bin;
    writeFileSync(pkgPath, `${JSON.stringify(pkg, null, 2)}\n`);
    console.log(`package.json: wrote ${differs.map(([k]) => k).join(', ')} from scripts/lib/entries.mjs`);
  } else {
    for (const [key, value] of differs) {
      console.error(`package.json "${key}" differs from the entry table; expected:\n${JSON.stringify(value, null, 2)}`);
    }
    if (staleBin) console.error('package.json has a "bin" the entry table does not');
    console.error('run `npm run build -- --sync-package` to write them');
    process.exit(1);
  }
}

// 2. Declarations, once, then one copy per format. (tsconfig.build.json emits them without type-checking, `noCheck`:
//    the same files, a third faster; `npm run typecheck` checks src/ and every declaration file it reads.)
rmSync(dist, { recursive: true, force: true });
const typesDir = path.join(dist, '.types');
execFileSync(
  process.execPath,
  [path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json', '--outDir', typesDir],
  { cwd: repoRoot, stdio: 'inherit' },
);
for (const format of ['esm', 'cjs']) cpSync(typesDir, path.join(dist, format), { recursive: true });
rmSync(typesDir, { recursive: true, force: true });
// dist/cjs holds CommonJS (bundles and declarations) inside a "type": "module" package: say so to Node and TypeScript.
writeFileSync(path.join(dist, 'cjs', 'package.json'), '{\n  "type": "commonjs"\n}\n');

// esbuild reads src/ as Node-mode ESM ("type": "module"), and in a CommonJS bundle it then takes a dependency's
// `module.exports` as its default export, as Node's ESM loader would. The CommonJS bundle is loaded by `require`,
// where a dependency's `__esModule` default (openapi-fetch's `exports.default`) is what the source meant. So the
// CommonJS build resolves src/ files itself, which leaves them without the package's "type" and gives them the
// usual interop.
const commonJsInterop = {
  name: 'commonjs-interop',
  setup(plugin) {
    plugin.onResolve({ filter: /.*/ }, (args) => {
      const local = args.kind === 'entry-point' || args.path.startsWith('.');
      if (!local) return undefined;
      const base = args.kind === 'entry-point' ? repoRoot : args.resolveDir;
      const candidate = path.resolve(base, args.path);
      for (const file of [candidate, candidate.replace(/\.js$/, '.ts'), `${candidate}.ts`]) {
        if (existsSync(file) && file.endsWith('.ts')) return { path: file };
      }
      return undefined;
    });
  },
};

// A web-standard build (platform 'neutral') must not reach for Node's built-ins: refuse them at build time.
const webStandard = {
  name: 'web-standard',
  setup(plugin) {
    plugin.onResolve({ filter: /^node:|^(crypto|buffer|http|https|stream|util|fs|path|os|net|tls|zlib)$/ }, (args) => ({
      errors: [{ text: `a web-standard build may not import '${args.path}' (from ${args.importer})` }],
    }));
  },
};

// 3. One bundle per source and format.
for (const b of wantedBuilds) {
  const source = readFileSync(path.join(repoRoot, b.source), 'utf8');
  const isBin = Boolean(b.entry.bin);
  await build({
    absWorkingDir: repoRoot,
    entryPoints: [b.source],
    outfile: path.join(repoRoot, b.js),
    bundle: true,
    format: b.format,
    platform: b.platform,
    target: 'node20',
    packages: 'external',
    ...(b.entry.minify ? { minifyWhitespace: true, minifySyntax: true } : {}),
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
    // An executable gets a shebang unless its source already starts with one (esbuild keeps that).
    ...(isBin && !source.startsWith('#!') ? { banner: { js: '#!/usr/bin/env node' } } : {}),
    ...(b.platform === 'neutral' ? { mainFields: ['module', 'main'] } : {}),
    plugins: [...(b.format === 'cjs' ? [commonJsInterop] : []), ...(b.platform === 'neutral' ? [webStandard] : [])],
  });
  if (isBin) chmodSync(path.join(repoRoot, b.js), 0o755);
  if (!existsSync(path.join(repoRoot, b.types)) && !isBin) {
    throw new Error(`no declarations for ${b.source} at ${b.types}`);
  }
}
console.log(`built ${wantedBuilds.length} bundle(s) in dist/esm and dist/cjs in ${Date.now() - started} ms`);
