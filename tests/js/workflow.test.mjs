// The GitHub workflow cannot run here, so it is checked as far as it can be:
// it parses, every job and step is well formed, what a job needs and
// downloads exists, every `run` script is valid bash, the release publishes
// what it should with provenance, and its version check is run for real.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { parse } from 'yaml';

/**
 * The parts of a GitHub workflow these tests read.
 * @typedef {{name?: string, uses?: string, run?: string, with?: Record<string, string>, env?: Record<string, string>}} Step
 * @typedef {{'runs-on': string, needs?: string | string[], if?: string, permissions?: Record<string, string>, steps: Step[]}} Job
 * @typedef {{on: unknown, jobs: Record<string, Job>}} Workflow
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = path.join(root, '.github/workflows');
const workflows = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f))
  .map((f) => ({ file: f, doc: /** @type {Workflow} */ (parse(readFileSync(path.join(dir, f), 'utf8'), { strict: true, uniqueKeys: true })) }));
const ci = /** @type {{doc: Workflow & {on: {push: {tags: string[]}}}}} */ (workflows.find((w) => w.file === 'ci.yml')).doc;

// ${{ … }} stands for a value the runner fills in: a word, for bash.
const unexpress = (/** @type {string} */ script) => script.replace(/\$\{\{[^}]*\}\}/g, 'EXPR');

describe('workflow', () => {
  test('every job runs somewhere and every step either uses an action or runs a script', () => {
    for (const { file, doc } of workflows) {
      assert.ok(doc.on, `${file}: no trigger`);
      for (const [name, job] of Object.entries(doc.jobs)) {
        assert.match(job['runs-on'], /^ubuntu-/, `${file} ${name}`);
        for (const need of [job.needs ?? []].flat()) assert.ok(doc.jobs[need], `${file} ${name} needs ${need}`);
        for (const step of job.steps) {
          assert.ok(('uses' in step) !== ('run' in step), `${file} ${name}: ${JSON.stringify(step)}`);
          if (step.uses) assert.match(step.uses, /^[\w-]+\/[\w-]+@v\d+$/, 'actions pinned to a major version');
        }
      }
    }
  });

  test('every run script is valid bash, and every ${{ }} expression is closed', () => {
    for (const { file, doc } of workflows) {
      for (const [name, job] of Object.entries(doc.jobs)) {
        for (const step of /** @type {(Step & {run: string})[]} */ (job.steps.filter((s) => s.run))) {
          assert.equal((step.run.match(/\$\{\{/g) ?? []).length, (step.run.match(/\}\}/g) ?? []).length, step.run);
          const check = spawnSync('bash', ['-n', '-c', unexpress(step.run)], { encoding: 'utf8' });
          assert.equal(check.status, 0, `${file} ${name} "${step.name ?? step.run}": ${check.stderr}`);
        }
      }
    }
  });

  test('a job downloads only artifacts the job it needs uploads', () => {
    for (const [name, job] of Object.entries(ci.jobs)) {
      const uploaded = new Set([job.needs ?? []].flat().flatMap((n) => ci.jobs[n].steps)
        .filter((s) => s.uses?.startsWith('actions/upload-artifact')).map((s) => /** @type {Record<string, string>} */ (s.with).name));
      for (const step of /** @type {(Step & {with: Record<string, string>})[]} */ (job.steps.filter((s) => s.uses?.startsWith('actions/download-artifact')))) {
        assert.ok(uploaded.has(step.with.name), `${name} downloads ${step.with.name}`);
      }
    }
  });

  test('the release runs on v* tags, after the tests, and publishes the package with provenance', () => {
    assert.deepEqual(ci.on.push.tags, ['v*']);
    const release = ci.jobs.release;
    assert.equal(release.if, "startsWith(github.ref, 'refs/tags/v')");
    assert.equal(release.needs, 'build-and-test');
    assert.deepEqual(release.permissions, { contents: 'write', 'id-token': 'write' });
    const runs = release.steps.map((s) => s.run ?? '').join('\n');
    assert.match(runs, /gh release upload "\$TAG" site\/labelcost\.html dist\/labelcost-\*\.tgz/);
    const publish = /** @type {Step & {run: string, env: Record<string, string>}} */ (release.steps.find((s) => /npm publish/.test(s.run ?? '')));
    assert.match(publish.run, /^npm publish dist\/labelcost-\*\.tgz --provenance --access public$/);
    assert.equal(publish.env.NODE_AUTH_TOKEN, '${{ secrets.NPM_TOKEN }}');
    const node = /** @type {Step & {with: Record<string, string>}} */ (release.steps.find((s) => s.uses?.startsWith('actions/setup-node')));
    assert.equal(node.with['registry-url'], 'https://registry.npmjs.org');
    assert.ok(release.steps.indexOf(node) < release.steps.indexOf(publish));
    // The tests that gate it include the package's.
    const tests = ci.jobs['build-and-test'].steps.map((s) => s.run ?? '').join('\n');
    assert.match(tests, /node --test tests\/wasm\/ tests\/js\/ tests\/package\//);
  });

  describe('the release\'s version check, run on a copy', () => {
    const step = /** @type {Step & {run: string}} */ (ci.jobs.release.steps.find((s) => /CHANGELOG/.test(s.name ?? '')));
    const CHANGELOG = '# Changelog\n\n## [Unreleased]\n\n## [1.2.0] - 2027-01-15\n\n### Added\n- Plans.\n\n## [1.1.0] - 2026-12-20\n\n- Older.\n';
    /**
     * @param {string} tag
     * @param {string} [changelog]
     * @param {string} [version]
     */
    function run(tag, changelog = CHANGELOG, version = '1.2.0') {
      const work = mkdtempSync(path.join(tmpdir(), 'labelcost-release-'));
      try {
        writeFileSync(path.join(work, 'package.json'), JSON.stringify({ version }));
        writeFileSync(path.join(work, 'CHANGELOG.md'), changelog);
        const r = spawnSync('bash', ['-e', '-c', step.run], { cwd: work, encoding: 'utf8', env: { ...process.env, TAG: tag } });
        let notes = null;
        try { notes = readFileSync(path.join(work, 'release-notes.md'), 'utf8'); } catch { /* none */ }
        return { status: r.status, stderr: r.stderr, notes };
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    }

    test('the tag of package.json\'s version, with its section: passes, with that section as the notes', () => {
      const r = run('v1.2.0');
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.notes, '\n### Added\n- Plans.\n\n');
    });

    test('another tag, or a version still under Unreleased, is refused', () => {
      const other = run('v1.1.0');
      assert.equal(other.status, 1);
      assert.match(other.stderr, /the tag v1\.1\.0 is not package\.json's version v1\.2\.0/);
      const unreleased = run('v1.3.0', CHANGELOG, '1.3.0');
      assert.equal(unreleased.status, 1);
      assert.match(unreleased.stderr, /CHANGELOG\.md has no section '## \[1\.3\.0\] - YYYY-MM-DD'/);
    });
  });
});
