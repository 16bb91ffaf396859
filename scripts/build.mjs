// Bundles every entry point with esbuild. Type-checking is separate (`npm run typecheck`).
//   node scripts/build.mjs               development build (sourcemaps)
//   node scripts/build.mjs --production  minified extension, webview and CLI, no tests
//   node scripts/build.mjs --watch       rebuild on change
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildGazetteer } from './gazetteer.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const watch = process.argv.includes('--watch');

/** All files below `dir` whose name ends with one of `suffixes`. */
function find(dir, suffixes) {
  const abs = join(root, dir);
  let names;
  try {
    names = readdirSync(abs);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(abs, name);
    if (statSync(path).isDirectory()) return find(join(dir, name), suffixes);
    return suffixes.some((s) => name.endsWith(s)) ? [relative(root, path)] : [];
  });
}

const common = {
  absWorkingDir: root,
  bundle: true,
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  target: 'es2022',
  legalComments: 'none',
  // Every host we run in (Node 20+, VS Code's Electron and webviews) has these. Without this, esbuild
  // turns /\p{Lu}/u literals into `new RegExp(…)` calls, compiled again on every call of a hot function.
  supported: { 'regexp-unicode-property-escapes': true, 'regexp-lookbehind-assertions': true },
};

const nodeCommon = { ...common, platform: 'node', format: 'cjs', target: 'node20' };

/** Test and harness code runs from out/, never ships, and keeps its test libraries external. */
const testExternal = ['vscode', 'mocha', 'playwright-core', '@vscode/test-electron'];

// The recogniser's word lists, made from data packages before anything that bundles them.
await buildGazetteer(root);

/**
 * Tells one build's indexes from another's: the version and a hash of the core (the parser, the rules, the
 * knowledge base, the search index) and of src/node (reading the files), so that a window of a new build
 * does not trust indexes an older one saved.
 */
function indexBuildId() {
  const hash = createHash('sha1');
  // The core, and the Node code that reads the articles the indexes are made from.
  for (const file of [...find('src/core', ['.ts', '.json']), ...find('src/node', ['.ts'])].sort()) hash.update(file).update(readFileSync(join(root, file)));
  return `${version}+${hash.digest('hex').slice(0, 12)}`;
}

const builds = [
  {
    ...nodeCommon,
    entryPoints: ['src/vscode/extension.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
    define: { __INDEX_BUILD__: JSON.stringify(indexBuildId()) },
  },
  // Places a large article's annotations off the extension host's thread.
  { ...nodeCommon, entryPoints: ['src/vscode/services/annotations/placementWorker.ts'], outfile: 'dist/placementWorker.js' },
  // Recognises names for the corpus index off the extension host's thread.
  { ...nodeCommon, entryPoints: ['src/vscode/services/entities/recognitionWorker.ts'], outfile: 'dist/recognitionWorker.js' },
  // Holds the corpus's search index off the extension host's thread.
  { ...nodeCommon, entryPoints: ['src/vscode/services/search/searchWorker.ts'], outfile: 'dist/searchWorker.js' },
  {
    ...nodeCommon,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
    define: { __VERSION__: JSON.stringify(version) },
  },
  {
    ...common,
    platform: 'browser',
    format: 'iife',
    entryPoints: ['src/webview/main.ts'],
    outfile: 'dist/webview/reader.js',
  },
  // The analysis panel: its charts (chart.js, cytoscape) bundled in, nothing loaded from elsewhere.
  {
    ...common,
    platform: 'browser',
    format: 'iife',
    entryPoints: ['src/analysis/main.ts'],
    outfile: 'dist/analysis/analysis.js',
  },
];

if (!production) {
  const testEntries = [
    ...find('test/unit', ['.test.ts']),
    ...find('test/suite', ['.spec.ts', 'index.ts']),
    ...find('test/ui', ['.ui.ts']),
    ...find('test/package', ['.pkg.ts']),
    ...find('test/harness', ['.ts']),
  ];
  builds.push({
    ...nodeCommon,
    entryPoints: testEntries,
    outdir: 'out',
    outbase: '.',
    external: testExternal,
    sourcemap: 'inline',
  });
}

function copyAssets() {
  // Resolved as Node resolves packages, so that a build in a copy of the repo without its own node_modules
  // (StrykerJS's sandbox) finds them too.
  const codicons = dirname(createRequire(join(root, 'package.json')).resolve('@vscode/codicons/dist/codicon.css'));
  const target = join(root, 'dist/webview/codicons');
  mkdirSync(target, { recursive: true });
  for (const file of ['codicon.css', 'codicon.ttf']) cpSync(join(codicons, file), join(target, file));
}

rmSync(join(root, 'dist'), { recursive: true, force: true });
if (!production) rmSync(join(root, 'out'), { recursive: true, force: true });
copyAssets();

if (watch) {
  const contexts = await Promise.all(builds.map((options) => esbuild.context(options)));
  await Promise.all(contexts.map((context) => context.watch()));
  console.log('[watch] build finished, watching for changes...');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
