// Sites in other languages: a French site reads French headings, step sentences and search
// messages; an Arabic site (with its own locales/ar.ftl) is right to left: `dir="rtl"`,
// the step numbers on the right of the steps, tabs and breadcrumbs mirrored, axe clean, at
// desktop and phone widths.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { after, test } from 'node:test';

import { HERE, launch, tabsReady, useSites, withBrowser } from './helpers.mjs';

const AXE = join(HERE, 'node_modules', 'axe-core', 'axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

const sites = useSites('tests/fixtures/build/i18n-fr/guides', 'tests/fixtures/build/i18n-ar/guides');
const fr = () => sites['tests/fixtures/build/i18n-fr/guides'];
const ar = () => sites['tests/fixtures/build/i18n-ar/guides'];
const FR_GUIDE = 'guides/se-deconnecter-partout.html';
const AR_GUIDE = 'guides/sign-out-everywhere.html';

const WIDTHS = [
  { width: 1280, height: 900 },
  { width: 375, height: 800 },
];

/** Decodes a PNG screenshot (8-bit RGB or RGBA, as Chromium writes them) to RGBA rows. */
function decodePng(buf) {
  let pos = 8;
  let width = 0;
  let height = 0;
  let channels = 4;
  const data = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('ascii', pos + 4, pos + 8);
    const body = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      assert.equal(body[8], 8, 'an 8-bit PNG');
      channels = { 2: 3, 6: 4 }[body[9]];
      assert.ok(channels, `PNG colour type ${body[9]}`);
    } else if (type === 'IDAT') {
      data.push(body);
    }
    pos += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const rows = [];
  let prev = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? line[i - channels] : 0;
      const b = prev[i];
      const c = i >= channels ? prev[i - channels] : 0;
      let add = 0;
      if (filter === 1) add = a;
      else if (filter === 2) add = b;
      else if (filter === 3) add = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        add = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      line[i] = (line[i] + add) & 0xff;
    }
    rows.push(line);
    prev = line;
  }
  return { width, height, channels, rows };
}

/**
 * Where the first step's number is drawn, relative to its list: the step's text is made
 * transparent, its list marker black, and the first line of the list is photographed; the
 * dark pixels are the number. Returns the list's and the step's boxes and the number's
 * horizontal extent, in page pixels.
 */
async function firstStepNumber(page) {
  await page.addStyleTag({
    content: '.panel:not([hidden]) .steps > li, .panel:not([hidden]) .steps > li * { color: transparent !important; }'
      + ' .panel:not([hidden]) .steps > li::marker { color: #000 !important; }',
  });
  const boxes = await page.evaluate(() => {
    const ol = document.querySelector('.panel:not([hidden]) .steps');
    const li = ol.querySelector(':scope > li');
    const line = li.querySelector('.instruction').getBoundingClientRect();
    const o = ol.getBoundingClientRect();
    const l = li.getBoundingClientRect();
    return {
      ol: { left: o.left, right: o.right },
      li: { left: l.left, right: l.right },
      top: line.top + window.scrollY,
      height: Math.min(line.height, 24),
    };
  });
  const clip = { x: 0, y: boxes.top, width: page.viewportSize().width, height: boxes.height };
  const png = decodePng(await page.screenshot({ clip, fullPage: true }));
  const scale = png.width / clip.width;
  let min = Infinity;
  let max = -Infinity;
  for (const row of png.rows) {
    for (let x = 0; x < png.width; x++) {
      const i = x * png.channels;
      if (row[i] + row[i + 1] + row[i + 2] < 200) {
        min = Math.min(min, x / scale);
        max = Math.max(max, x / scale);
      }
    }
  }
  return { ...boxes, number: { left: min, right: max } };
}

test('a French site has French headings, step sentences and search messages', async () => {
  await withBrowser({}, async (_ctx, page) => {
    await page.goto(fr().url + FR_GUIDE);
    await tabsReady(page);
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    assert.equal(await page.getAttribute('html', 'dir'), null, 'French is left to right');
    assert.equal(await page.locator('#steps-heading').textContent(), 'Étapes');
    assert.equal(await page.locator('#tips').textContent(), 'Astuces');
    assert.equal(await page.locator('#outcome').textContent(), 'Résultat');
    assert.equal(await page.locator('.more a').textContent(), 'Ouvrir sous forme de liste');
    assert.equal(await page.locator('[role="tablist"]').getAttribute('aria-label'), 'Plateforme');
    const android = page.locator('#android .steps > li .instruction');
    assert.equal(await android.nth(0).textContent(), 'Ouvrez l’application Netflix.');
    assert.equal(await android.nth(2).textContent(), 'Appuyez sur Mon Netflix (en bas à droite).');
    assert.equal(await android.nth(2).locator('b.ui').textContent(), 'Mon Netflix');
    assert.equal(
      await android.nth(6).textContent(),
      'Appuyez sur Se déconnecter de tous les appareils (dans la section Confidentialité), puis confirmez avec Se déconnecter.',
    );
    // The search script's own words.
    await page.fill('#search-q', 'confidentialité');
    const status = page.locator('.search-status');
    await assert.doesNotReject(status.filter({ hasText: 'trouvé' }).waitFor({ state: 'attached', timeout: 5000 }));
    assert.equal(await status.textContent(), '1 guide trouvé pour «\u00a0confidentialité\u00a0».');
    await page.fill('#search-q', 'zzzzzz');
    await status.filter({ hasText: 'Aucun' }).waitFor({ state: 'attached', timeout: 5000 });
    assert.equal(await status.textContent(), 'Aucun guide trouvé pour «\u00a0zzzzzz\u00a0».');
  });
});

test('the French home page counts its guides in French', async () => {
  await withBrowser({}, async (_ctx, page) => {
    await page.goto(fr().url + 'index.html');
    const lead = await page.locator('.hero .lead').textContent();
    assert.equal(lead, 'Comment pouvons-nous vous aider\u202f? Parcourez 1 guide avec les étapes pour Web, Android, iOS.');
    assert.equal(await page.locator('.tile-count').first().textContent(), '1 guide');
  });
});

for (const viewport of WIDTHS) {
  test(`an Arabic site is right to left with its steps mirrored at ${viewport.width} px`, async () => {
    // The photograph of the step number needs a style of the test's own: CSP is bypassed.
    await withBrowser({ viewport, bypassCSP: true }, async (_ctx, page) => {
      await page.goto(ar().url + AR_GUIDE);
      await tabsReady(page);
      assert.equal(await page.getAttribute('html', 'lang'), 'ar');
      assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
      assert.equal(await page.locator('#steps-heading').textContent(), 'الخطوات');
      assert.equal(
        await page.locator('#web .steps > li .instruction').nth(2).textContent(),
        'انقر على الملف الشخصي (صورة ملفك الشخصي، أعلى اليسار).',
      );
      // The tabs run from the right: the first platform's tab is right of the second's.
      const tabs = await page.locator('[role="tab"]').evaluateAll((ts) => ts.map((t) => t.getBoundingClientRect().left));
      assert.ok(tabs[0] > tabs[1], `the first tab is right of the second: ${tabs}`);
      // The breadcrumbs too: Home is the rightmost.
      const crumbs = await page.locator('.breadcrumbs li').evaluateAll((ls) => ls.map((l) => l.getBoundingClientRect().left));
      assert.ok(crumbs[0] > crumbs[crumbs.length - 1], `Home is right of the page's own crumb: ${crumbs}`);
      // The number of a step is right of its text, in the list's right padding.
      const s = await firstStepNumber(page);
      assert.ok(Number.isFinite(s.number.left), 'the step number is drawn');
      assert.ok(s.number.left >= s.li.right - 1, `the number (${s.number.left}..${s.number.right}) is right of the step (${s.li.left}..${s.li.right})`);
      assert.ok(s.number.right <= s.ol.right + 1, 'the number is inside the list');
      assert.ok(Math.abs(s.li.left - s.ol.left) < 1, 'the step starts at the list\'s left edge');
    });
  });
}

test('in a left-to-right page the step number is left of its text', async () => {
  await withBrowser({ viewport: WIDTHS[0], bypassCSP: true }, async (_ctx, page) => {
    await page.goto(fr().url + FR_GUIDE);
    await tabsReady(page);
    const s = await firstStepNumber(page);
    assert.ok(s.number.right <= s.li.left + 1, `the number (${s.number.left}..${s.number.right}) is left of the step (${s.li.left})`);
  });
});

test('the arrow keys follow the tabs from right to left in Arabic', async () => {
  await withBrowser({}, async (_ctx, page) => {
    await page.goto(ar().url + AR_GUIDE);
    await tabsReady(page);
    await page.locator('[role="tab"]').first().focus();
    await page.keyboard.press('ArrowLeft');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-platform')), 'android');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-platform')), 'web');
  });
});

let axeContext;
after(async () => {
  await axeContext?.close();
});

for (const viewport of WIDTHS) {
  for (const path of ['index.html', AR_GUIDE, 'checklists/sign-out-everywhere.html']) {
    test(`axe: no violation on the Arabic ${path} at ${viewport.width} px`, async () => {
      axeContext ??= await launch({ bypassCSP: true });
      const page = await axeContext.newPage();
      try {
        await page.setViewportSize(viewport);
        await page.goto(ar().url + path);
        if (path !== 'index.html') await tabsReady(page);
        await page.addScriptTag({ path: AXE });
        const results = await page.evaluate(
          (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
          TAGS,
        );
        const report = results.violations.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        assert.deepEqual(report, [], `axe violations on ${path}`);
        // No horizontal scrolling at a phone's width.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px`);
      } finally {
        await page.close();
      }
    });
  }
}
