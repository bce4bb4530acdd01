// Links in a guide's text into the site: `guide:<id>#platform`, a page path relative to the
// guide's page, a site-absolute tag page, the search page and a static file. Clicked on the
// guide page and on the checklist page (one folder deep both), and opened from file://,
// each lands where it says; the pages have no sideways scroll at 375 px and no vnu error.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';

import { buildSite, tabState, tabsReady, tempDir, useSites, vnuErrors, withBrowser } from './helpers.mjs';

const GUIDES = 'tests/fixtures/build/links/guides';

const sites = useSites(GUIDES);
const site = () => sites[GUIDES];

test('a guide: link in a guide note opens the other guide on the named tab, from the guide page and the checklist', async () => {
  await withBrowser({}, async (_ctx, page) => {
    for (const from of ['guides', 'checklists']) {
      await page.goto(`${site().url}${from}/sign-out.html`);
      const link = page.locator('p.guide-note a', { hasText: 'Sign in again' });
      assert.equal(await link.getAttribute('href'), '../guides/sign-in.html#android', from);
      await link.click();
      await page.waitForURL('**/guides/sign-in.html#android');
      assert.equal(await page.locator('h1').textContent(), 'How to sign in');
      await tabsReady(page);
      assert.deepEqual((await tabState(page)).selected, ['android'], from);
    }
  });
});

test('a relative link to a step of another guide lands on that step', async () => {
  await withBrowser({}, async (_ctx, page) => {
    await page.goto(`${site().url}guides/sign-out.html#web`);
    await tabsReady(page);
    const link = page.locator('#web-2 a', { hasText: 'step 2 of signing in' });
    assert.equal(await link.getAttribute('href'), '../guides/sign-in.html#web-2');
    await link.click();
    await page.waitForURL('**/guides/sign-in.html#web-2');
    await tabsReady(page);
    assert.deepEqual((await tabState(page)).selected, ['web']);
    assert.match(await page.locator('#web-2').textContent(), /Sign in/);
    assert.ok(await page.locator('#web-2').isVisible());
  });
});

test('site-absolute links reach the tag page, the search page and a static file', async () => {
  await withBrowser({}, async (_ctx, page) => {
    await page.goto(`${site().url}guides/sign-out.html`);
    await page.locator('.tips a', { hasText: 'every TV guide' }).click();
    await page.waitForURL('**/tags/tv.html');
    assert.match(await page.locator('h1').textContent(), /TV/);
    assert.equal(await page.locator('main a', { hasText: 'How to sign in' }).count(), 1);
    await page.goBack();
    await page.locator('.tips a', { hasText: 'search' }).click();
    await page.waitForURL('**/search.html?q=sign');
    const res = await page.goto(`${site().url}guides/sign-out.html`);
    assert.equal(res.status(), 200);
    const href = await page.locator('p.guide-note a', { hasText: 'manual' }).getAttribute('href');
    assert.equal(href, '../downloads/remote.txt');
    const file = await page.request.get(new URL(href, page.url()).href);
    assert.equal(file.status(), 200);
    assert.match(await file.text(), /Home button/);
  });
});

test('the links work from file:// too', async () => {
  const out = buildSite(GUIDES, join(tempDir(), 'links-file'));
  await withBrowser({}, async (_ctx, page) => {
    await page.goto(pathToFileURL(join(out, 'checklists', 'sign-out.html')).href);
    await page.locator('p.guide-note a', { hasText: 'Sign in again' }).click();
    await page.waitForURL('**/guides/sign-in.html#android');
    assert.equal(await page.locator('h1').textContent(), 'How to sign in');
  });
});

test('pages with links have no sideways scroll at 375 px, and no vnu error', async () => {
  await withBrowser({ viewport: { width: 375, height: 800 } }, async (_ctx, page) => {
    for (const path of ['guides/sign-out.html', 'checklists/sign-out.html']) {
      await page.goto(site().url + path);
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(scroll <= 375, `${path}: scrollWidth ${scroll}`);
    }
  });
  const out = buildSite(GUIDES, join(tempDir(), 'links-vnu'));
  const files = ['guides/sign-out.html', 'checklists/sign-out.html'].map((p) => join(out, p));
  assert.deepEqual(vnuErrors(files), []);
});
