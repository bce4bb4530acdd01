// Search: results as the reader types in the header of every page, found through glossary
// labels of any platform and through the words the terminology replaces, deep links that
// open the platform the words belong to, the keyboard, the results page, file:// URLs and
// the no-JavaScript fallback.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';

import { HERE, SITES, buildSite, tabState, tabsReady, tempDir, useSites, vnuErrors, withBrowser } from './helpers.mjs';

const sites = useSites('search');

/** Types `query` into the header search box and waits for the popup's results. */
async function type(page, query) {
  await page.locator('#search-q').fill(query);
  await page.locator('.search-popup:not([hidden])').waitFor();
  await page.waitForFunction(
    (q) => document.querySelector('.search-status').textContent.includes(q), query);
}

/** The popup's results: title, link, product and platform badges. */
function results(page, list = '.search-popup .search-results') {
  return page.evaluate((sel) => [...document.querySelectorAll(`${sel} .search-result`)].map((li) => ({
    title: li.querySelector('a').textContent,
    href: li.querySelector('a').getAttribute('href'),
    product: li.querySelector('.search-product').textContent,
    badges: [...li.querySelectorAll('.badge')].map((b) => b.textContent),
    match: li.querySelector('.badge-match')?.textContent ?? null,
  })), list);
}

test('a control label of one platform finds the guide and opens that platform', async () => {
  await withBrowser({}, async (_ctx, page) => {
    await page.goto(sites.search.url + 'index.html');
    await type(page, 'device management');
    const found = await results(page);
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.equal(found[0].title, 'How to sign out of Streamly on every device');
    assert.equal(found[0].href, 'guides/sign-out-everywhere.html#ios');
    assert.equal(found[0].product, 'Streamly');
    assert.deepEqual(found[0].badges, ['Web', 'Android', 'iOS']);
    assert.equal(found[0].match, 'iOS');
    await page.locator('.search-popup a', { hasText: 'every device' }).click();
    await page.waitForURL(/sign-out-everywhere\.html#ios$/);
    await tabsReady(page);
    assert.deepEqual((await tabState(page)).selected, ['ios']);
    assert.ok(await page.getByText('Device Management').first().isVisible(), 'the iOS label is on screen');
  });
});

test('a label of the apps finds the guide on Android; a web label on the web', async () => {
  await withBrowser({}, async (_ctx, page) => {
    await page.goto(sites.search.url + 'index.html');
    await type(page, 'documents');
    let found = await results(page);
    assert.deepEqual(found.map((r) => r.href), ['guides/export-statement.html#android']);
    await type(page, 'statements');
    found = await results(page);
    assert.equal(found[0].href, 'guides/export-statement.html#web');
  });
});

test('words the terminology replaces find the guides that use the preferred wording', async () => {
  await withBrowser({}, async (_ctx, page) => {
    await page.goto(sites.search.url + 'index.html');
    await type(page, 'log out');
    let found = await results(page);
    assert.equal(found[0]?.title, 'How to sign out of Streamly on every device', JSON.stringify(found));
    // Both Streamly guides say "sign in"; neither says "login".
    await type(page, 'login');
    found = await results(page);
    assert.deepEqual(found.map((r) => r.title).sort(), [
      'How to change your Streamly password',
      'How to sign out of Streamly on every device',
    ]);
  });
});

test('results rank titles first, match word prefixes and fold accents', async () => {
  await withBrowser({}, async (_ctx, page) => {
    await page.goto(sites.search.url + 'index.html');
    await type(page, 'password');
    const found = await results(page);
    assert.equal(found[0].title, 'How to change your Streamly password');
    await type(page, 'downlo');
    assert.deepEqual((await results(page)).map((r) => r.title).sort(), [
      'How to delete downloaded episodes in Streamly',
      'How to download a Ledger Bank statement',
    ]);
    await type(page, 'frééze');
    assert.deepEqual((await results(page)).map((r) => r.title), ['How to freeze your Ledger card']);
    await type(page, 'zebra crossing');
    assert.equal((await results(page)).length, 0);
    assert.match(await page.locator('.search-popup').textContent(), /No guides found for “zebra crossing”/);
    assert.match(await page.locator('.search-status').textContent(), /No guides found/);
  });
});

test('the keyboard moves through results, Escape closes them, Enter opens the results page', async () => {
  await withBrowser({}, async (_ctx, page) => {
    await page.goto(sites.search.url + 'guides/freeze-card.html');
    await type(page, 'streamly');
    const count = (await results(page)).length;
    assert.equal(count, 3);
    await page.keyboard.press('ArrowDown');
    const focused = () => page.evaluate(() => document.activeElement.textContent);
    assert.match(await focused(), /^How to /);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'search-q');
    await page.keyboard.press('Escape');
    assert.ok(await page.locator('.search-popup').isHidden(), 'Escape closes the results');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'search-q');
    // Links in the popup of a page in guides/ lead back up to the site root.
    await type(page, 'freeze');
    assert.equal((await results(page))[0].href, '../guides/freeze-card.html');
    const more = page.locator('.search-more a');
    assert.equal(await more.textContent(), 'See all results for “freeze”');
    assert.equal(await more.getAttribute('href'), '../search.html?q=freeze');
    await page.keyboard.press('Enter');
    await page.waitForURL(/search\.html\?q=freeze$/);
    await page.locator('#search-page-results .search-result').first().waitFor();
    assert.deepEqual((await results(page, '#search-page-results')).map((r) => r.title),
      ['How to freeze your Ledger card']);
    assert.match(await page.locator('#search-summary').textContent(), /1 guide found for “freeze”/);
    assert.equal(await page.locator('#search-q').inputValue(), 'freeze');
  });
});

test('search works from file:// URLs, with the same results', async () => {
  const out = buildSite(SITES.search, join(tempDir(), 'output'));
  await withBrowser({}, async (_ctx, page) => {
    await page.goto(pathToFileURL(join(out, 'guides', 'change-password.html')).href);
    await type(page, 'device management');
    const found = await results(page);
    assert.equal(found[0].href, '../guides/sign-out-everywhere.html#ios');
    await page.locator('.search-popup a').first().click();
    await tabsReady(page);
    assert.deepEqual((await tabState(page)).selected, ['ios']);
  });
});

test('without JavaScript the form opens the results page, which says search needs it', async () => {
  await withBrowser({ javaScriptEnabled: false }, async (_ctx, page) => {
    await page.goto(sites.search.url + 'index.html');
    await page.locator('#search-q').fill('freeze');
    await page.locator('.site-search button[type="submit"]').click();
    await page.waitForURL(/search\.html\?q=freeze$/);
    assert.ok(await page.locator('.search-nojs').isVisible());
    assert.ok(await page.locator('.search-popup').isHidden());
  });
});

test('a first search downloads the table of files and a few small files only', async () => {
  await withBrowser({}, async (_ctx, page) => {
    const loaded = [];
    page.on('response', (r) => { if (r.url().includes('/search/')) loaded.push(r.url().replace(/.*\/search\//, '')); });
    await page.goto(sites.search.url + 'index.html');
    assert.deepEqual(loaded, [], 'no page loads the index before a search');
    await type(page, 'freeze');
    assert.equal(loaded[0], 'index.js');
    assert.ok(loaded.length <= 3, loaded.join(', '));
    assert.ok(loaded.slice(1).every((f) => /^[td]-[0-9a-f]{16}\.js$/.test(f)), loaded.join(', '));
  });
});

const AXE = join(HERE, 'node_modules', 'axe-core', 'axe.min.js');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

async function axeViolations(page) {
  await page.addScriptTag({ path: AXE });
  const res = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    AXE_TAGS);
  return res.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const scheme of ['light', 'dark']) {
  for (const width of [1280, 375]) {
    test(`axe: no violation with results open and on the results page (${scheme}, ${width} px)`, async () => {
      await withBrowser({ bypassCSP: true, viewport: { width, height: 800 }, colorScheme: scheme }, async (_ctx, page) => {
        await page.goto(sites.search.url + 'guides/freeze-card.html');
        await type(page, 'streamly');
        assert.deepEqual(await axeViolations(page), []);
        const scroll = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(scroll <= 0, `the page scrolls sideways by ${scroll} px with results open`);
        await page.goto(sites.search.url + 'search.html?q=sign');
        await page.locator('#search-page-results .search-result').first().waitFor();
        assert.deepEqual(await axeViolations(page), []);
        await page.goto(sites.search.url + 'search.html?q=zebra');
        await page.waitForFunction(() => /No guides/.test(document.getElementById('search-summary').textContent));
        assert.deepEqual(await axeViolations(page), []);
      });
    });
  }
}

test('coming back to the search box shows the results of its query again', async () => {
  await withBrowser({}, async (_ctx, page) => {
    await page.goto(sites.search.url + 'index.html');
    await type(page, 'freeze');
    await page.mouse.click(5, 700);
    assert.ok(await page.locator('.search-popup').isHidden(), 'a click elsewhere closes the results');
    await page.locator('#search-q').focus();
    await page.locator('.search-popup:not([hidden])').waitFor();
    assert.equal((await results(page)).length, 1);
  });
});

test('the Nu HTML Checker finds no error in pages with search results shown', async () => {
  const dir = tempDir('stepwise-search-vnu-');
  const files = [];
  await withBrowser({}, async (_ctx, page) => {
    const states = [
      ['popup', 'guides/freeze-card.html', async () => type(page, 'streamly')],
      ['results', 'search.html?q=card', async () => page.locator('#search-page-results .search-result').first().waitFor()],
      ['no-results', 'search.html?q=zzzzqx', async () => page.waitForFunction(
        () => document.querySelector('#search-summary').textContent.includes('zzzzqx'))],
    ];
    for (const [name, path, ready] of states) {
      await page.goto(sites.search.url + path);
      await ready();
      const html = await page.evaluate(() => '<!DOCTYPE html>\n' + document.documentElement.outerHTML);
      assert.match(html, /class="search-result|No guides found/);
      const file = join(dir, `${name}.html`);
      writeFileSync(file, html);
      files.push(file);
    }
  });
  assert.deepEqual(vnuErrors(files), []);
});
