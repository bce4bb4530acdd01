// Steps on another device: in a TV guide whose reader goes to a computer's browser for a
// few steps, the page says "On your computer or phone:" before the first of them and "Back
// on your TV:" before the step that returns, in words that are part of the step (so screen
// readers announce them) and visible; those steps read with the web's labels and verb; the
// checklist page says the same in the checkboxes' names; axe finds no violation and the
// Nu HTML Checker no error, light and dark, at 1280 and 375 px, without sideways scroll.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';

import { HERE, launch, useSites, vnuErrors, withBrowser, pageProblems } from './helpers.mjs';

const GUIDES = 'tests/fixtures/build/device/guides';
const GUIDE = 'activate-on-tv';
const PAGES = [['guide', `guides/${GUIDE}.html`], ['checklist', `checklists/${GUIDE}.html`]];

const sites = useSites(GUIDES);
const site = () => sites[GUIDES];

test('the move to the computer and the return to the TV are visible words of their steps', async () => {
  await withBrowser({}, async (_ctx, page) => {
    await page.goto(`${site().url}guides/${GUIDE}.html`);
    const away = page.locator('li#tv-4.moves > .instruction > .switch');
    await away.waitFor({ state: 'visible' });
    assert.equal(await away.textContent(), 'On your computer or phone:');
    const back = page.locator('li#tv-8.moves > .instruction > .switch');
    assert.ok(await back.isVisible(), 'the return is visible');
    assert.equal(await back.textContent(), 'Back on your TV:');
    assert.equal(await page.locator('.switch').count(), 2, 'one move away and one back, not one per step');
    // The words open the step's sentence, so they are read with the step's number.
    const item = page.getByRole('listitem').filter({ has: page.locator('.switch', { hasText: 'On your computer or phone:' }) });
    assert.equal(await item.count(), 1, 'the move away is inside the step\'s list item');
    assert.match((await item.innerText()).replace(/\s+/g, ' '), /^On your computer or phone: Open streamly\.com\/tv\./);
    // Steps on the computer use the web's verb and labels.
    assert.match(await page.locator('#tv-7 > .instruction').innerText(), /^Click Activate/);
    assert.match(await page.locator('#tv-3 > .instruction').innerText(), /^Select Sign in on the web/);
    // The switch is told in text, not only by colour: its text differs from the steps'.
    const style = await away.evaluate((e) => getComputedStyle(e).fontWeight);
    assert.equal(style, '700');
  });
});

test('the checklist names the device in the checkbox of the first step of each run', async () => {
  await withBrowser({}, async (_ctx, page) => {
    await page.goto(`${site().url}checklists/${GUIDE}.html`);
    await page.getByRole('checkbox', { name: 'On your computer or phone: Open streamly.com/tv.' }).waitFor();
    await page.getByRole('checkbox', { name: 'Back on your TV: Wait a few seconds.' }).waitFor();
    assert.equal(await page.getByRole('checkbox', { name: /^Click Activate/ }).count(), 1, 'later steps of the run keep their own words');
  });
});

for (const width of [1280, 375]) {
  test(`axe finds nothing on the guide and checklist, light and dark, at ${width} px; no sideways scroll`, async () => {
    const context = await launch({ bypassCSP: true, viewport: { width, height: 900 } });
    try {
      const page = await context.newPage();
      const problems = [];
      for (const scheme of ['light', 'dark']) {
        await page.emulateMedia({ colorScheme: scheme, media: 'screen' });
        for (const [kind, path] of PAGES) {
          await page.goto(site().url + path);
          problems.push(...(await pageProblems(page, `${kind} (${scheme})`)));
        }
      }
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
}

test('the Nu HTML Checker finds no error on the guide and checklist', () => {
  const files = PAGES.map(([, p]) => join(site().root, p));
  assert.deepEqual(vnuErrors(files), []);
});
