// What a reader of a guide page gets: everything the author wrote (what they need before
// they start, what an icon looks like), the data file linked from the head rather than the
// text, drawn pictures only where they show more than the sentence, pictures on demand on a
// phone, deep links to a platform that keep the title and the tabs in view; axe and vnu
// clean, light and dark, at 1280 and 375 px.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, test } from 'node:test';

import { FULL_GUIDE, HERE, SEED_GUIDE, SITES, buildSite, firstPage, launch, tabState, tabsReady, tempDir, useSites, vnuErrors, withBrowser } from './helpers.mjs';

const sites = useSites('seed', 'full');
const AXE = join(HERE, 'node_modules', 'axe-core', 'axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const PHONE = { width: 375, height: 667 };
const DESKTOP = { width: 1280, height: 800 };

const seedGuide = () => `${sites.seed.url}guides/${SEED_GUIDE}.html`;
const fullGuide = () => `${sites.full.url}guides/${FULL_GUIDE}.html`;

/** The step numbers of a panel that show a picture, and what each picture's text says. */
function pictures(page, panel) {
  return page.evaluate((id) => [...document.querySelectorAll(`#${id} > .steps > .step`)].map((li, i) => {
    const d = li.querySelector(':scope > details.picture');
    return d ? { step: i + 1, texts: [...d.querySelectorAll('svg text')].map((t) => t.textContent) } : null;
  }).filter(Boolean), panel);
}

test('"Before you start" lists the tools and supplies the guide needs', async () => {
  await withBrowser({}, async (_ctx, page) => {
    await page.goto(fullGuide());
    const section = page.locator('section[aria-labelledby="prereq"]');
    assert.equal(await section.locator('h2').textContent(), 'Before you start');
    assert.equal(await section.locator('.needs').textContent(),
      'You need: a web browser and your account email.');
    assert.deepEqual(await section.locator('li').allTextContents(), ['Your Acme password.']);
  });
});

test('an icon is named with its description and place; screens read with their article', async () => {
  await withBrowser({}, async (_ctx, page) => {
    await page.goto(seedGuide() + '#web');
    await tabsReady(page);
    const web = await page.locator('#web .instruction').allTextContents();
    assert.equal(web[0], 'Open netflix.com.');
    assert.equal(web[2], 'Click Profile (your profile picture, top right).');
    assert.equal(await page.locator('#web-3 .instruction b.ui').textContent(), 'Profile',
      'the label is bold, its description is not');
    await page.locator('#tab-android').click();
    const android = await page.locator('#android .instruction').allTextContents();
    assert.equal(android[0], 'Open the Netflix app.');
    assert.equal(android[3], 'Tap Menu (the three horizontal lines, top right of My Netflix).');
    assert.equal(android[6],
      'Tap Sign out of all devices (inside the privacy section), then confirm with Log out.');
    for (const s of [...web, ...android]) {
      assert.match(s, /^[A-Z].*[.!?]$/, `a sentence: ${s}`);
      assert.doesNotMatch(s, /If If|\.,|\.\.| {2}/, s);
    }
  });
});

test('the JSON data is linked from the head, not shown in the text', async () => {
  await withBrowser({}, async (_ctx, page) => {
    await page.goto(seedGuide());
    assert.equal(await page.locator('main a[href$=".json"]').count(), 0);
    assert.equal(await page.getByText('Data (JSON)').count(), 0);
    const href = await page.locator('head link[rel="alternate"][type="application/json"]').getAttribute('href');
    assert.equal(href, `../data/${SEED_GUIDE}.json`);
    const res = await page.request.get(new URL(href, page.url()).href);
    assert.equal(res.status(), 200);
    assert.equal((await res.json()).id, SEED_GUIDE);
  });
});

test('pictures are drawn where they add to the sentence: icons, menus, dialogs, places', async () => {
  await withBrowser({ viewport: DESKTOP }, async (_ctx, page) => {
    await page.goto(seedGuide() + '#web');
    await tabsReady(page);
    // Web: the profile icon (top right), Account in its menu, and the step that asks for one.
    const web = await pictures(page, 'web');
    assert.deepEqual(web.map((p) => p.step), [3, 4, 6]);
    assert.ok(web[1].texts.includes('Account'), JSON.stringify(web[1]));
    assert.equal(await page.locator('#web-4 svg .sw-menu').count(), 1, 'Account is drawn in an open menu');
    assert.ok(await page.locator('#web-4 svg .sw-glyph').count() > 0, 'the menu opens from the profile icon');
    assert.equal(await page.locator('#web-3 svg .sw-glyph').count() > 0, true, 'the icon is drawn');
    await page.locator('#tab-android').click();
    const android = await pictures(page, 'android');
    assert.deepEqual(android.map((p) => p.step), [3, 4, 5, 7]);
    // The confirmation dialog is drawn with its button, and no label is cut.
    const dialog = page.locator('#android-7 svg');
    assert.equal(await dialog.locator('.sw-panel').count(), 1);
    assert.ok(android[3].texts.includes('Log out'), JSON.stringify(android[3]));
    assert.match(await dialog.locator('.sw-title').textContent(), /^Sign out of all ?devices$/);
    const all = [...web, ...android].flatMap((p) => p.texts).join(' | ');
    assert.doesNotMatch(all, /…/, all);
    assert.match(all, /Sign out of all[^|]*devices/, 'the long label is whole, wrapped');
    // On a wide screen the pictures are open and their toggle is not shown.
    assert.equal(await page.locator('details.picture:not([open])').count(), 0);
    assert.equal(await page.locator('#android-3 details.picture > summary').isVisible(), false);
  });
});

test('every label inside a drawn picture stays inside the picture', async () => {
  await withBrowser({ viewport: DESKTOP }, async (_ctx, page) => {
    for (const url of [seedGuide(), fullGuide()]) {
      await page.goto(url);
      await tabsReady(page);
      const outside = await page.evaluate(() => {
        document.querySelectorAll('[role="tabpanel"]').forEach((p) => { p.hidden = false; });
        const bad = [];
        for (const svg of document.querySelectorAll('svg.schematic')) {
          const box = svg.getBoundingClientRect();
          for (const t of svg.querySelectorAll('text')) {
            const r = t.getBoundingClientRect();
            if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) {
              bad.push(`${svg.closest('.step').id}: ${t.textContent}`);
            }
          }
        }
        return bad;
      });
      assert.deepEqual(outside, [], url);
    }
  });
});

test('on a phone the steps come first and each picture opens on demand', async () => {
  await withBrowser({ viewport: PHONE, isMobile: true, hasTouch: true }, async (_ctx, page) => {
    await page.goto(seedGuide() + '#android');
    await tabsReady(page);
    const closed = await page.locator('#android details.picture:not([open])').count();
    assert.equal(closed, 4, 'every picture of the panel is closed');
    const summary = page.locator('#android-3 details.picture > summary');
    assert.equal(await summary.isVisible(), true);
    assert.equal(await summary.locator('.show').isVisible(), true);
    assert.equal(await summary.locator('.hide').isVisible(), false);
    assert.equal((await summary.textContent()).trim(), 'Show pictureHide picture of step 3');
    assert.equal(await page.locator('#android-3 svg').isVisible(), false);
    await summary.click();
    assert.equal(await page.locator('#android-3 svg').isVisible(), true);
    assert.equal(await summary.locator('.hide').isVisible(), true);
    assert.equal(await summary.locator('.show').isVisible(), false);
    const { height, scroll } = await page.evaluate(() => ({
      height: document.documentElement.scrollHeight,
      scroll: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    }));
    assert.equal(scroll, 0, 'no sideways scroll');
    console.log(`# seed guide page at 375 px, Android tab: ${height} px`);
    assert.ok(height < 2600, `the page is ${height} px tall`);
  });
});

test('without JavaScript a phone shows the pictures open but small', async () => {
  await withBrowser({ viewport: PHONE, javaScriptEnabled: false }, async (_ctx, page) => {
    await page.goto(seedGuide());
    assert.equal(await page.locator('details.picture:not([open])').count(), 0);
    const width = await page.locator('#android-3 svg').evaluate((s) => s.getBoundingClientRect().width);
    assert.ok(width > 0 && width <= 8 * 16 + 1, `the phone picture is ${width} px wide`);
  });
});

for (const viewport of [DESKTOP, PHONE]) {
  test(`a link to #android lands with the title and the tabs in view (${viewport.width} px)`, async () => {
    await withBrowser({ viewport }, async (_ctx, page) => {
      await page.goto(seedGuide() + '#android');
      await tabsReady(page);
      await page.waitForLoadState('load');
      await page.waitForTimeout(100);
      assert.deepEqual((await tabState(page)).selected, ['android']);
      const pos = await page.evaluate(() => {
        const box = (el) => { const r = el.getBoundingClientRect(); return { top: r.top, bottom: r.bottom }; };
        return { h1: box(document.querySelector('h1')), tabs: box(document.querySelector('.tablist')), vh: innerHeight };
      });
      assert.ok(pos.tabs.top >= 0 && pos.tabs.bottom <= pos.vh, `tabs in view: ${JSON.stringify(pos)}`);
      if (viewport === DESKTOP) {
        assert.ok(pos.h1.top >= 0 && pos.h1.bottom <= pos.vh, `title in view: ${JSON.stringify(pos)}`);
      }
      // A step anchor still lands on its step.
      await page.goto(seedGuide() + '#android-5');
      await page.waitForLoadState('load');
      await page.waitForTimeout(100);
      const top = await page.locator('#android-5').evaluate((el) => el.getBoundingClientRect().top);
      assert.ok(top >= -1 && top < 40, `step 5 at the top: ${top}`);
    });
  });
}

function axeReport(violations) {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n` +
    v.nodes.map((n) => `    ${n.target.join(' ')}`).join('\n')).join('\n');
}

let axeContext;
after(async () => { await axeContext?.close(); });

for (const scheme of ['light', 'dark']) {
  for (const viewport of [DESKTOP, PHONE]) {
    test(`axe: the guide pages have no violation (${scheme}, ${viewport.width} px)`, async () => {
      axeContext ??= await launch({ bypassCSP: true });
      const page = await axeContext.newPage();
      try {
        await page.setViewportSize(viewport);
        await page.emulateMedia({ colorScheme: scheme, media: 'screen' });
        for (const url of [seedGuide() + '#android', fullGuide()]) {
          await page.goto(url);
          await tabsReady(page);
          // Open the pictures a phone closes, so that axe sees them too.
          await page.evaluate(() => document.querySelectorAll('details.picture').forEach((d) => { d.open = true; }));
          const scroll = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          assert.equal(scroll, 0, `no sideways scroll on ${url}`);
          await page.addScriptTag({ path: AXE });
          const r = await page.evaluate((tags) => window.axe.run(document,
            { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }), TAGS);
          assert.equal(r.violations.length, 0, `${url} (${scheme}):\n${axeReport(r.violations)}`);
        }
      } finally {
        await page.close();
      }
    });
  }
}

test('vnu: the guide pages of the seed and full sites have no HTML error', () => {
  const files = ['seed', 'full'].map((name) => {
    const out = buildSite(SITES[name], join(tempDir(), name));
    return join(out, 'guides', `${name === 'seed' ? SEED_GUIDE : FULL_GUIDE}.html`);
  });
  assert.deepEqual(vnuErrors(files), []);
});
