import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { repoRoot } from './helpers';

/**
 * The shape of `src/vscode`: features (one folder each) are siblings over shared services. A feature imports
 * services, `util/` and the shared settings modules, never another feature; services never import a feature or
 * the composition root (`extension.ts`, `commands.ts`); and no module imports itself round a cycle. Where one
 * feature drives another it goes through a service interface (`services/readers/articleOpener.ts`), a command or
 * an event.
 */

const vscodeRoot = join(repoRoot, 'src', 'vscode');
/** Top-level modules every layer may use. */
const SHARED_ROOT = new Set(['config', 'constants']);
/** The composition root: wires everything, imported by nothing else in src/vscode. */
const COMPOSITION_ROOT = new Set(['extension', 'commands']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The relative imports of a module (static, dynamic and re-exports), resolved to paths without `.ts`. */
export function relativeImports(file: string, text: string): string[] {
  const found: string[] = [];
  const pattern = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)'(\.{1,2}\/[^']+)'/gm;
  for (const match of text.matchAll(pattern)) found.push(resolve(dirname(file), match[1]));
  return found;
}

type Layer = { readonly kind: 'root' | 'shared' | 'util' } | { readonly kind: 'service' | 'feature'; readonly name: string } | { readonly kind: 'outside'; readonly path: string };

function layerOf(path: string): Layer {
  const rel = relative(vscodeRoot, path).split(/[\\/]/);
  if (rel[0] === '..') return { kind: 'outside', path: relative(repoRoot, path) };
  if (rel.length === 1) {
    const name = rel[0].replace(/\.ts$/, '');
    if (SHARED_ROOT.has(name)) return { kind: 'shared' };
    if (COMPOSITION_ROOT.has(name)) return { kind: 'root' };
    throw new Error(`src/vscode/${rel[0]}: a top-level module that is neither shared nor the composition root`);
  }
  if (rel[0] === 'util') return { kind: 'util' };
  if (rel[0] === 'services') return { kind: 'service', name: rel[1] };
  return { kind: 'feature', name: rel[0] };
}

const label = (layer: Layer): string =>
  layer.kind === 'service' ? `services/${layer.name}` : layer.kind === 'feature' ? layer.name : layer.kind === 'outside' ? layer.path : layer.kind;

/** Why `from` may not import `to`, or undefined when it may. */
export function forbidden(from: Layer, to: Layer): string | undefined {
  if (to.kind === 'outside') {
    if (to.path.startsWith('src/webview/') && to.path !== 'src/webview/protocol') return 'the host imports only the webview protocol';
    return undefined;
  }
  if (from.kind === 'root' || to.kind === 'shared') return undefined;
  if (to.kind === 'root') return 'only the composition root imports itself';
  if (from.kind === 'shared') return to.kind === 'util' ? undefined : 'settings modules import only util/';
  if (from.kind === 'util') return to.kind === 'util' ? undefined : 'util/ imports only util/';
  if (to.kind === 'util' || to.kind === 'service') return undefined;
  if (from.kind === 'service') return 'a service imports no feature';
  if (from.kind === 'feature' && to.kind === 'feature' && from.name !== to.name) return 'a feature imports no other feature';
  return undefined;
}

interface Edge {
  readonly from: string;
  readonly to: string;
}

function importGraph(): Edge[] {
  return sourceFiles(vscodeRoot).flatMap((file) =>
    relativeImports(file, readFileSync(file, 'utf8')).map((to) => ({ from: file.replace(/\.ts$/, ''), to })),
  );
}

/** A cycle in the graph (as a list of nodes, first repeated last), or undefined. */
export function findCycle(nodes: Iterable<string>, next: (node: string) => Iterable<string>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string[] | undefined => {
    state.set(node, 'open');
    path.push(node);
    for (const to of next(node)) {
      if (state.get(to) === 'open') return [...path.slice(path.indexOf(to)), to];
      if (!state.has(to)) {
        const cycle = visit(to);
        if (cycle) return cycle;
      }
    }
    path.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of nodes) {
    if (state.has(node)) continue;
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

const adjacency = (edges: readonly Edge[], key: (path: string) => string | undefined): Map<string, Set<string>> => {
  const map = new Map<string, Set<string>>();
  for (const edge of edges) {
    const from = key(edge.from);
    const to = key(edge.to);
    if (from === undefined || to === undefined || from === to) continue;
    if (!map.has(from)) map.set(from, new Set());
    map.get(from)?.add(to);
  }
  return map;
};

describe('architecture of src/vscode', () => {
  const edges = importGraph();

  it('finds the modules and their imports', () => {
    assert.ok(edges.length > 100, `only ${edges.length} imports found`);
    assert.ok(edges.some((edge) => edge.to.endsWith('/services/corpus/corpusService')));
  });

  it('features import services, never each other; services import no feature', () => {
    const broken = edges.flatMap((edge) => {
      const why = forbidden(layerOf(edge.from), layerOf(edge.to));
      return why ? [`${relative(repoRoot, edge.from)} -> ${relative(repoRoot, edge.to)}: ${why}`] : [];
    });
    assert.deepEqual(broken, []);
  });

  it('no module imports itself round a cycle', () => {
    const graph = adjacency(edges, (path) => (path.startsWith(vscodeRoot) ? path : undefined));
    const cycle = findCycle(graph.keys(), (node) => graph.get(node) ?? []);
    assert.equal(cycle?.map((node) => relative(vscodeRoot, node)).join(' -> '), undefined);
  });

  it('the services form layers: no service folder imports another round a cycle', () => {
    const key = (path: string): string | undefined => {
      const layer = layerOf(path);
      return layer.kind === 'service' ? label(layer) : undefined;
    };
    const graph = adjacency(edges, key);
    assert.equal(findCycle(graph.keys(), (node) => graph.get(node) ?? [])?.join(' -> '), undefined);
  });
});

describe('architecture of src/core', () => {
  it('no module imports itself round a cycle', () => {
    const coreRoot = join(repoRoot, 'src', 'core');
    const graph = new Map<string, string[]>();
    for (const file of sourceFiles(coreRoot)) {
      graph.set(file.replace(/\.ts$/, ''), relativeImports(file, readFileSync(file, 'utf8')).filter((to) => to.startsWith(coreRoot)));
    }
    assert.ok(graph.size > 50, `only ${graph.size} modules found`);
    const cycle = findCycle(graph.keys(), (node) => graph.get(node) ?? []);
    assert.equal(cycle?.map((node) => relative(coreRoot, node)).join(' -> '), undefined);
  });
});

describe('architecture rules themselves', () => {
  const feature = (name: string): Layer => ({ kind: 'feature', name });
  const service = (name: string): Layer => ({ kind: 'service', name });
  const table: readonly [Layer, Layer, boolean][] = [
    [feature('reader'), service('corpus'), true],
    [feature('reader'), feature('reader'), true],
    [feature('search'), feature('reader'), false],
    [service('index'), feature('entities'), false],
    [service('index'), service('entities'), true],
    [feature('reader'), { kind: 'root' }, false],
    [{ kind: 'root' }, feature('reader'), true],
    [{ kind: 'root' }, { kind: 'root' }, true],
    [service('corpus'), { kind: 'root' }, false],
    [{ kind: 'util' }, service('corpus'), false],
    [feature('reader'), { kind: 'outside', path: 'src/webview/protocol' }, true],
    [feature('reader'), { kind: 'outside', path: 'src/webview/main' }, false],
    [service('corpus'), { kind: 'outside', path: 'src/core/parse' }, true],
  ];
  for (const [from, to, allowed] of table) {
    it(`${label(from)} -> ${label(to)}: ${allowed ? 'allowed' : 'forbidden'}`, () => {
      assert.equal(forbidden(from, to) === undefined, allowed);
    });
  }

  it('finds a cycle and only a cycle', () => {
    const graphs: readonly [Record<string, string[]>, boolean][] = [
      [{ a: ['b'], b: ['c'], c: [] }, false],
      [{ a: ['b', 'c'], b: ['c'], c: [] }, false],
      [{ a: ['b'], b: ['c'], c: ['a'] }, true],
      [{ a: ['a'] }, true],
      [{ a: [], b: ['c'], c: ['b'] }, true],
    ];
    for (const [graph, cyclic] of graphs) {
      const cycle = findCycle(Object.keys(graph), (node) => graph[node] ?? []);
      assert.equal(cycle !== undefined, cyclic, JSON.stringify(graph));
      if (cycle) assert.equal(cycle[0], cycle[cycle.length - 1]);
    }
  });

  it('reads static, dynamic and type imports', () => {
    const text = "import * as a from './a';\nimport type { B } from '../b';\nconst c = await import('./c');\nimport './d';\nimport x from 'vscode';";
    assert.deepEqual(
      relativeImports('/x/y/file.ts', text).map((path) => relative('/x', path)),
      ['y/a', 'b', 'y/c', 'y/d'],
    );
  });
});
