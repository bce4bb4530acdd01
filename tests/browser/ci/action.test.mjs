// The shell steps of action.yml, run as GitHub runs them (bash -e, with RUNNER_TEMP,
// GITHUB_PATH, GITHUB_OUTPUT and GITHUB_ACTION_PATH), offline: the install step installs the
// release of the action's own tag from a release in a temporary folder, and the check step
// runs `stepwise check` (a stand-in that logs its arguments) in both formats and reports its
// exit status and the SARIF file.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import { REPO, yamlValue } from './lint.mjs';
import { fakeRelease } from './release.mjs';

const steps = yamlValue('action.yml').runs.steps;
const step = (name) => steps.find((s) => s.name === name);

// Logs its arguments; `check` exits with FAKE_EXIT and prints a SARIF document for sarif.
const STAND_IN = `#!/bin/sh
[ "$1" = --version ] && { echo "stepwise 9.9.9"; exit 0; }
echo "$*" >> "$FAKE_LOG"
case " $* " in *" --format sarif "*) echo '{"version": "2.1.0", "runs": []}' ;; esac
exit "\${FAKE_EXIT:-0}"
`;

/** A runner's folders; `run(step, env)` runs a step's script there. */
function runner() {
  const root = mkdtempSync(join(tmpdir(), 'stepwise-action-'));
  process.on('exit', () => rmSync(root, { recursive: true, force: true }));
  const files = { temp: join(root, 'temp'), path: join(root, 'github_path'), output: join(root, 'github_output'), log: join(root, 'log') };
  mkdirSync(files.temp);
  for (const f of [files.path, files.output, files.log]) writeFileSync(f, '');
  const run = (script, env) => {
    const out = spawnSync('bash', ['--noprofile', '--norc', '-e', '-o', 'pipefail', '-c', script], {
      encoding: 'utf8',
      cwd: REPO,
      env: {
        PATH: process.env.PATH,
        HOME: root,
        RUNNER_TEMP: files.temp,
        GITHUB_PATH: files.path,
        GITHUB_OUTPUT: files.output,
        FAKE_LOG: files.log,
        ...env,
      },
    });
    return { code: out.status, stdout: out.stdout, stderr: out.stderr };
  };
  const outputs = () => Object.fromEntries(readFileSync(files.output, 'utf8').trim().split('\n').filter(Boolean).map((l) => l.split(/=(.*)/s).slice(0, 2)));
  return { root, files, run, outputs };
}

/** The target install.sh picks on this machine. */
function thisTarget() {
  const out = spawnSync('sh', [join(REPO, 'install.sh'), '--dry-run', '--version', '1.0.0'], { encoding: 'utf8' });
  return out.stdout.match(/^target: +(\S+)$/m)[1];
}

/** The action checked out as the runner does: .../_actions/OWNER/REPO/REF/. */
function checkout(r, ref) {
  const dir = join(r.root, '_actions', 'someone', 'stepwise', ref);
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(REPO, 'install.sh'), join(dir, 'install.sh'));
  return dir;
}

test("the install step installs the release of the action's tag when version is latest", () => {
  const release = fakeRelease({ target: thisTarget(), binary: STAND_IN });
  const r = runner();
  const env = { ...release.env, GITHUB_ACTION_PATH: checkout(r, 'v9.9.9'), INPUT_VERSION: 'latest', ACTION_REPOSITORY: '', ACTION_REF: '' };
  const out = r.run(step('Install stepwise').run, env);
  assert.equal(out.code, 0, out.stderr);
  const bin = join(r.files.temp, 'stepwise-bin');
  assert.equal(readFileSync(r.files.path, 'utf8'), `${bin}\n`);
  assert.equal(readFileSync(join(bin, 'stepwise'), 'utf8'), STAND_IN);
  assert.match(out.stdout, /^Installed stepwise 9\.9\.9 /m);
  assert.match(out.stdout, /^stepwise 9\.9\.9$/m);
});

test('the install step takes the ref from the github context, and an explicit version over it', () => {
  const release = fakeRelease({ target: thisTarget(), binary: STAND_IN });
  const r = runner();
  const path = checkout(r, 'main');
  let out = r.run(step('Install stepwise').run, { ...release.env, GITHUB_ACTION_PATH: path, INPUT_VERSION: 'latest', ACTION_REPOSITORY: 'someone/stepwise', ACTION_REF: 'v9.9.9' });
  assert.equal(out.code, 0, out.stderr);
  // At a branch, `latest` is the latest release; an explicit version that does not exist fails.
  out = r.run(step('Install stepwise').run, { ...release.env, GITHUB_ACTION_PATH: path, INPUT_VERSION: '9.9.7', ACTION_REPOSITORY: 'someone/stepwise', ACTION_REF: 'v9.9.9' });
  assert.equal(out.code, 1);
  assert.match(out.stderr, /error: could not download .*\/v9\.9\.7\//);
});

function checkStep(env) {
  const r = runner();
  const bin = join(r.root, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'stepwise'), STAND_IN, { mode: 0o755 });
  const out = r.run(step('Check guides').run, { PATH: `${bin}:${process.env.PATH}`, INPUT_PATH: 'guides', INPUT_ARGS: '', INPUT_SARIF: 'true', ...env });
  return { out, outputs: r.outputs(), log: readFileSync(r.files.log, 'utf8'), sarif: join(r.files.temp, 'stepwise.sarif') };
}

test('the check step runs both formats with the args, and reports errors without failing yet', () => {
  const { out, outputs, log, sarif } = checkStep({ INPUT_ARGS: '--deny-warnings --color never', FAKE_EXIT: '1' });
  assert.equal(out.code, 0, out.stderr);
  assert.equal(log, 'check guides --format github --deny-warnings --color never\ncheck guides --format sarif --deny-warnings --color never\n');
  assert.deepEqual(outputs, { 'sarif-file': sarif, 'exit-code': '1' });
  assert.deepEqual(JSON.parse(readFileSync(sarif, 'utf8')), { version: '2.1.0', runs: [] });
});

test('the check step writes no SARIF with sarif false, and none when the check cannot run', () => {
  let { out, outputs, log } = checkStep({ INPUT_SARIF: 'false' });
  assert.equal(out.code, 0, out.stderr);
  assert.equal(log, 'check guides --format github\n');
  assert.deepEqual(outputs, { 'sarif-file': '', 'exit-code': '0' });

  ({ out, outputs } = checkStep({ FAKE_EXIT: '2' }));
  assert.equal(out.code, 0, out.stderr);
  assert.deepEqual(outputs, { 'sarif-file': '', 'exit-code': '2' });
});

test('the last step fails the job with the exit status of the check', () => {
  const r = runner();
  const fail = step('Fail on errors');
  assert.equal(fail.if, "steps.check.outputs.exit-code != '0'");
  const out = r.run(fail.run, { EXIT_CODE: '1' });
  assert.equal(out.code, 1);
  assert.match(out.stdout, /stepwise check exited with status 1/);
  const upload = step('Upload SARIF to code scanning');
  assert.equal(upload.uses, 'github/codeql-action/upload-sarif@v4');
  assert.equal(upload.with.sarif_file, '${{ steps.check.outputs.sarif-file }}');
});
