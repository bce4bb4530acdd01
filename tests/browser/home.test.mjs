// The home page and the list pages of a generated site of 130 guides: the search in the
// hero finds guides, featured guides and tiles lead to their pages, long lists are split
// into pages with a navigation between them; every such page passes axe (light and dark,
// 1280 and 375 px), passes the Nu HTML Checker and does not scroll sideways at 375 px.

import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { HERE, buildSite, launch, serve, tempDir, vnuErrors, withBrowser, pageProblems } from './helpers.mjs';


const PRODUCTS = ['Streamly', 'Photon Camera', 'Ledger Bank'];
const CATEGORIES = ['Account and security', 'Playback', 'Billing and payments', 'Devices'];
const TOPICS = ['password', 'subtitles', 'invoice', 'television', 'profile', 'downloads'];

/** A guides folder of `n` guides over three products; guide 0 to 69 are all in "Playback". */
function generate(n) {
  const root = join(tempDir(), 'guides');
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, 'site.yaml'),
    'title: Generated Help\nplatforms: [web, android]\nupdated: reviewed\nfeatured: [g3, g1, g2]\n');
  PRODUCTS.forEach((name, p) => {
    mkdirSync(join(root, `p${p}`));
    writeFileSync(join(root, `p${p}`, 'product.yaml'),
      `name: ${name}\nglossary:\n  settings: {role: screen, label: Settings}\n  save: {role: button, label: Save, where: bottom of Settings}\n`);
  });
  for (let i = 0; i < n; i++) {
    const topic = TOPICS[i % TOPICS.length];
    const category = i < 70 ? 'Playback' : CATEGORIES[i % CATEGORIES.length];
    const day = String(1 + (i % 28)).padStart(2, '0');
    writeFileSync(join(root, `p${i % 3}`, `g${i}.yaml`), [
      `title: How to change the ${topic} setting number ${i}`,
      `summary: Change the ${topic} setting ${i} from a computer or from the app.`,
      `category: ${category}`,
      `tags: [${topic}, settings]`,
      `reviewed: 2026-10-${day}`,
      'steps:',
      '  web:',
      '    - open: settings',
      '    - click: save',
      '  android: {same_as: web}',
      '',
    ].join('\n'));
  }
  return root;
}

let site;
let out;
before(async () => {
  out = buildSite(generate(130), join(tempDir(), 'output'));
  site = await serve(out);
});
after(async () => {
  await site?.close();
});

const PAGES = [
  ['home', 'index.html'],
  ['category', 'categories/playback.html'],
  ['category page 2', 'categories/playback/2.html'],
  ['product', 'products/p0.html'],
  ['tag', 'tags/password.html'],
  ['tags index', 'tags.html'],
  ['categories index', 'categories.html'],
  ['guide', 'guides/g3.html'],
];

test('the home page puts the search first, then featured guides, tiles and tags', async () => {
  await withBrowser({}, async (_ctx, page) => {
    await page.goto(site.url + 'index.html');
    assert.equal(await page.locator('#search-q').count(), 1, 'one search form');
    assert.equal(await page.locator('.hero #search-q').count(), 1, 'in the hero');
    const headings = await page.locator('main h2').allTextContents();
    assert.deepEqual(headings, ['Featured guides', 'Products', 'Categories', 'Popular tags']);
    const featured = await page.locator('#featured ~ .cards h3').allTextContents();
    assert.deepEqual(featured, [
      'How to change the television setting number 3',
      'How to change the subtitles setting number 1',
      'How to change the invoice setting number 2',
    ]);
    const tiles = await page.locator('.tile').evaluateAll((as) => as.map((a) => a.textContent));
    assert.ok(tiles.includes('Playback 85 guides'), JSON.stringify(tiles));
    assert.ok(tiles.includes('Streamly 44 guides'), JSON.stringify(tiles));
    // The search in the hero works as the header's does elsewhere.
    await page.locator('#search-q').fill('television');
    await page.locator('.search-popup:not([hidden])').waitFor();
    const first = page.locator('.search-popup .search-result a').first();
    assert.match(await first.textContent(), /television/);
    await page.keyboard.press('Escape');
    await page.locator('.tile', { hasText: 'Playback' }).click();
    await page.waitForURL(/categories\/playback\.html$/);
    assert.equal(await page.locator('h1').textContent(), 'Category: Playback');
  });
});

test('a long list continues on further pages, linked both ways', async () => {
  await withBrowser({}, async (_ctx, page) => {
    await page.goto(site.url + 'categories/playback.html');
    assert.equal(await page.locator('.card').count(), 50);
    assert.match(await page.locator('.lead').textContent(), /85 guides, showing 1 to 50/);
    const nav = page.getByRole('navigation', { name: 'Pages of Playback' });
    assert.equal(await nav.locator('[aria-current="page"]').textContent(), 'Page 1');
    // Grouped by product, each group under its heading.
    assert.deepEqual(await page.locator('main section h2').allTextContents(), ['Ledger Bank', 'Photon Camera']);
    await nav.getByRole('link', { name: 'Next page' }).click();
    await page.waitForURL(/categories\/playback\/2\.html$/);
    assert.equal(await page.locator('.card').count(), 35);
    // The product the first page ended with goes on under its heading.
    assert.deepEqual(await page.locator('main section h2').allTextContents(), ['Photon Camera', 'Streamly']);
    assert.equal(await page.title(), 'Playback (page 2 of 2) · Generated Help');
    assert.equal(await page.locator('link[rel="prev"]').getAttribute('href'), '../../categories/playback.html');
    assert.equal(await page.locator('link[rel="next"]').count(), 0);
    // Links from the second page go back up to the site root.
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'All categories' }).click();
    await page.waitForURL(/\/categories\.html$/);
    await page.goto(site.url + 'guides/g3.html');
    await page.locator('.meta a', { hasText: 'television' }).click();
    await page.waitForURL(/tags\/television\.html$/);
    assert.equal(await page.locator('h1').textContent(), 'Tag: television');
  });
});


for (const width of [1280, 375]) {
  test(`axe finds nothing on the home and list pages, light and dark, at ${width} px; no sideways scroll`, async () => {
    const context = await launch({ bypassCSP: true, viewport: { width, height: 900 } });
    try {
      const page = await context.newPage();
      const problems = [];
      for (const scheme of ['light', 'dark']) {
        await page.emulateMedia({ colorScheme: scheme, media: 'screen' });
        for (const [kind, path] of PAGES) {
          await page.goto(site.url + path);
          problems.push(...(await pageProblems(page, `${kind} (${scheme})`)));
        }
      }
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
}

test('the Nu HTML Checker finds no error on the home and list pages', () => {
  const files = PAGES.map(([, p]) => join(out, p));
  assert.deepEqual(vnuErrors(files), []);
});
