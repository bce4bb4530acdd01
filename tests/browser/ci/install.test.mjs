// install.sh, offline: the URLs it would fetch for each OS and processor (--dry-run), its
// errors, and a whole install from a release laid out in a temporary folder (file:// as
// STEPWISE_DOWNLOAD_BASE): the archive is checked against SHA256SUMS, and a mismatch
// installs nothing.

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

import { fakeRelease } from './release.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

const SCRIPT = join(REPO, 'install.sh');
const RELEASES = 'https://github.com/stepwise-docs/stepwise/releases/download';

/** Runs install.sh with `args` under POSIX sh; the environment without STEPWISE_* unless given. */
function install(args, env = {}) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('STEPWISE_')));
  const run = spawnSync('sh', [SCRIPT, ...args], { encoding: 'utf8', env: { ...clean, HOME: '/home/reader', ...env } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

test('install.sh is valid POSIX sh', () => {
  execFileSync('sh', ['-n', SCRIPT]);
});

for (const [os, arch, target] of [
  ['linux', 'x86_64', 'x86_64-unknown-linux-musl'],
  ['linux', 'aarch64', 'aarch64-unknown-linux-musl'],
  ['macos', 'arm64', 'aarch64-apple-darwin'],
]) {
  test(`--dry-run on ${os} ${arch} prints the ${target} archive of the release`, () => {
    const run = install(['--dry-run', '--version', '0.1.0', '--os', os, '--arch', arch]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(
      run.stdout,
      [
        'version:   0.1.0',
        `target:    ${target}`,
        `archive:   ${RELEASES}/v0.1.0/stepwise-0.1.0-${target}.tar.gz`,
        `checksums: ${RELEASES}/v0.1.0/SHA256SUMS`,
        'install:   /home/reader/.local/bin/stepwise',
        '',
      ].join('\n'),
    );
  });
}

test('--dry-run on Windows prints the zip, --to the folder, a v prefix is accepted', () => {
  const run = install(['--dry-run', '--version=v1.2.0-rc.1', '--os', 'windows', '--arch', 'amd64', '--to', '/opt/tools']);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^archive: +\S+\/v1\.2\.0-rc\.1\/stepwise-1\.2\.0-rc\.1-x86_64-pc-windows-msvc\.zip$/m);
  assert.match(run.stdout, /^install: +\/opt\/tools\/stepwise\.exe$/m);
});

test('--dry-run without --version names the latest release, and a fork its own', () => {
  const run = install(['--dry-run', '--os', 'linux', '--arch', 'x86_64'], { STEPWISE_REPO: 'someone/stepwise-fork' });
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^version: +latest \(looked up at https:\/\/github\.com\/someone\/stepwise-fork\/releases\/latest\)$/m);
  assert.match(run.stdout, /^archive: +https:\/\/github\.com\/someone\/stepwise-fork\/releases\/download\/vVERSION\//m);
});

for (const [args, code, message] of [
  [['--os', 'freebsd'], 1, 'error: there is no prebuilt stepwise for the OS `freebsd`\nhelp: build it from source with `cargo install stepwise`'],
  [['--os', 'linux', '--arch', 'armv7l'], 1, 'error: there is no prebuilt stepwise for the processor `armv7l` on linux\n'],
  [['--os', 'windows', '--arch', 'aarch64'], 1, 'error: there is no prebuilt stepwise for windows on aarch64\n'],
  [['--version', '1.2'], 2, 'error: `1.2` is not a version such as 0.1.0 (or `latest`)\n'],
  [['--version', '1.2.3;rm'], 2, 'error: `1.2.3;rm` is not a version'],
  [['--to'], 2, 'error: --to needs a value\n'],
  [['--to', '--dry-run'], 2, 'error: --to needs a value\n'],
  [['--colour'], 2, 'error: unknown option `--colour`\nhelp: run `install.sh --help` for the options\n'],
]) {
  test(`install.sh ${args.join(' ')} fails with exit ${code} and says why`, () => {
    const run = install([...args, '--dry-run']);
    assert.equal(run.code, code, run.stderr);
    assert.ok(run.stderr.startsWith(message), run.stderr);
    assert.equal(run.stdout, '');
  });
}

test('--help describes every option', () => {
  const run = install(['--help']);
  assert.equal(run.code, 0);
  for (const option of ['--version', '--to', '--os', '--arch', '--dry-run', 'STEPWISE_DOWNLOAD_BASE']) {
    assert.ok(run.stdout.includes(option), option);
  }
});

test('a release is downloaded, verified against SHA256SUMS and installed into --to', () => {
  const release = fakeRelease();
  const run = install(release.args, release.env);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(readFileSync(release.installed, 'utf8'), release.binary);
  assert.equal(statSync(release.installed).mode & 0o777, 0o755);
  assert.match(run.stdout, /^Installed stepwise 9\.9\.9 \(x86_64-unknown-linux-musl\) in .*\/bin\/stepwise$/m);
  assert.match(run.stderr, /note: .*\/bin is not on your PATH/);
  assert.equal(execFileSync(release.installed, { encoding: 'utf8' }), 'stepwise 9.9.9\n');
  // A second run replaces the binary in place.
  assert.equal(install(release.args, release.env).code, 0);
});

test('an archive whose checksum does not match SHA256SUMS installs nothing', () => {
  const release = fakeRelease();
  writeFileSync(join(release.dir, 'SHA256SUMS'), `${'1'.repeat(64)}  ${release.name}.tar.gz\n`);
  const run = install(release.args, release.env);
  assert.equal(run.code, 1);
  assert.ok(
    run.stderr.includes(`error: the checksum of ${release.name}.tar.gz does not match SHA256SUMS (expected ${'1'.repeat(64)}, got ${release.sha})`),
    run.stderr,
  );
  assert.match(run.stderr, /help: the download is damaged or was changed: nothing was installed/);
  assert.ok(!existsSync(join(release.root, 'bin')), 'no folder was made');
});

test('a SHA256SUMS without the archive, and a missing release, are errors', () => {
  const release = fakeRelease();
  writeFileSync(join(release.dir, 'SHA256SUMS'), `${'0'.repeat(64)}  other.tar.gz\n`);
  let run = install(release.args, release.env);
  assert.equal(run.code, 1);
  assert.match(run.stderr, /error: SHA256SUMS of v9\.9\.9 has no line for stepwise-9\.9\.9-x86_64-unknown-linux-musl\.tar\.gz/);

  run = install(['--version', '9.9.8', ...release.args.slice(2)], release.env);
  assert.equal(run.code, 1);
  assert.match(run.stderr, /error: could not download file:\/\/.*\/v9\.9\.8\/stepwise-9\.9\.8-x86_64-unknown-linux-musl\.tar\.gz\nhelp: check that release v9\.9\.8 exists/);
  assert.ok(!existsSync(release.installed));
});
