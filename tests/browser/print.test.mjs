// Printing: the print stylesheet hides the site chrome and shows every platform, and a
// printed checklist gives each platform a page of its own.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { FULL_GUIDE, SEED_GUIDE, useSites, tabsReady, withBrowser } from './helpers.mjs';

const sites = useSites('seed', 'full');

/** Computed `display` of the first element matching each selector, and of every panel. */
const printState = (page) => page.evaluate(() => {
  const display = (sel) => [...document.querySelectorAll(sel)].map((e) => getComputedStyle(e).display);
  const headings = [...document.querySelectorAll('.panel .panel-heading')].map((h) => {
    const r = h.getBoundingClientRect();
    return { display: getComputedStyle(h).display, width: r.width, height: r.height };
  });
  return {
    tablist: display('[role="tablist"]'),
    header: display('.site-header'),
    reset: display('.reset'),
    panels: display('.panel'),
    headings,
  };
});

test('in print the tablist, header and reset buttons are hidden and every panel is shown', async () => {
  await withBrowser({}, async (_ctx, page) => {
    for (const path of [`guides/${SEED_GUIDE}.html`, `checklists/${SEED_GUIDE}.html`]) {
      await page.goto(sites.seed.url + path);
      await tabsReady(page);
      await page.emulateMedia({ media: 'print' });
      const s = await printState(page);
      assert.deepEqual(s.tablist, ['none'], `${path}: tablist`);
      assert.deepEqual(s.header, ['none'], `${path}: header`);
      assert.ok(s.reset.every((d) => d === 'none'), `${path}: reset buttons ${s.reset}`);
      assert.equal(s.panels.length, 3);
      assert.ok(s.panels.every((d) => d !== 'none'), `${path}: every panel is displayed (${s.panels})`);
      // With every panel printed, each needs its platform's name as a visible heading.
      for (const h of s.headings) {
        assert.ok(h.display !== 'none' && h.width > 1 && h.height > 1, `${path}: panel heading printed ${JSON.stringify(h)}`);
      }
      await page.emulateMedia({ media: 'screen' });
    }
  });
});

/** Number of pages of a PDF: `/Type /Page` objects (not `/Type /Pages`). */
function pdfPages(bytes) {
  return (bytes.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) || []).length;
}

test('a printed checklist has exactly one page per platform', async () => {
  await withBrowser({}, async (_ctx, page) => {
    for (const [site, id, platforms] of [[sites.seed, SEED_GUIDE, 3], [sites.full, FULL_GUIDE, 4]]) {
      await page.goto(`${site.url}checklists/${id}.html`);
      await tabsReady(page);
      const pdf = await page.pdf({ format: 'A4' });
      assert.equal(pdfPages(pdf), platforms, `${id}: ${platforms} platforms, one page each`);
    }
  });
});
