// Platform tabs on guide pages: the WAI-ARIA tabs pattern, deep links, the remembered
// platform, the platform guessed from the user agent, the no-JS fallback and file:// URLs.

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';

import {
  FULL_GUIDE, FULL_OTHER_GUIDE, SEED_GUIDE, SITES, buildSite, checkGuides, copyGuides, serve,
  useSites, tabState, tabsReady, tempDir, withBrowser,
} from './helpers.mjs';

const ANDROID_UA =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36';

const sites = useSites('seed', 'full');

const guideUrl = (site, id = SEED_GUIDE, hash = '') => `${site.url}guides/${id}.html${hash}`;

test('the tablist appears with JS, with WAI-ARIA roles, states and one visible panel', async () => {
  await withBrowser({}, async (_ctx, page) => {
    await page.goto(guideUrl(sites.seed));
    await tabsReady(page);
    const list = page.locator('[role="tablist"]');
    assert.equal(await list.count(), 1);
    assert.ok(await list.isVisible(), 'the tablist is visible');
    assert.equal(await list.getAttribute('aria-label'), 'Platform');
    const tabs = await page.evaluate(() =>
      [...document.querySelectorAll('[role="tablist"] > *')].map((t) => {
        const panel = document.getElementById(t.getAttribute('aria-controls'));
        return {
          role: t.getAttribute('role'),
          tag: t.tagName,
          id: t.id,
          name: t.textContent,
          selected: t.getAttribute('aria-selected'),
          tabindex: t.getAttribute('tabindex'),
          panelRole: panel?.getAttribute('role'),
          panelLabelledBy: panel?.getAttribute('aria-labelledby'),
        };
      }));
    assert.deepEqual(tabs.map((t) => t.name), ['Web', 'Android', 'iOS']);
    for (const t of tabs) {
      assert.equal(t.role, 'tab');
      assert.equal(t.tag, 'BUTTON');
      assert.equal(t.panelRole, 'tabpanel', `${t.id} controls a tabpanel`);
      assert.equal(t.panelLabelledBy, t.id, `the panel of ${t.id} is labelled by its tab`);
    }
    // A desktop browser with nothing stored starts on the first platform.
    assert.deepEqual(tabs.map((t) => t.selected), ['true', 'false', 'false']);
    assert.deepEqual(tabs.map((t) => t.tabindex), ['0', '-1', '-1']);
    const state = await tabState(page);
    assert.deepEqual(state.visiblePanels, ['web']);
  });
});

test('arrow keys (wrapping), Home and End move selection and focus and show one panel', async () => {
  await withBrowser({}, async (_ctx, page) => {
    await page.goto(guideUrl(sites.seed));
    await tabsReady(page);
    await page.locator('[role="tab"][aria-selected="true"]').focus();
    const expectOnly = async (id, why) => {
      const s = await tabState(page);
      assert.deepEqual(s.selected, [id], `${why}: selected`);
      assert.equal(s.focused, id, `${why}: focus`);
      assert.deepEqual(s.visiblePanels, [id], `${why}: visible panel`);
      const roving = Object.entries(s.tabindex).filter(([, v]) => v === '0').map(([k]) => k);
      assert.deepEqual(roving, [id], `${why}: only the selected tab is in the tab order`);
    };
    await expectOnly('web', 'start');
    await page.keyboard.press('ArrowRight');
    await expectOnly('android', 'ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expectOnly('ios', 'ArrowRight again');
    await page.keyboard.press('ArrowRight');
    await expectOnly('web', 'ArrowRight wraps to the first tab');
    await page.keyboard.press('ArrowLeft');
    await expectOnly('ios', 'ArrowLeft wraps to the last tab');
    await page.keyboard.press('ArrowLeft');
    await expectOnly('android', 'ArrowLeft');
    await page.keyboard.press('Home');
    await expectOnly('web', 'Home');
    await page.keyboard.press('End');
    await expectOnly('ios', 'End');
    // Tab leaves the tablist for the selected panel's content, not the next tab.
    await page.keyboard.press('Tab');
    const role = await page.evaluate(() => document.activeElement?.getAttribute('role'));
    assert.notEqual(role, 'tab');
  });
});

test('clicking a tab selects it and sets the URL hash', async () => {
  await withBrowser({}, async (_ctx, page) => {
    await page.goto(guideUrl(sites.seed));
    await tabsReady(page);
    await page.getByRole('tab', { name: 'Android' }).click();
    assert.equal(new URL(page.url()).hash, '#android');
    const s = await tabState(page);
    assert.deepEqual(s.selected, ['android']);
    assert.deepEqual(s.visiblePanels, ['android']);
  });
});

test('a deep link to #ios opens with iOS selected', async () => {
  await withBrowser({}, async (_ctx, page) => {
    await page.goto(guideUrl(sites.seed, SEED_GUIDE, '#ios'));
    await tabsReady(page);
    const s = await tabState(page);
    assert.deepEqual(s.selected, ['ios']);
    assert.deepEqual(s.visiblePanels, ['ios']);
  });
});

test('a step anchor such as #android-3 selects its platform and shows the step', async () => {
  await withBrowser({}, async (_ctx, page) => {
    await page.goto(guideUrl(sites.seed, SEED_GUIDE, '#android-3'));
    await tabsReady(page);
    const s = await tabState(page);
    assert.deepEqual(s.selected, ['android']);
    assert.deepEqual(s.visiblePanels, ['android']);
    assert.ok(await page.locator('#android-3').isVisible(), 'the step is visible');
  });
});

test('the chosen platform is remembered across guides', async () => {
  // The full fixture's second guide has web steps only, so a copy of the fixture gives it
  // Android steps too: the choice made on one guide must then carry over to the other.
  const guides = copyGuides(SITES.full);
  const file = join(guides, 'acme', `${FULL_OTHER_GUIDE}.yaml`);
  const yaml = readFileSync(file, 'utf8');
  const edited = yaml.replace(
    /\nunavailable_on:/,
    '\n  android:\n    - tap: settings\n    - do: Choose **Change password** and follow the prompts.\nunavailable_on:',
  );
  assert.notEqual(edited, yaml);
  writeFileSync(file, edited);
  checkGuides(guides);
  const site = await serve(buildSite(guides, join(tempDir(), 'output')));
  try {
    await withBrowser({}, async (_ctx, page) => {
      await page.goto(guideUrl(site, FULL_GUIDE));
      await tabsReady(page);
      assert.deepEqual((await tabState(page)).selected, ['web']);
      await page.getByRole('tab', { name: 'Android' }).click();
      await page.goto(guideUrl(site, FULL_OTHER_GUIDE));
      await tabsReady(page);
      let s = await tabState(page);
      assert.deepEqual(s.selected, ['android'], 'the other guide opens on Android');
      assert.deepEqual(s.visiblePanels, ['android']);
      await page.goto(`${site.url}checklists/${FULL_GUIDE}.html`);
      await tabsReady(page);
      assert.deepEqual((await tabState(page)).selected, ['android'], 'and so does a checklist');
    });
  } finally {
    await site.close();
  }
  // On the fixture as it is, a guide without Android steps shows Web but keeps the choice.
  await withBrowser({}, async (_ctx, page) => {
    await page.goto(guideUrl(sites.full, FULL_GUIDE));
    await tabsReady(page);
    await page.getByRole('tab', { name: 'Android' }).click();
    await page.goto(guideUrl(sites.full, FULL_OTHER_GUIDE));
    await tabsReady(page);
    assert.deepEqual((await tabState(page)).selected, ['web']);
    await page.goto(guideUrl(sites.full, FULL_GUIDE));
    await tabsReady(page);
    assert.deepEqual((await tabState(page)).selected, ['android']);
  });
});

test('an Android user agent preselects Android when nothing is stored', async () => {
  await withBrowser({ userAgent: ANDROID_UA }, async (_ctx, page) => {
    for (const url of [guideUrl(sites.seed), guideUrl(sites.full, FULL_GUIDE)]) {
      await page.goto(url);
      await tabsReady(page);
      const s = await tabState(page);
      assert.deepEqual(s.selected, ['android'], url);
      assert.deepEqual(s.visiblePanels, ['android'], url);
    }
  });
});

test('without JavaScript every platform is shown one after another, with its heading', async () => {
  await withBrowser({ javaScriptEnabled: false }, async (_ctx, page) => {
    for (const [site, path, names] of [
      [sites.seed, `guides/${SEED_GUIDE}.html`, ['Web', 'Android', 'iOS']],
      [sites.seed, `checklists/${SEED_GUIDE}.html`, ['Web', 'Android', 'iOS']],
      [sites.full, `guides/${FULL_GUIDE}.html`, ['Web', 'Android', 'iOS', 'Smart TV']],
    ]) {
      await page.goto(site.url + path);
      assert.equal(await page.locator('[role="tablist"]').isVisible(), false, `${path}: tablist hidden`);
      const panels = page.locator('.panel');
      assert.equal(await panels.count(), names.length);
      let bottom = -Infinity;
      for (let i = 0; i < names.length; i++) {
        const panel = panels.nth(i);
        assert.ok(await panel.isVisible(), `${path}: panel ${names[i]} visible`);
        const heading = panel.locator('.panel-heading');
        assert.ok(await heading.isVisible(), `${path}: heading ${names[i]} visible`);
        assert.equal((await heading.textContent()).trim(), names[i]);
        const hbox = await heading.boundingBox();
        assert.ok(hbox.width > 1 && hbox.height > 1, `${path}: heading ${names[i]} is not visually hidden`);
        const box = await panel.boundingBox();
        assert.ok(box.y >= bottom, `${path}: panel ${names[i]} comes after the previous one`);
        bottom = box.y + box.height;
      }
    }
  });
});

test('over file:// the home page links to the guide, whose tabs work', async () => {
  const out = buildSite(SITES.seed, join(tempDir(), 'output'));
  await withBrowser({}, async (_ctx, page) => {
    await page.goto(pathToFileURL(join(out, 'index.html')).href);
    await page.locator(`a[href$="guides/${SEED_GUIDE}.html"]`).first().click();
    await page.waitForURL(`**/guides/${SEED_GUIDE}.html`);
    assert.ok(page.url().startsWith('file://'));
    await tabsReady(page);
    assert.deepEqual((await tabState(page)).visiblePanels, ['web']);
    await page.getByRole('tab', { name: 'iOS' }).click();
    const s = await tabState(page);
    assert.deepEqual(s.selected, ['ios']);
    assert.deepEqual(s.visiblePanels, ['ios']);
    await page.keyboard.press('ArrowLeft');
    assert.deepEqual((await tabState(page)).visiblePanels, ['android']);
  });
});
