// The workflows, action.yml and .pre-commit-hooks.yaml pass their checks (lint.mjs), and
// each check rejects a broken file of tests/fixtures/ci; every file that names the
// project's home names the `repository` of Cargo.toml; the release builds every target
// install.sh downloads.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { lintAction, lintHooks, lintWorkflow, REPO, yamlValue } from './lint.mjs';

const WORKFLOWS = '.github/workflows';
const FIXTURES = 'tests/fixtures/ci';

const workflows = readdirSync(join(REPO, WORKFLOWS))
  .filter((f) => /\.ya?ml$/.test(f))
  .map((f) => `${WORKFLOWS}/${f}`)
  .sort();

test('the release and CI workflows are there', () => {
  assert.deepEqual(workflows, [`${WORKFLOWS}/ci.yml`, `${WORKFLOWS}/release.yml`]);
});

for (const path of workflows) {
  test(`${path} passes the schema check and actionlint`, () => {
    assert.deepEqual(lintWorkflow(path), []);
  });
}

test('the workflows of docs/ci.md pass the schema check and actionlint', () => {
  const text = readFileSync(join(REPO, 'docs/ci.md'), 'utf8');
  const examples = [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]).filter((b) => /^jobs:/m.test(b));
  assert.equal(examples.length, 3, 'the action, annotations and code scanning workflows');
  assert.ok(examples[0].includes('uses: stepwise-docs/stepwise@v0.1.0'));
  for (const example of examples) {
    assert.deepEqual(lintWorkflow('docs/ci.md', example), [], example);
  }
});

test('action.yml passes the schema check and reads only declared inputs and steps', () => {
  assert.deepEqual(lintAction('action.yml'), []);
});

test('.pre-commit-hooks.yaml is a valid hooks file', () => {
  assert.deepEqual(lintHooks('.pre-commit-hooks.yaml'), []);
});

test('a workflow with a misspelt key fails the schema check, at the key', () => {
  const problems = lintWorkflow(`${FIXTURES}/bad-key.workflow.yml`);
  assert.ok(
    problems.includes('tests/fixtures/ci/bad-key.workflow.yml:6:5: /jobs/test: unknown key `runs_on`'),
    problems.join('\n'),
  );
});

test('a workflow that needs a missing job fails actionlint', () => {
  const problems = lintWorkflow(`${FIXTURES}/bad-needs.workflow.yml`);
  assert.ok(problems.some((p) => p.startsWith('tests/fixtures/ci/bad-needs.workflow.yml:10:') && p.includes('biuld')), problems.join('\n'));
  assert.ok(problems.some((p) => p.includes('refname')), problems.join('\n'));
});

test('a workflow step on an unpinned action fails', () => {
  const text = readFileSync(join(REPO, `${WORKFLOWS}/ci.yml`), 'utf8');
  assert.ok(text.includes('actions/checkout@v5'));
  const problems = lintWorkflow(`${WORKFLOWS}/ci.yml`, text.replace('actions/checkout@v5', 'actions/checkout@main'));
  assert.ok(problems.some((p) => p.includes('`actions/checkout@main` is not pinned')), problems.join('\n'));
});

test('an action with a misspelt key fails the schema check', () => {
  const problems = lintAction(`${FIXTURES}/bad-key.action.yml`);
  assert.ok(problems.includes('tests/fixtures/ci/bad-key.action.yml:4:1: /: unknown key `input`'), problems.join('\n'));
});

test('an action that reads an undeclared input or a missing step fails', () => {
  assert.deepEqual(lintAction(`${FIXTURES}/bad-input.action.yml`), [
    'tests/fixtures/ci/bad-input.action.yml:13:12: no step has the id `chek`',
    'tests/fixtures/ci/bad-input.action.yml:18:12: `inputs.paht` is not an input of the action',
  ]);
});

test('the pre-commit hooks run `stepwise check guides` on guide, product and site files', () => {
  const hooks = yamlValue('.pre-commit-hooks.yaml');
  assert.deepEqual(
    hooks.map((h) => [h.id, h.language]),
    [
      ['stepwise-check', 'rust'],
      ['stepwise-check-system', 'system'],
    ],
  );
  for (const hook of hooks) {
    assert.equal(`${hook.entry} ${hook.args.join(' ')}`, 'stepwise check --quiet guides');
    assert.equal(hook.pass_filenames, false);
    const files = new RegExp(hook.files);
    for (const path of ['guides/netflix/sign-out-all-devices.yaml', 'guides/site.yaml', 'docs/guides/acme/product.yml', 'site.yaml']) {
      assert.ok(files.test(path), `${hook.id} runs for ${path}`);
    }
    for (const path of ['.github/workflows/ci.yml', 'action.yml', 'src/guides.rs', 'tests/browser/package.json']) {
      assert.ok(!files.test(path), `${hook.id} skips ${path}`);
    }
  }
});

/** The text files git tracks (and this branch's new ones). */
function repositoryFiles() {
  const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPO, encoding: 'utf8' });
  return out
    .split('\0')
    .filter((f) => /(\.(md|ya?ml|sh|toml|rs|mjs|json)|Dockerfile)$/.test(f))
    .filter((f) => !f.startsWith('tests/schemas/') && !f.includes('node_modules/'))
    .filter((f) => f !== 'tests/browser/ci/files.test.mjs'); // it spells the placeholders
}

test('every file names the project by the repository of Cargo.toml, with no placeholder', () => {
  const cargo = readFileSync(join(REPO, 'Cargo.toml'), 'utf8');
  const repository = cargo.match(/^repository = "https:\/\/github\.com\/([^/"]+\/[^/"]+)"$/m)?.[1];
  assert.ok(repository, 'Cargo.toml names a GitHub repository');
  assert.match(cargo, new RegExp(`^homepage = "https://github\\.com/${repository}"$`, 'm'));
  const [owner] = repository.split('/');
  const names = [];
  const wrong = [];
  for (const path of repositoryFiles()) {
    let text;
    try {
      text = readFileSync(join(REPO, path), 'utf8');
    } catch {
      continue; // deleted in the working tree
    }
    if (/your-org|YOUR_ORG|<owner>/.test(text)) wrong.push(`${path}: a placeholder`);
    // URLs, image names, `uses:` of the action and shell defaults (`${REPO:-owner/stepwise}`).
    const homes = /(?:(?:github\.com|raw\.githubusercontent\.com|ghcr\.io)\/|uses: |:-)([\w.-]+)\/stepwise\b/g;
    for (const [url, who] of text.matchAll(homes)) {
      names.push(path);
      if (who !== owner) wrong.push(`${path}: ${url}`);
    }
  }
  assert.deepEqual(wrong, []);
  for (const path of ['README.md', 'docs/ci.md', 'docs/install.md', 'action.yml', 'install.sh', 'Dockerfile']) {
    assert.ok(names.includes(path), `${path} names the project's home`);
  }
});

test('the release builds an archive for every target install.sh downloads', () => {
  const release = yamlValue(`${WORKFLOWS}/release.yml`);
  const built = release.jobs.build.strategy.matrix.include.map((m) => m.target).sort();
  const downloaded = [
    ['linux', 'x86_64'],
    ['linux', 'aarch64'],
    ['macos', 'x86_64'],
    ['macos', 'aarch64'],
    ['windows', 'x86_64'],
  ].map(([os, arch]) => {
    const out = execFileSync('sh', ['install.sh', '--dry-run', '--version', '1.0.0', '--os', os, '--arch', arch], { cwd: REPO, encoding: 'utf8' });
    return out.match(/^target: +(\S+)$/m)[1];
  });
  assert.deepEqual(downloaded.sort(), built);
  assert.deepEqual(built, [
    'aarch64-apple-darwin',
    'aarch64-unknown-linux-musl',
    'x86_64-apple-darwin',
    'x86_64-pc-windows-msvc',
    'x86_64-unknown-linux-musl',
  ]);
});

test('the published crate holds the sources, templates, documents and licences, and no tests', () => {
  const list = execFileSync('cargo', ['package', '--list', '--locked', '--allow-dirty'], { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
    .split('\n')
    .filter(Boolean);
  for (const file of ['Cargo.toml', 'Cargo.lock', 'README.md', 'LICENSE-MIT', 'LICENSE-APACHE', 'src/main.rs', 'src/lib.rs', 'templates/base.html', 'templates/assets/stepwise.css', 'docs/format.md', 'docs/schema/guide.schema.json']) {
    assert.ok(list.includes(file), `${file} is in the crate`);
  }
  const outside = list.filter((f) => !/^(src|templates|docs|locales)\//.test(f) && !/^(Cargo\.(toml|toml\.orig|lock)|README\.md|LICENSE-(MIT|APACHE)|\.cargo_vcs_info\.json)$/.test(f));
  assert.deepEqual(outside, [], 'nothing but the crate\'s files');
});
