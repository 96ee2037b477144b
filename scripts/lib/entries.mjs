// The package's entries: one row each. The build (scripts/build.mjs), package.json's `exports`/`bin`
// (checked, or written by `npm run build -- --sync-package`) and the package check all follow this table.
//
// A row is either
//   { subpath: './x', source: 'src/x/index.ts' }                         one build for every environment
//   { subpath: './x', source: { node: 'src/x/node.ts', default: 'src/x/index.ts' } }
//                                                                        an exports condition per build
//   { bin: 'name', source: 'src/cli/main.ts' }                           an executable: ESM only, with a shebang
// Optional: `platform: 'neutral'` for a source that must not import Node built-ins (esbuild then refuses them);
// a `source` object may give `{ path, platform }` per condition instead of a path; `minify: true` minifies the
// bundle for whitespace and syntax, names kept: a cheaper cold import(), but a minified bundle can lose the
// `/* @__PURE__ */` marks a user's bundler needs to drop what is unused (verifyJelouSignature alone: 2,843 B gzip
// from a minified webhooks entry, 1,337 B from a plain one), so only where the bundled size was measured unchanged.
//
// Each source is bundled to dist/esm/<path under src>.js (ESM) and dist/cjs/<path under src>.js (CommonJS, under
// dist/cjs/package.json's "type": "commonjs"), beside the declarations tsc emits for it.

/** @type {Array<{ subpath?: string, bin?: string, source: string | Record<string, string | { path: string, platform?: string }>, platform?: string, minify?: boolean }>} */
export const entries = [
  { subpath: '.', source: 'src/index.ts', minify: true },
  {
    subpath: './webhooks',
    source: { node: 'src/webhooks/node.ts', default: { path: 'src/webhooks/index.ts', platform: 'neutral' } },
  },
  { subpath: './testing', source: 'src/testing/index.ts' },
  // The `jelou` CLI: ESM only, loaded by the bin alone (no export reaches src/cli/).
  { bin: 'jelou', source: 'src/cli/main.ts', minify: true },
];

/** Exports that are files shipped as they are, not builds. */
export const staticExports = {
  './openapi.yaml': './openapi/openapi.yaml',
  './package.json': './package.json',
};

/** The builds the table asks for: one per source and format. */
export function builds() {
  const list = [];
  for (const entry of entries) {
    const sources =
      typeof entry.source === 'string' ? { default: entry.source } : /** @type {Record<string, any>} */ (entry.source);
    for (const [condition, value] of Object.entries(sources)) {
      const source = typeof value === 'string' ? value : value.path;
      const platform = (typeof value === 'string' ? undefined : value.platform) ?? entry.platform ?? 'node';
      const formats = entry.bin ? ['esm'] : ['esm', 'cjs'];
      for (const format of formats) {
        list.push({ entry, condition, source, platform, format, ...outputs(source, format) });
      }
    }
  }
  return list;
}

/** Where a source's bundle and declarations land, as package-relative paths (`./dist/...`). */
export function outputs(source, format) {
  if (!/^src\/.+\.ts$/.test(source)) throw new Error(`entry source must be a .ts file under src/: ${source}`);
  const stem = source.slice('src/'.length, -'.ts'.length);
  return { js: `./dist/${format}/${stem}.js`, types: `./dist/${format}/${stem}.d.ts` };
}

/** The package.json fields the table implies: exports, bin, main, types. */
export function packageFields() {
  const exportsMap = {};
  const bin = {};
  for (const entry of entries) {
    if (entry.bin) {
      bin[entry.bin] = outputs(entryPath(entry.source), 'esm').js;
      continue;
    }
    const sources = typeof entry.source === 'string' ? { default: entry.source } : entry.source;
    const byCondition = Object.entries(sources).map(([condition, value]) => {
      const path = typeof value === 'string' ? value : value.path;
      const esm = outputs(path, 'esm');
      const cjs = outputs(path, 'cjs');
      return [
        condition,
        {
          import: { types: esm.types, default: esm.js },
          require: { types: cjs.types, default: cjs.js },
        },
      ];
    });
    exportsMap[entry.subpath] =
      byCondition.length === 1 && byCondition[0][0] === 'default' ? byCondition[0][1] : Object.fromEntries(byCondition);
  }
  Object.assign(exportsMap, staticExports);
  const root = entries.find((e) => e.subpath === '.');
  const rootSource = root && entryPath(typeof root.source === 'string' ? root.source : root.source.default);
  return {
    ...(rootSource ? { main: outputs(rootSource, 'cjs').js, types: outputs(rootSource, 'cjs').types } : {}),
    exports: exportsMap,
    ...(Object.keys(bin).length > 0 ? { bin } : {}),
  };
}

function entryPath(value) {
  return typeof value === 'string' ? value : value.path;
}
