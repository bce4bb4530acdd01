// Sub-steps are full steps: on the guide page a sub-step's optional tag, detail, choices,
// screenshot (with its alt text), result, note and warning are all visible inside the
// sub-step's own list item; the checklist page lists the sub-step with its optional tag and
// choices; axe finds no violation on either page.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, test } from 'node:test';

import { HERE, firstPage, launch, useSites, withBrowser } from './helpers.mjs';

const GUIDES = 'tests/fixtures/build/substeps/guides';
const GUIDE = 'remove-a-device';
const AXE = join(HERE, 'node_modules', 'axe-core', 'axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

const sites = useSites(GUIDES);
const site = () => sites[GUIDES];

test('every field of a sub-step is visible inside its list item', async () => {
  await withBrowser({}, async (_ctx, page) => {
    await page.goto(`${site().url}guides/${GUIDE}.html`);
    const sub = page.locator('li#web-2-1.step');
    await sub.waitFor({ state: 'visible' });
    assert.equal(
      await page.locator('ol.substeps > li#web-2-1').count(), 1,
      'the sub-step is an item of its step\'s sub-step list',
    );
    const visible = async (locator, what) => {
      assert.equal(await locator.count(), 1, `one ${what} in the sub-step`);
      assert.ok(await locator.isVisible(), `${what} is visible`);
    };
    await visible(sub.locator('.instruction .tag', { hasText: 'Optional' }), 'optional tag');
    await visible(sub.locator('.instruction b.ui', { hasText: 'Remove device' }), 'UI label');
    await visible(sub.locator('.detail', { hasText: 'every device signed in during the last 90 days' }), 'detail');
    await visible(sub.locator('.detail strong', { hasText: '90 days' }), 'detail Markdown');
    await visible(sub.locator('ul.choices'), 'choice list');
    assert.deepEqual(await sub.locator('ul.choices > li').allTextContents(), ['A phone', 'A smart TV']);
    const img = sub.getByRole('img', {
      name: 'The Devices page, with the Remove device button at the bottom right',
    });
    await visible(img, 'screenshot');
    await img.scrollIntoViewIfNeeded();
    await page.waitForFunction(
      () => document.querySelector('#web-2-1 img')?.complete && document.querySelector('#web-2-1 img').naturalWidth > 0,
    );
    assert.equal(await img.evaluate((i) => i.naturalWidth), 360, 'the screenshot loads');
    await visible(sub.locator('.callout-notes li', { hasText: 'Remove device' }), 'callout label');
    await visible(sub.locator('.result', { hasText: 'The device disappears from the list.' }), 'result');
    await visible(sub.locator('.note', { hasText: 'A removed device can sign in again with your password.' }), 'note');
    await visible(sub.locator('.warning', { hasText: 'Downloads on the removed device are deleted.' }), 'warning');
  });
});

test('the checklist page lists the sub-step with its optional tag and choices', async () => {
  await withBrowser({}, async (_ctx, page) => {
    await page.goto(`${site().url}checklists/${GUIDE}.html`);
    const box = page.getByRole('checkbox', { name: 'Optional Click Remove device (bottom right).' });
    await box.waitFor({ state: 'visible' });
    const item = page.locator('li', { has: page.locator('#c-web-2-1') });
    await item.locator('.tag', { hasText: 'Optional' }).waitFor({ state: 'visible' });
    assert.deepEqual(await item.locator('ul.choices > li').allTextContents(), ['A phone', 'A smart TV']);
    assert.equal(
      await page.locator('li:has(> #c-web-2) > ol > li > #c-web-2-1').count(), 1,
      'the sub-step\'s checkbox is nested under its step',
    );
    await box.check();
    assert.ok(await box.isChecked());
  });
});

// One browser for the axe runs; it bypasses the pages' CSP so that axe can be injected.
let axeContext;
after(async () => {
  await axeContext?.close();
});

for (const [kind, path] of [['guide', `guides/${GUIDE}.html`], ['checklist', `checklists/${GUIDE}.html`]]) {
  test(`axe: no violation on the ${kind} page with sub-steps`, async () => {
    axeContext ??= await launch({ bypassCSP: true });
    const page = await firstPage(axeContext);
    await page.goto(site().url + path);
    await page.addScriptTag({ path: AXE });
    const results = await page.evaluate(
      (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
      TAGS,
    );
    const report = results.violations
      .map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`)
      .join('\n');
    assert.equal(results.violations.length, 0, `axe violations on ${path}:\n${report}`);
  });
}
