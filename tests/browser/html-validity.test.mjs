// Markup: every HTML page of the three builds passes the Nu HTML Checker (vnu.jar, run with
// the system's java), and the guide page's JSON-LD is a schema.org HowTo with one section
// per platform.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';

import { HERE, SEED_GUIDE, SITES, buildSite, htmlFiles, startSite, tempDir, withBrowser } from './helpers.mjs';

const VNU = join(HERE, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');

test('the Nu HTML Checker finds no error on any page of the three builds', () => {
  const files = [];
  for (const name of Object.keys(SITES)) {
    const out = buildSite(SITES[name], join(tempDir(), name));
    const pages = htmlFiles(out);
    assert.ok(pages.length >= 6, `${name}: ${pages}`);
    files.push(...pages.map((p) => join(out, p)));
  }
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  assert.equal(java.status, 0, `java is needed for vnu.jar: ${java.error?.message ?? java.stderr}`);
  const run = spawnSync('java', ['-Xss1024k', '-jar', VNU, '--errors-only', '--format', 'json', ...files], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  assert.equal(run.error, undefined, String(run.error));
  // vnu writes its JSON report to stderr; exit status 1 means it found errors.
  let report;
  try {
    report = JSON.parse(run.stderr);
  } catch {
    assert.fail(`vnu.jar did not print a JSON report (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  }
  const errors = report.messages.filter((m) => m.type === 'error' || m.subType === 'fatal' || m.type === 'non-document-error');
  const text = errors.map((m) => `${m.url?.replace(/^file:/, '')}:${m.lastLine ?? '?'}:${m.firstColumn ?? '?'}: ${m.message}\n    ${m.extract ?? ''}`).join('\n');
  assert.equal(errors.length, 0, `${errors.length} HTML error(s) in ${files.length} pages:\n${text}`);
  assert.equal(run.status, 0, `vnu.jar exit status (${files.length} pages)`);
  console.log(`# vnu.jar checked ${files.length} pages`);
});

test('the guide page carries a schema.org HowTo with one section per platform', async () => {
  const site = await startSite('seed');
  try {
    await withBrowser({}, async (_ctx, page) => {
      await page.goto(`${site.url}guides/${SEED_GUIDE}.html`);
      const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
      assert.equal(blocks.length, 1);
      const doc = JSON.parse(blocks[0]);
      assert.equal(doc['@context'], 'https://schema.org');
      assert.equal(doc['@type'], 'HowTo');
      assert.equal(doc.name, await page.locator('h1').textContent());
      assert.equal(doc.totalTime, 'PT2M');
      const sections = doc.step;
      assert.deepEqual(sections.map((s) => s['@type']), ['HowToSection', 'HowToSection', 'HowToSection']);
      assert.deepEqual(sections.map((s) => s.name), ['Web', 'Android', 'iOS']);
      assert.deepEqual(sections.map((s) => s.itemListElement.length), [6, 7, 7]);
      for (const s of sections) {
        s.itemListElement.forEach((step, i) => {
          assert.equal(step['@type'], 'HowToStep');
          assert.equal(step.position, i + 1);
          assert.ok(step.text.length > 0);
          // Each step's URL points at its anchor on this page.
          const anchor = new URL(step.url).hash.slice(1);
          assert.ok(anchor.length > 0);
        });
      }
      const anchors = sections.flatMap((s) => s.itemListElement.map((st) => new URL(st.url).hash.slice(1)));
      const missing = await page.evaluate((ids) => ids.filter((id) => !document.getElementById(id)), anchors);
      assert.deepEqual(missing, [], 'every step URL has its anchor on the page');
    });
  } finally {
    await site.close();
  }
});
