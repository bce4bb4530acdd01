// A release laid out in a temporary folder, as install.sh downloads it (for offline tests of
// install.sh and action.yml).

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * A release v9.9.9 in a temporary folder, with one archive (for `target`) holding `binary` as
 * `stepwise`: its file:// URL (`env`), install.sh's arguments for it and the paths.
 */
export function fakeRelease({ target = 'x86_64-unknown-linux-musl', binary = '#!/bin/sh\necho "stepwise 9.9.9"\n' } = {}) {
  const root = mkdtempSync(join(tmpdir(), 'stepwise-install-'));
  process.on('exit', () => rmSync(root, { recursive: true, force: true }));
  const name = `stepwise-9.9.9-${target}`;
  const dir = join(root, 'v9.9.9');
  mkdirSync(join(dir, name), { recursive: true });
  writeFileSync(join(dir, name, 'stepwise'), binary);
  chmodSync(join(dir, name, 'stepwise'), 0o755);
  writeFileSync(join(dir, name, 'README.md'), '# Stepwise\n');
  execFileSync('tar', ['-czf', `${name}.tar.gz`, name], { cwd: dir });
  rmSync(join(dir, name), { recursive: true });
  const sha = createHash('sha256').update(readFileSync(join(dir, `${name}.tar.gz`))).digest('hex');
  const sums = `${'0'.repeat(64)}  stepwise-9.9.9-aarch64-unknown-linux-musl.tar.gz\n${sha}  ${name}.tar.gz\n`;
  writeFileSync(join(dir, 'SHA256SUMS'), sums);
  const args = ['--version', '9.9.9', '--os', 'linux', '--arch', 'x86_64', '--to', join(root, 'bin')];
  const env = { STEPWISE_DOWNLOAD_BASE: pathToFileURL(root).href, PATH: process.env.PATH };
  return { root, dir, name, binary, sha, args, env, installed: join(root, 'bin', 'stepwise') };
}
