// The npm package as a user gets it: the packed .tgz holds exactly what ships,
// installs into a fresh project without a registry, prices in Node as the CLI
// does, and its types accept correct use and refuse misuse under tsc.
// Needs build/labelcost-<version>.tgz (the wasm preset) and build/native.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { root, version, tarball, cli, consumerProject } from './consumer.mjs';

const tsc = path.join(root, 'node_modules/typescript/bin/tsc');

// What ships, and nothing else: the module, the element, the cards and
// presets with their schemas, the types, and the package's documents.
const SHIPPED = [
  'CHANGELOG.md', 'LICENSE', 'README.md', 'package.json',
  'engine.js', 'engine.d.ts', 'types.d.ts', 'codes.d.ts', 'labelcost-engine.js', 'labelcost-engine.wasm',
  'embed.js', 'embed.d.ts', 'frame.js', 'frame.d.ts',
  'rates/aws-documented-2026-11.json', 'rates/aws-documented-2026-12.json', 'rates/wring-2026-03.json',
  'rates/presets/active-learning-table.json', 'rates/presets/autonomous-driving.json',
  'rates/presets/computer-vision-startup.json', 'rates/presets/faq-100k.json', 'rates/presets/index.json',
  'rates/presets/label-types-100k.json', 'rates/presets/label-types-10k.json', 'rates/presets/nlp-team.json',
  'rates/schema/rate-card.schema.json', 'rates/schema/scenario.schema.json',
];

describe('npm package', () => {
  /** @type {ReturnType<typeof consumerProject>} (set before the tests run) */
  let project;
  before(() => {
    project = consumerProject('node');
  });
  after(() => project?.remove());

  test('the tarball holds exactly the files that ship', () => {
    const listed = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' }).trim().split('\n')
      .map((f) => f.replace(/^package\//, ''));
    const chunks = listed.filter((f) => f.startsWith('chunks/'));
    assert.ok(chunks.length > 0, 'the element\'s chunks');
    for (const c of chunks) assert.match(c, /^chunks\/[\w-]+-[A-Z0-9]{8}\.js$/);
    assert.deepEqual(listed.filter((f) => !f.startsWith('chunks/')).sort(), [...SHIPPED].sort());
  });

  test('its package.json: the one version, exports, side effects, Node 20', () => {
    const manifest = JSON.parse(readFileSync(project.file('node_modules/labelcost/package.json'), 'utf8'));
    assert.equal(manifest.version, version);
    assert.equal(manifest.private, undefined);
    assert.equal(manifest.engines.node, '>=20');
    assert.deepEqual(Object.keys(manifest.exports).sort(),
      ['.', './embed', './frame', './labelcost-engine.wasm', './package.json', './rates/*.json']);
    assert.deepEqual(manifest.sideEffects, ['./embed.js', './frame.js', './chunks/*.js']);
  });

  test('in Node: labelcost prices a preset to the article\'s total, as the CLI does', () => {
    project.write('price.mjs', `
      import { loadEngine, LabelcostError } from 'labelcost';
      import preset from 'labelcost/rates/presets/computer-vision-startup.json' with { type: 'json' };
      import card from 'labelcost/rates/wring-2026-03.json' with { type: 'json' };
      import manifest from 'labelcost/package.json' with { type: 'json' };
      const engine = await loadEngine();
      const { aliases, ...prices } = card;
      const own = engine.estimate({ ...preset, rates: { ...prices, id: 'our-copy' } });
      let refused = null;
      try { engine.estimate({ labelcost: 1, items: [{ kind: 'labeling', task: 'image/bounding-box', objects: -1, workforce: 'mturk' }] }); }
      catch (error) { refused = error instanceof LabelcostError ? error.errors[0] : String(error); }
      const hidden = await import('labelcost/engine.js').then(() => 'imported', (e) => e.code);
      console.log(JSON.stringify({ total: engine.estimate(preset).total, own: own.total, custom: own.rates.custom,
        version: engine.version().engine, manifest: manifest.version, refused, hidden }));
    `);
    const out = JSON.parse(execFileSync(process.execPath, ['price.mjs'], { cwd: project.dir, encoding: 'utf8' }));
    // The article's "computer vision startup": $1,021.15 (also the CLI test's golden figure).
    assert.equal(out.total, '1021.15');
    assert.equal(out.total, cli('estimate', '--preset', 'computer-vision-startup', '--format', 'json').total);
    assert.equal(out.own, '1021.15', 'the card, imported as JSON and given as the scenario\'s own');
    assert.equal(out.custom, true);
    assert.equal(out.version, version);
    assert.equal(out.manifest, version);
    assert.deepEqual([out.refused.code, out.refused.path], ['negative', 'items[0].objects']);
    assert.equal(out.hidden, 'ERR_PACKAGE_PATH_NOT_EXPORTED', 'only the exports are reachable');
  });

  test('the package README\'s Node examples run as written', () => {
    const readme = readFileSync(project.file('node_modules/labelcost/README.md'), 'utf8');
    const blocks = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
    const engine = /** @type {string} */ (blocks.find((b) => b.includes("from 'labelcost'") && b.includes('estimate(')));
    const json = blocks.find((b) => b.includes("with { type: 'json' }"));
    project.write('readme.mjs', `${engine}\n${json}\nconsole.log(JSON.stringify({ total: result.total, card: card.id, preset: nlpTeam.name }));\n`);
    const out = JSON.parse(execFileSync(process.execPath, ['readme.mjs'], { cwd: project.dir, encoding: 'utf8' }));
    // 20,000 bounding boxes at the article's $0.036: $720.00, as the README says.
    assert.match(engine, /result\.total;\s+\/\/ "720\.00"/);
    assert.deepEqual(out, { total: '720.00', card: 'aws-documented-2026-12', preset: 'NLP team (text classification)' });
  });

  describe('TypeScript', () => {
    const tsconfig = (/** @type {string} */ file) => JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext',
        lib: ['es2022', 'dom'], types: [], resolveJsonModule: true, skipLibCheck: false },
      files: [file],
    });
    const check = (/** @type {string} */ config) => spawnSync(process.execPath, [tsc, '-p', config, '--pretty', 'false'], { cwd: project.dir, encoding: 'utf8' });

    test('correct use type-checks, the package\'s own .d.ts included', () => {
      project.write('good.ts', `
        import { loadEngine, LabelcostError, type Scenario, type Result, type Code } from 'labelcost';
        import 'labelcost/embed';
        import 'labelcost/frame';
        import card from 'labelcost/rates/wring-2026-03.json' with { type: 'json' };
        const scenario: Scenario = { labelcost: 1, schedule: { annotators: 4 }, items: [
          { kind: 'labeling', task: 'image/bounding-box', objects: 20000, workforce: 'mturk', active_learning: { auto_fraction: '0.7' } },
          { kind: 'storage', gb: 50, months: 1 },
          { kind: 'discount', fraction: 0.1, of: 'labeling' },
          { kind: 'credit', amount: '100' },
        ] };
        const engine = await loadEngine({ wasmUrl: new URL('labelcost-engine.wasm', 'https://example.com/') });
        const result: Result = engine.estimate(scenario);
        const total: string = result.total;
        const weeks: string | null | undefined = result.schedule?.weeks;
        const most: number = engine.budget({ budget: 5000, scenario }).objects;
        const delta: string | undefined = engine.compareScenarios({ scenarios: [scenario, scenario] }).plans[1].delta?.total;
        const table = engine.savingsTable({ task: 'image/classification', sizes: [10000] }).rows[0].saved;
        try {
          engine.estimate('{}');
        } catch (error) {
          if (error instanceof LabelcostError) {
            const code: Code | 'load_failed' = error.code;
            console.log(code, error.errors[0].path);
          }
        }
        const element = document.querySelector('labelcost-calculator');
        element?.addEventListener('labelcost-change', (event) => console.log(event.detail.total.length));
        const latest: Result | null | undefined = element?.result;
        const id: string = card.id;
        console.log(total, weeks, most, delta, table, latest, id);
      `);
      project.write('tsconfig.good.json', tsconfig('good.ts'));
      const run = check('tsconfig.good.json');
      assert.equal(run.status, 0, run.stdout + run.stderr);
    });

    test('a Node project, without the DOM\'s types, type-checks the engine too', () => {
      project.write('node.ts', [
        "import { loadEngine, type Result } from 'labelcost';",
        'const engine = await loadEngine();',
        "const result: Result = engine.estimate({ labelcost: 1, items: [{ kind: 'fixed', amount: 5 }] });",
        'console.log(result.total);',
      ].join('\n'));
      project.write('tsconfig.node.json', JSON.stringify({
        compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext',
          lib: ['es2022'], types: ['node'], typeRoots: [path.join(root, 'node_modules/@types')], skipLibCheck: false },
        files: ['node.ts'],
      }));
      const run = check('tsconfig.node.json');
      assert.equal(run.status, 0, run.stdout + run.stderr);
    });

    test('misuse fails with the expected diagnostics', () => {
      const lines = [
        "import { loadEngine, type Scenario } from 'labelcost';",
        "import 'labelcost/embed';",
        'const engine = await loadEngine();',
        "const a: Scenario = { labelcost: 1, items: [{ kind: 'labeling', task: 'image/bounding-box', objetcs: 100, workforce: 'mturk' }] };",
        "const b: Scenario = { labelcost: 1, items: [{ kind: 'labelling', amount: 5 }] };",
        "const c: Scenario = { labelcost: 1, items: [{ kind: 'labeling', task: 'image/bounding-boxes', objects: 1, workforce: 'mturk' }] };",
        "const d: Scenario = { labelcost: 2, items: [] };",
        "console.log(engine.estimate({ labelcost: 1, items: [] }).totl);",
        "document.querySelector('labelcost-calculator')!.result = null;",
        "engine.budget({ scenario: { labelcost: 1, items: [] } });",
        'console.log(a, b, c, d);',
      ];
      project.write('bad.ts', `${lines.join('\n')}\n`);
      project.write('tsconfig.bad.json', tsconfig('bad.ts'));
      const run = check('tsconfig.bad.json');
      assert.notEqual(run.status, 0);
      const found = [...run.stdout.matchAll(/^bad\.ts\((\d+),\d+\): error (TS\d+): (.*)$/gm)].map((m) => `${m[1]} ${m[2]}`);
      assert.deepEqual(found, [
        '4 TS2561', // 'objetcs' does not exist in type 'LabelingItem'. Did you mean to write 'objects'?
        '5 TS2820', // "labelling" is no item kind. Did you mean "labeling"?
        '6 TS2820', // "image/bounding-boxes" is no task. Did you mean "image/bounding-box"?
        '7 TS2322', // the scenario format is 1
        '8 TS2551', // Did you mean 'total'?
        '9 TS2540', // result is read-only
        '10 TS2345', // a budget request needs its budget
      ], run.stdout);
      assert.match(run.stdout, /'objetcs' does not exist in type 'LabelingItem'\. Did you mean to write 'objects'\?/);
      assert.match(run.stdout, /'"image\/bounding-boxes"' is not assignable to type 'Task'\. Did you mean '"image\/bounding-box"'\?/);
      assert.match(run.stdout, /Did you mean 'total'\?/);
    });
  });
});

test('all of the project\'s JavaScript (the page, the scripts, the benchmarks, the tests) passes tsc --checkJs --strict', () => {
  const run = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.json'), '--pretty', 'false'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stdout + run.stderr);
});
