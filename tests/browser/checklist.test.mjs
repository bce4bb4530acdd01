// Checklist pages: ticked steps survive a reload, the reset button clears them, and the
// saved state is keyed by guide, platform and a hash of the steps, so editing a platform's
// steps resets that platform's checklist only.

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import {
  SEED_GUIDE, SITES, buildSite, checkGuides, copyGuides, serve, useSites, tabsReady, tempDir,
  withBrowser,
} from './helpers.mjs';

const sites = useSites('seed');

const checklistUrl = (site) => `${site.url}checklists/${SEED_GUIDE}.html`;

/** Names of the ticked boxes of a platform's checklist. */
const ticked = (page, platform) =>
  page.evaluate((p) =>
    [...document.querySelectorAll(`#${p} input[type="checkbox"]`)].filter((b) => b.checked).map((b) => b.name),
  platform);

async function showPlatform(page, name) {
  await page.getByRole('tab', { name }).click();
}

test('ticked steps are still ticked after a reload', async () => {
  await withBrowser({}, async (_ctx, page) => {
    await page.goto(checklistUrl(sites.seed));
    await tabsReady(page);
    assert.deepEqual(await ticked(page, 'web'), []);
    await page.locator('#c-web-1').check();
    await page.locator('#c-web-3').check();
    await page.reload();
    await tabsReady(page);
    assert.deepEqual(await ticked(page, 'web'), ['web-1', 'web-3']);
    assert.deepEqual(await ticked(page, 'android'), []);
  });
});

test('the reset button clears the checklist, also after a reload', async () => {
  await withBrowser({}, async (_ctx, page) => {
    await page.goto(checklistUrl(sites.seed));
    await tabsReady(page);
    await page.locator('#c-web-2').check();
    await page.locator('#c-web-4').check();
    await page.reload();
    await tabsReady(page);
    assert.deepEqual(await ticked(page, 'web'), ['web-2', 'web-4']);
    await page.getByRole('button', { name: 'Reset Web checklist' }).click();
    await page.waitForFunction(() => !document.querySelector('#web input:checked'));
    assert.deepEqual(await ticked(page, 'web'), []);
    await page.reload();
    await tabsReady(page);
    assert.deepEqual(await ticked(page, 'web'), [], 'the cleared state is what is saved');
  });
});

test('editing a platform\'s steps resets its checklist only (state keyed by a hash of the steps)', async () => {
  // A site of our own, rebuilt into the same folder and served from the same origin.
  const out = buildSite(SITES.seed, join(tempDir(), 'output'));
  const site = await serve(out);
  try {
    await withBrowser({}, async (_ctx, page) => {
      await page.goto(checklistUrl(site));
      await tabsReady(page);
      const keys = () => page.evaluate(() =>
        Object.fromEntries([...document.querySelectorAll('form.checks')].map((f) => [f.closest('.panel').id, f.dataset.key])));
      const before = await keys();
      await page.locator('#c-web-1').check();
      await page.locator('#c-web-2').check();
      await showPlatform(page, 'Android');
      await page.locator('#c-android-1').check();
      await page.locator('#c-android-4').check();
      await page.reload();
      await tabsReady(page);
      assert.deepEqual(await ticked(page, 'web'), ['web-1', 'web-2']);
      assert.deepEqual(await ticked(page, 'android'), ['android-1', 'android-4']);

      // One Android step changes; the copy must still be a valid guide.
      const guides = copyGuides(SITES.seed);
      const file = join(guides, 'netflix', `${SEED_GUIDE}.yaml`);
      const yaml = readFileSync(file, 'utf8');
      assert.equal(yaml.split('- tap: menu\n').length, 2, 'the seed guide has one `tap: menu` step');
      writeFileSync(file, yaml.replace('- tap: menu\n', '- tap: my-netflix\n'));
      checkGuides(guides);
      buildSite(guides, out);

      await page.reload();
      await tabsReady(page);
      const after = await keys();
      assert.equal(after.web, before.web, 'the web steps did not change');
      assert.notEqual(after.android, before.android, 'the android steps changed');
      assert.deepEqual(await ticked(page, 'web'), ['web-1', 'web-2'], 'the web checklist keeps its state');
      assert.deepEqual(await ticked(page, 'android'), [], 'the android checklist is reset');
      assert.match(await page.locator('label[for="c-android-4"]').textContent(), /My Netflix/);
    });
  } finally {
    await site.close();
  }
});
