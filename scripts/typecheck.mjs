#!/usr/bin/env node
// npm run typecheck: the three TypeScript programs, as `tsc -p <config>` checks each, in one process:
//   tsconfig.json                      src/, strict NodeNext, every declaration file checked (skipLibCheck: false)
//   tests/tsconfig.json                tests/ with src/, as jest loads them (Bundler resolution)
//   scripts/lib/tsconfig.standin.json  the stand-in Jelou's JavaScript against its .d.cts
// TypeScript loads once, a file the programs share (lib.*.d.ts, @types/node) is read and parsed once, and a file
// is checked by the first program that has it (src/ by the root one, not again by the tests'). The
// stand-in's config is the root one plus allowJs and checkJs: its files join src/ in one program with those two on
// (src/ is all TypeScript), so the declaration files both read are checked once. Exit code 1 on any diagnostic.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const configs = ['tsconfig.json', 'tests/tsconfig.json', 'scripts/lib/tsconfig.standin.json'];

/** Parsed source files, shared by the programs: keyed by file and by what parsing depends on. */
const parsed = new Map();
const reportHost = {
  getCanonicalFileName: (fileName) => fileName,
  getCurrentDirectory: () => repoRoot,
  getNewLine: () => '\n',
};
const print = (diagnostics) =>
  process.stdout.write(
    process.stdout.isTTY && !process.env.NO_COLOR
      ? ts.formatDiagnosticsWithColorAndContext(diagnostics, reportHost)
      : ts.formatDiagnostics(diagnostics, reportHost),
  );

const parseHost = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => print([d]) };
/** The programs to check: configs whose options differ only in allowJs/checkJs share one, with both on. */
const programs = [];
const optionsKey = (options) =>
  JSON.stringify({ ...options, allowJs: undefined, checkJs: undefined, configFilePath: undefined });
for (const config of configs) {
  const parsedConfig = ts.getParsedCommandLineOfConfigFile(path.join(repoRoot, config), undefined, parseHost);
  if (!parsedConfig) process.exit(1);
  const same = programs.find((p) => optionsKey(p.parsedConfig.options) === optionsKey(parsedConfig.options));
  if (!same) {
    programs.push({ names: [config], parsedConfig });
    continue;
  }
  const { options, fileNames, errors } = same.parsedConfig;
  same.names.push(config);
  same.parsedConfig = {
    ...same.parsedConfig,
    options: {
      ...options,
      allowJs: options.allowJs || parsedConfig.options.allowJs,
      checkJs: options.checkJs || parsedConfig.options.checkJs,
    },
    fileNames: [...new Set([...fileNames, ...parsedConfig.fileNames])],
    errors: [...errors, ...parsedConfig.errors],
  };
}

let failed = false;
/** Files already checked by a program, by name. */
const checked = new Set();
for (const { names, parsedConfig } of programs) {
  const config = names.join(' + ');
  const host = ts.createCompilerHost(parsedConfig.options);
  const getSourceFile = host.getSourceFile;
  host.getSourceFile = (fileName, options, onError, fresh) => {
    const key = `${fileName}\0${JSON.stringify(typeof options === 'object' ? options : { languageVersion: options })}\0${parsedConfig.options.moduleDetection}`;
    if (!fresh && parsed.has(key)) return parsed.get(key);
    const file = getSourceFile.call(host, fileName, options, onError, fresh);
    parsed.set(key, file);
    return file;
  };
  const program = ts.createProgram({
    rootNames: parsedConfig.fileNames,
    options: parsedConfig.options,
    projectReferences: parsedConfig.projectReferences,
    configFileParsingDiagnostics: parsedConfig.errors,
    host,
  });
  // A file an earlier program checked is not checked again: src/ is checked under the root config (NodeNext, no
  // skipLibCheck), stricter than the tests' Bundler resolution, and the tests program reads it for its types only.
  const own = program.getSourceFiles().filter((file) => !checked.has(file.fileName));
  const errors = [
    ...program.getConfigFileParsingDiagnostics(),
    ...program.getOptionsDiagnostics(),
    ...own.flatMap((file) => [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)]),
    ...program.getGlobalDiagnostics(),
  ];
  for (const file of own) checked.add(file.fileName);
  if (errors.length > 0) {
    failed = true;
    print(errors);
    console.log(`${config}: ${errors.length} error(s)`);
  }
}
process.exitCode = failed ? 1 : 0;
