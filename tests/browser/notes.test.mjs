// Guide notes (one for an audience), per-platform goals that follow the selected tab, and
// placeholders rendered as <var>: on the guide page and the checklist page; axe finds no
// violation and vnu no error, light and dark, at 1280 and 375 px, without sideways scroll.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, test } from 'node:test';

import { HERE, buildSite, firstPage, launch, tabsReady, tempDir, useSites, vnuErrors, withBrowser } from './helpers.mjs';

const GUIDES = 'tests/fixtures/build/notes/guides';
const GUIDE = 'remove-a-device';
const AXE = join(HERE, 'node_modules', 'axe-core', 'axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const PAGES = [['guide', `guides/${GUIDE}.html`], ['checklist', `checklists/${GUIDE}.html`]];

const sites = useSites(GUIDES);
const site = () => sites[GUIDES];

test('notes sit before the steps, labelled, the audience note by its audience', async () => {
  await withBrowser({}, async (_ctx, page) => {
    await page.goto(`${site().url}guides/${GUIDE}.html`);
    const notes = page.locator('p.guide-note');
    assert.equal(await notes.count(), 2);
    assert.equal(await notes.nth(0).locator('.label').textContent(), 'Note:');
    assert.equal(await notes.nth(0).locator('strong').textContent(), 'an hour');
    assert.equal(await notes.nth(1).locator('.label').textContent(), 'For admins:');
    assert.match(await notes.nth(1).textContent(), /remove the devices of anyone in your organization/);
    assert.ok(await notes.nth(1).isVisible());
    const before = await notes.nth(1).evaluate(
      (n) => Boolean(n.compareDocumentPosition(document.getElementById('steps-heading')) & Node.DOCUMENT_POSITION_FOLLOWING),
    );
    assert.ok(before, 'the notes come before the steps');
  });
});

test('each tab shows its own platform goal', async () => {
  await withBrowser({}, async (_ctx, page) => {
    await page.goto(`${site().url}guides/${GUIDE}.html`);
    await tabsReady(page);
    const visibleGoals = () => page.locator('.panel:not([hidden]) p.goal').allTextContents();
    await page.getByRole('tab', { name: 'Web' }).click();
    assert.deepEqual(await visibleGoals(), ['Remove any device from your account.']);
    assert.ok(await page.locator('#web p.goal').isVisible());
    await page.getByRole('tab', { name: 'iOS' }).click();
    assert.deepEqual(await visibleGoals(), ['Remove this phone from your account.']);
    assert.ok(await page.locator('#ios p.goal').isVisible());
    assert.ok(!(await page.locator('#web p.goal').isVisible()), 'the web goal is hidden on the iOS tab');
  });
});

test('placeholders render as <var>, not as bold UI labels or quoted text', async () => {
  await withBrowser({}, async (_ctx, page) => {
    await page.goto(`${site().url}guides/${GUIDE}.html`);
    await tabsReady(page);
    await page.getByRole('tab', { name: 'Web' }).click();
    const typed = page.locator('#web-2 .instruction');
    assert.equal(await typed.locator('var').textContent(), 'your work email address');
    assert.match(await typed.textContent(), /^Type your work email address in Email\.?/);
    const profile = page.locator('#web-3 .instruction');
    assert.equal(await profile.locator('var').textContent(), 'your profile name');
    assert.equal(await profile.locator('b.ui').count(), 0, 'a placeholder is not a UI label');
    const style = await profile.locator('var').evaluate((v) => getComputedStyle(v).fontStyle);
    assert.equal(style, 'italic');
    await page.goto(`${site().url}checklists/${GUIDE}.html`);
    assert.ok((await page.locator('form.checks var', { hasText: 'your profile name' }).count()) >= 1);
    assert.equal(await page.locator('.checklist p.guide-note .label', { hasText: 'For admins:' }).count(), 1);
  });
});

let axeContext;
after(async () => {
  await axeContext?.close();
});

for (const scheme of ['light', 'dark']) {
  for (const width of [1280, 375]) {
    for (const [kind, path] of PAGES) {
      test(`axe: no violation on the ${kind} page, ${scheme}, ${width} px; no sideways scroll`, async () => {
        axeContext ??= await launch({ bypassCSP: true });
        const page = await firstPage(axeContext);
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme: scheme, media: 'screen' });
        await page.goto(site().url + path);
        await tabsReady(page);
        for (const tab of ['Web', 'iOS']) {
          await page.getByRole('tab', { name: tab }).click();
          const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
          assert.ok(scroll <= width, `${path} ${tab}: scrollWidth ${scroll} > ${width}`);
          await page.addScriptTag({ path: AXE });
          const results = await page.evaluate(
            (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
            TAGS,
          );
          const report = results.violations
            .map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`)
            .join('\n');
          assert.equal(results.violations.length, 0, `axe violations on ${path} (${tab}):\n${report}`);
        }
      });
    }
  }
}

test('the Nu HTML Checker finds no error on the pages with notes, goals and placeholders', () => {
  const out = buildSite(GUIDES, join(tempDir(), 'notes'));
  const files = PAGES.map(([, p]) => join(out, p));
  assert.deepEqual(vnuErrors(files), []);
});
