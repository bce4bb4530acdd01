// The bundled site in two languages: the language switcher goes from the English guide to
// the French one and back, by mouse and by keyboard; every version of a page names the
// others with hreflang alternates; the French tree is in French (`lang`) and has only the
// translated guide; the pages pass axe (light and dark) at 1280 and 375 px.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';

import { HERE, SEED_GUIDE, launch, useSites, withBrowser, pageProblems } from './helpers.mjs';


const sites = useSites('seed');

const EN = `guides/${SEED_GUIDE}.html`;
const FR = `fr/guides/${SEED_GUIDE}.html`;

test('the switcher goes from the English guide to the French one and back', async () => {
  await withBrowser({}, async (_ctx, page) => {
    await page.goto(sites.seed.url + EN);
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    const nav = page.getByRole('navigation', { name: 'Language' });
    assert.equal(await nav.locator('[aria-current="page"]').textContent(), 'English');
    await nav.getByRole('link', { name: 'Français' }).click();
    await page.waitForURL(new RegExp(`/${FR.replace(/\//g, '\\/')}$`));
    assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
    assert.equal(await page.locator('h1').textContent(), 'Se déconnecter de Netflix sur tous les appareils');
    // The French tree names its switcher in French.
    const langue = page.getByRole('navigation', { name: 'Langue' });
    assert.equal(await langue.locator('[aria-current="page"]').textContent(), 'Français');
    // Back by keyboard: the English link takes the focus and follows on Enter.
    const english = langue.getByRole('link', { name: 'English' });
    await english.focus();
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'English');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/${EN.replace(/\//g, '\\/')}$`));
    assert.equal(await page.locator('h1').textContent(), 'How to sign out of Netflix on all devices');
  });
});

test('every version names the others with hreflang, and an untranslated guide leads to the French home', async () => {
  await withBrowser({}, async (_ctx, page) => {
    for (const path of [EN, FR]) {
      await page.goto(sites.seed.url + path);
      const alternates = await page.locator('link[rel="alternate"][hreflang]').evaluateAll(
        (links) => links.map((l) => [l.hreflang, l.getAttribute('href')]),
      );
      assert.deepEqual(alternates, [
        ['en', `https://help.example.com/${EN}`],
        ['x-default', `https://help.example.com/${EN}`],
        ['fr', `https://help.example.com/${FR}`],
      ], path);
    }
    await page.goto(sites.seed.url + 'guides/sign-in-on-tv.html');
    assert.equal(await page.locator('link[rel="alternate"][hreflang]').count(), 0);
    await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Français' }).click();
    await page.waitForURL(/\/fr\/index\.html$/);
    assert.equal(await page.getByRole('navigation', { name: 'Langue' }).count(), 1);
    assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
    const titles = await page.locator('.card h3').allTextContents();
    assert.ok(titles.includes('Se déconnecter de Netflix sur tous les appareils'), JSON.stringify(titles));
    assert.ok(!titles.some((t) => /TV/.test(t)), JSON.stringify(titles));
  });
});

test('each tree searches its own language', async () => {
  await withBrowser({}, async (_ctx, page) => {
    await page.goto(sites.seed.url + 'fr/index.html');
    await page.locator('#search-q').fill('déconnecter');
    await page.locator('.search-popup:not([hidden])').waitFor();
    const first = page.locator('.search-popup .search-result a').first();
    assert.equal(await first.textContent(), 'Se déconnecter de Netflix sur tous les appareils');
    await first.click();
    await page.waitForURL(new RegExp(`/${FR.replace(/\//g, '\\/')}$`));
    // The English tree's index has no French words.
    await page.goto(sites.seed.url + 'index.html');
    await page.locator('#search-q').fill('déconnecter');
    await page.locator('.search-popup:not([hidden])').waitFor();
    assert.equal(await page.locator('.search-popup .search-result a').count(), 0);
  });
});


for (const width of [1280, 375]) {
  test(`axe finds nothing on both versions of the guide and both homes, light and dark, at ${width} px`, async () => {
    const context = await launch({ bypassCSP: true, viewport: { width, height: 900 } });
    try {
      const page = await context.newPage();
      const problems = [];
      for (const scheme of ['light', 'dark']) {
        await page.emulateMedia({ colorScheme: scheme, media: 'screen' });
        for (const path of [EN, FR, 'index.html', 'fr/index.html']) {
          await page.goto(sites.seed.url + path);
          problems.push(...(await pageProblems(page, `${path} (${scheme})`)));
        }
      }
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
}
