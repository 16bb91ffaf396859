import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { AnnotatedReaderApi } from '../../src/vscode/extension';
import { activateApi, deleteIfExists, rowsOf, snapshotTree, waitFor, workspaceFolder, writeFile } from './helpers';

const SEED_TITLES = {
  february: [
    'Biden fremskynder telefonsamtalen med Putin om Ukraina-krisen.',
    'Den franske presidenten kom halvannen time forsinket til møtet i Moskva.',
    'Macron til Putin: Krever umiddelbar stans',
    'Putin og Macron enige om å trappe opp forsøk på diplomatisk løsning',
  ],
  january: ['Intenst diplomati - inviterer Russland til nye Nato-møter'],
};

describe('Articles view', () => {
  let api: AnnotatedReaderApi;
  const created: vscode.Uri[] = [];

  before(async () => {
    api = await activateApi();
  });

  afterEach(async () => {
    for (const uri of created.splice(0)) await deleteIfExists(uri);
    await waitFor(api, 'the test files to leave the corpus', () => api.corpus.articles().length === 5 && api.corpus.problems().length === 0);
  });

  it('shows the sample corpus: two months, newest first, five articles with their headlines', async () => {
    const tree = await snapshotTree(api);
    assert.deepEqual(
      tree.map((node) => node.label),
      ['February 2022 (4)', 'January 2022 (1)'],
    );
    assert.deepEqual(tree[0].children.map((node) => node.label), SEED_TITLES.february);
    assert.deepEqual(tree[1].children.map((node) => node.label), SEED_TITLES.january);
    const vg = tree[0].children.find((node) => node.label.startsWith('Putin og Macron'));
    assert.equal(vg?.description, 'VG · NTB, Runa Fjellanger og Kyrre Lien');
    assert.equal(vg?.command?.command, 'annotatedReader.openArticle');
  });

  it('adds an article file created in the workspace to the tree', async () => {
    const uri = vscode.Uri.joinPath(workspaceFolder(), 'nyheter', 'ny-sak.txt');
    created.push(vscode.Uri.joinPath(workspaceFolder(), 'nyheter'));
    const readInWorker = api.corpus.readInWorker();
    await writeFile(uri, ' date 2022-03 Støre møter Scholz i Berlin\n\nStatsminister Jonas Gahr Støre reiste onsdag til Berlin.\n');
    await waitFor(api, 'the new article in the corpus', () => api.corpus.articles().some((a) => a.uri === uri.toString()));
    // Read and parsed in the recognition worker, not in the extension host.
    assert.ok(api.corpus.readInWorker() > readInWorker);
    const tree = await snapshotTree(api);
    assert.deepEqual(tree.map((node) => node.label), ['March 2022 (1)', 'February 2022 (4)', 'January 2022 (1)']);
    assert.deepEqual(tree[0].children.map((node) => node.label), ['Støre møter Scholz i Berlin']);
  });

  it('reads UTF-16 files with a byte-order mark, and counts broken UTF-8 as the decoder replaces it', async () => {
    const folder = vscode.Uri.joinPath(workspaceFolder(), 'koding');
    created.push(folder);
    const utf16 = (text: string, bigEndian: boolean) => {
      const bytes = [bigEndian ? 0xfe : 0xff, bigEndian ? 0xff : 0xfe];
      for (const unit of Array.from(text, (_, i) => text.charCodeAt(i))) bytes.push(...(bigEndian ? [unit >> 8, unit & 0xff] : [unit & 0xff, unit >> 8]));
      return new Uint8Array(bytes);
    };
    const le = vscode.Uri.joinPath(folder, 'le.txt');
    const be = vscode.Uri.joinPath(folder, 'be.txt');
    const broken = vscode.Uri.joinPath(folder, 'surrogat.txt');
    await vscode.workspace.fs.writeFile(le, utf16(' date 2022-03 Støre i Ålesund (LE)\n\nTekst.\n', false));
    await vscode.workspace.fs.writeFile(be, utf16(' date 2022-03 Støre i Ålesund (BE)\n\nTekst.\n', true));
    await vscode.workspace.fs.writeFile(broken, new Uint8Array([...new TextEncoder().encode(' date 2022-03 Støre '), 0xed, 0xa0, 0x80, ...new TextEncoder().encode('\n\nTekst.\n')]));
    const uris = [le, be, broken].map((uri) => uri.toString());
    const articles = await waitFor(api, 'the three files in the corpus', () => {
      const found = uris.map((uri) => api.corpus.articles().find((a) => a.uri === uri));
      return found.every(Boolean) && found;
    });
    assert.deepEqual(
      articles.map((a) => [a?.title, a?.warnings]),
      [
        ['Støre i Ålesund (LE)', []],
        ['Støre i Ålesund (BE)', []],
        ['Støre \uFFFD\uFFFD\uFFFD', ['The file has 3 invalid UTF-8 sequences (the first at byte 21); they are shown as \uFFFD.']],
      ],
    );
  });

  it('follows an edited and then a deleted file', async () => {
    const uri = vscode.Uri.joinPath(workspaceFolder(), 'endres.txt');
    created.push(uri);
    await writeFile(uri, ' date 2021-11 Første versjon\n\nTekst.\n');
    await waitFor(api, 'the first version', () => api.corpus.articles().some((a) => a.title === 'Første versjon'));
    await writeFile(uri, ' date 2021-11 Andre versjon\n\nTekst.\n');
    await waitFor(api, 'the second version', () => api.corpus.articles().some((a) => a.title === 'Andre versjon'));
    assert.ok(!api.corpus.articles().some((a) => a.title === 'Første versjon'));
    await vscode.workspace.fs.delete(uri);
    await waitFor(api, 'the article to go', () => !api.corpus.articles().some((a) => a.uri === uri.toString()));
  });

  it('tells the tree of the changed month only when an article in a month already shown changes', async () => {
    const first = vscode.Uri.joinPath(workspaceFolder(), 'maaned-a.txt');
    const second = vscode.Uri.joinPath(workspaceFolder(), 'maaned-b.txt');
    created.push(first, second);
    await writeFile(first, ' date 2019-06 Første i juni\n\nTekst.\n');
    await waitFor(api, 'the first June article', () => api.corpus.articles().some((a) => a.title === 'Første i juni'));
    const provider = api.views.articles;
    // The tree is remade on a turn of its own after a corpus change, or at once when it is read: read it,
    // so that the new month's redraw is told before the listener is there.
    await rowsOf(provider);
    const told: unknown[] = [];
    let toldOnce: () => void = () => undefined;
    const firstTold = new Promise<void>((resolve) => (toldOnce = resolve));
    const listener = provider.onDidChangeTreeData?.((event) => {
      told.push(event);
      toldOnce();
    });
    try {
      await writeFile(second, ' date 2019-06 Andre i juni\n\nTekst.\n');
      await waitFor(api, 'the second June article', () => api.corpus.articles().some((a) => a.title === 'Andre i juni'));
      await firstTold;
      const june = (await rowsOf(provider)).find((row) => row.label.startsWith('June 2019'));
      assert.equal(told.length, 1);
      const nodes = told[0] as { kind: string; key: string }[];
      assert.ok(Array.isArray(nodes), `the tree was told of ${told[0] === undefined ? 'everything (undefined)' : 'one node, not a list'}`);
      assert.deepEqual(nodes.map((node) => `${node.kind}:${node.key}`), ['month:2019-06']);
      assert.equal(june?.label, 'June 2019 (2)');
      assert.deepEqual((await rowsOf(provider, june?.node)).map((row) => row.label).sort(), ['Andre i juni', 'Første i juni']);
    } finally {
      listener?.dispose();
    }
  });

  it('lists a malformed article file with its reason, and keeps the rest', async () => {
    const uri = vscode.Uri.joinPath(workspaceFolder(), 'feil-dato.txt');
    created.push(uri);
    await writeFile(uri, ' date 2022-13 Overskrift\n\nTekst.\n');
    await waitFor(api, 'the problem to be listed', () => api.corpus.problems().some((p) => p.uri === uri.toString()));
    const tree = await snapshotTree(api);
    assert.equal(tree[0].label, 'Could not be read (1)');
    assert.equal(tree[0].children[0].label, 'feil-dato.txt');
    assert.match(tree[0].children[0].description ?? '', /no month 13/);
    assert.deepEqual(tree.slice(1).map((node) => node.label), ['February 2022 (4)', 'January 2022 (1)']);
  });

  it('skips workspace text files that are not articles', async () => {
    const uri = vscode.Uri.joinPath(workspaceFolder(), 'notater.txt');
    const marker = vscode.Uri.joinPath(workspaceFolder(), 'markør.txt');
    created.push(uri, marker);
    await writeFile(uri, 'Bare notater, ingen artikkel.\n');
    // A real article written after it: once it shows, the notes file has been processed too.
    await writeFile(marker, ' date 2020-01 Markør\n\nTekst.\n');
    await waitFor(api, 'the marker article', () => api.corpus.articles().some((a) => a.uri === marker.toString()));
    assert.ok(!api.corpus.articles().some((a) => a.uri === uri.toString()));
    assert.ok(!api.corpus.problems().some((p) => p.uri === uri.toString()));
  });

  it('groups by year, then month, when the setting says so', async () => {
    const settings = vscode.workspace.getConfiguration('annotatedReader.articles');
    await settings.update('groupBy', 'yearMonth', vscode.ConfigurationTarget.Workspace);
    try {
      const tree = await snapshotTree(api);
      assert.deepEqual(tree.map((node) => node.label), ['2022 (5)']);
      assert.deepEqual(tree[0].children.map((node) => node.label), ['February 2022 (4)', 'January 2022 (1)']);
    } finally {
      await settings.update('groupBy', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('reads the folders named in annotatedReader.folders, listing files there that are not articles', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'annotated-reader-folder-'));
    writeFileSync(join(folder, 'utenfor.txt'), ' date 2019-05 Sak fra en annen mappe\n\nTekst.\n');
    writeFileSync(join(folder, 'uten-hode.txt'), 'Ingen dato-linje her.\n');
    const settings = vscode.workspace.getConfiguration('annotatedReader');
    try {
      await settings.update('folders', [folder, join(folder, 'finnes-ikke')], vscode.ConfigurationTarget.Workspace);
      const outside = vscode.Uri.file(join(folder, 'utenfor.txt')).toString();
      await waitFor(api, 'the article from the extra folder', () => api.corpus.articles().some((a) => a.uri === outside));
      const problem = api.corpus.problems().find((p) => p.fileName === 'uten-hode.txt');
      assert.match(problem?.reason ?? '', /does not start with the " date YYYY-MM " header/);
      const missing = api.corpus.problems().find((p) => p.fileName === 'finnes-ikke');
      assert.equal(missing?.folder, true);
      assert.match(missing?.reason ?? '', /corpus folder .*finnes-ikke \(setting annotatedReader\.folders\) cannot be read: it does not exist/);
      const tree = await snapshotTree(api);
      assert.ok(tree.some((node) => node.label === 'May 2019 (1)'));
    } finally {
      await settings.update('folders', undefined, vscode.ConfigurationTarget.Workspace);
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('shows the sample corpus in auto mode only while the workspace has no articles', async () => {
    const settings = vscode.workspace.getConfiguration('annotatedReader');
    const own = vscode.Uri.joinPath(workspaceFolder(), 'egen-sak.txt');
    try {
      await settings.update('sampleCorpus', 'auto', vscode.ConfigurationTarget.Workspace);
      await api.corpus.whenLoaded();
      assert.equal(api.corpus.articles().filter((a) => a.origin === 'sample').length, 5);
      await writeFile(own, ' date 2023-04 Min egen sak\n\nTekst.\n');
      await waitFor(api, 'the sample to give way', () => api.corpus.articles().length === 1 && api.corpus.articles()[0].uri === own.toString());
      await vscode.workspace.fs.delete(own);
      await waitFor(api, 'the sample to come back', () => api.corpus.articles().length === 5 && api.corpus.articles().every((a) => a.origin === 'sample'));
    } finally {
      await deleteIfExists(own);
      // The harness's workspace settings turn the sample on for every test.
      await settings.update('sampleCorpus', 'on', vscode.ConfigurationTarget.Workspace);
    }
  });

  it('follows a folder of articles that is renamed', async () => {
    const before = vscode.Uri.joinPath(workspaceFolder(), 'arkiv');
    const after = vscode.Uri.joinPath(workspaceFolder(), 'arkiv-2021');
    created.push(before, after);
    await writeFile(vscode.Uri.joinPath(before, 'sak.txt'), ' date 2021-06 Sak i arkivet\n\nTekst.\n');
    await waitFor(api, 'the article in the folder', () => api.corpus.articles().some((a) => a.title === 'Sak i arkivet'));
    await vscode.workspace.fs.rename(before, after);
    const moved = vscode.Uri.joinPath(after, 'sak.txt').toString();
    await waitFor(api, 'the article under its new folder', () => {
      const uris = api.corpus.articles().filter((a) => a.title === 'Sak i arkivet').map((a) => a.uri);
      return uris.length === 1 && uris[0] === moved;
    });
  });

  it('reports an invalid exclude pattern and goes on with the rest', async () => {
    const settings = vscode.workspace.getConfiguration('annotatedReader');
    try {
      await settings.update('exclude', '**/{node_modules,.git/**', vscode.ConfigurationTarget.Workspace);
      await waitFor(api, 'the pattern to be reported', () => api.corpus.problems().some((p) => /annotatedReader\.exclude is not valid/.test(p.reason)));
      await api.corpus.whenLoaded();
      assert.equal(api.corpus.articles().length, 5, 'the sample corpus is still there');
    } finally {
      await settings.update('exclude', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
