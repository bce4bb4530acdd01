// Accessibility: axe-core finds no violation (WCAG 2.0/2.1/2.2 A and AA, best practices) on
// the home, guide and checklist pages of the seed site and the full fixture, in light and
// dark schemes; and the pages reflow without horizontal scrolling at 320 and 375 px.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, test } from 'node:test';

import { FULL_GUIDE, HERE, SEED_GUIDE, launch, firstPage, useSites, tabsReady } from './helpers.mjs';

const AXE = join(HERE, 'node_modules', 'axe-core', 'axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

const sites = useSites('seed', 'full');

const pagesOf = (name, id) => [
  ['home', 'index.html'],
  ['guide', `guides/${id}.html`],
  ['checklist', `checklists/${id}.html`],
].map(([kind, path]) => ({ site: name, kind, path }));

const PAGES = [...pagesOf('seed', SEED_GUIDE), ...pagesOf('full', FULL_GUIDE)];

function report(violations) {
  return violations.map((v) =>
    `${v.id} (${v.impact}): ${v.help}\n` +
    v.nodes.map((n) => `    ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ')}`).join('\n'),
  ).join('\n');
}

// One browser for every axe run; it bypasses the pages' CSP so that axe can be injected.
let axeContext;
async function axeBrowser() {
  axeContext ??= await launch({ bypassCSP: true });
  return axeContext;
}
after(async () => {
  await axeContext?.close();
});

for (const scheme of ['light', 'dark']) {
  for (const p of PAGES) {
    test(`axe: no violation on the ${p.site} ${p.kind} page (${scheme})`, async () => {
      const site = sites[p.site];
      const context = await axeBrowser();
      const page = await context.newPage();
      try {
        await page.emulateMedia({ colorScheme: scheme, media: 'screen' });
        await page.goto(site.url + p.path);
        if (p.kind !== 'home') await tabsReady(page);
        const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        assert.equal(bg, scheme === 'dark' ? 'rgb(15, 19, 24)' : 'rgb(255, 255, 255)', 'the scheme is applied');
        await page.addScriptTag({ path: AXE });
        const results = await page.evaluate(
          (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
          TAGS,
        );
        assert.equal(results.violations.length, 0,
          `${results.violations.length} axe violation(s) on ${p.path} (${scheme}):\n${report(results.violations)}`);
      } finally {
        await page.close();
      }
    });
  }
}

for (const width of [320, 375]) {
  test(`no horizontal scrolling at ${width} px on home, guide and checklist pages`, async () => {
    const context = await launch({ viewport: { width, height: 740 }, isMobile: false });
    try {
      const page = await firstPage(context);
      const wide = [];
      for (const p of PAGES) {
        const site = sites[p.site];
        await page.goto(site.url + p.path);
        if (p.kind !== 'home') await tabsReady(page);
        const tabs = p.kind === 'home' ? [null] : await page.locator('[role="tab"]').allTextContents();
        for (const tab of tabs) {
          if (tab) await page.getByRole('tab', { name: tab }).click();
          const { scroll, inner, culprits } = await page.evaluate(() => {
            const w = document.documentElement.clientWidth;
            return {
              scroll: document.documentElement.scrollWidth,
              inner: window.innerWidth,
              culprits: [...document.querySelectorAll('body *')]
                .filter((e) => e.getBoundingClientRect().right > w + 0.5)
                .slice(0, 5)
                .map((e) => `${e.localName}.${e.className} right=${Math.round(e.getBoundingClientRect().right)}`),
            };
          });
          assert.equal(inner, width);
          if (scroll > width) wide.push(`${p.site} ${p.path} ${tab ?? ''}: scrollWidth ${scroll} > ${width}: ${culprits.join(', ')}`);
        }
      }
      assert.deepEqual(wide, []);
    } finally {
      await context.close();
    }
  });
}
