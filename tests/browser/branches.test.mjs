// Options and step references: a step with options is one numbered step whose options are
// clearly exclusive ("Do one of the following:", Option 1, Option 2, each with its own
// steps); a `{step:id}` reference shows the step's current number on each platform and
// links to it; inserting a step and rebuilding renumbers the reference. The pages pass axe
// (light and dark, 1280 and 375 px, no sideways scroll) and the Nu HTML Checker.

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { HERE, buildSite, copyGuides, launch, serve, tempDir, vnuErrors, withBrowser, pageProblems } from './helpers.mjs';

const GUIDES = 'tests/fixtures/build/branches/guides';
const GUIDE = 'sign-in';

/** Builds a copy of the fixture (changed by `edit`, if given) and serves it. */
async function site(edit) {
  const guides = copyGuides(GUIDES);
  if (edit) {
    const file = join(guides, 'acme', `${GUIDE}.yaml`);
    writeFileSync(file, edit(readFileSync(file, 'utf8')));
  }
  const out = buildSite(guides, join(tempDir(), 'output'));
  return { out, server: await serve(out), guides };
}

test('a step with options is one numbered step with exclusive options', async () => {
  const { server } = await site();
  try {
    await withBrowser({}, async (_ctx, page) => {
      await page.goto(`${server.url}guides/${GUIDE}.html`);
      const steps = page.locator('section#web ol.steps > li.step');
      assert.equal(await steps.count(), 5, 'the options add no top-level step');
      const step = page.locator('ol.steps > li#web-3');
      await step.waitFor({ state: 'visible' });
      const group = step.getByRole('group', { name: 'Do one of the following:' });
      assert.ok(await group.isVisible(), 'the options form a labelled group');
      const options = group.locator('ul.option-list > li.option');
      assert.equal(await options.count(), 2);
      assert.equal(
        (await options.nth(0).locator('.option-label').textContent()).replace(/\s+/g, ' ').trim(),
        'Option 1 If the screen asks for your company email:',
      );
      assert.equal(
        (await options.nth(1).locator('.option-label').textContent()).replace(/\s+/g, ' ').trim(),
        'Option 2 If the screen asks for a username:',
      );
      assert.deepEqual(
        (await options.nth(1).locator('ol.substeps > li.step .instruction').allTextContents()).map((t) => t.trim()),
        ['Type “your Acme username” in Username.', 'Type “your password” in Password.', 'Click Sign in.'],
      );
      assert.equal(await options.nth(0).locator('b.ui', { hasText: 'Continue' }).count(), 1, 'glossary labels in option steps');
      // The procedure goes on after the options.
      assert.match(await page.locator('li#web-4 .instruction').textContent(), /six-digit code/);
    });
  } finally {
    await server.close();
  }
});

test('a step reference shows the current number per platform and links to the step', async () => {
  const { server } = await site();
  try {
    await withBrowser({}, async (_ctx, page) => {
      await page.goto(`${server.url}guides/${GUIDE}.html`);
      for (const p of ['web', 'android', 'ios']) {
        const link = page.locator(`li#${p}-5 .note a`);
        assert.equal(await link.textContent(), 'step 2', `${p}: the reference names step 2`);
        assert.equal(await link.getAttribute('href'), `#${p}-2`, `${p}: it links to its own platform's step`);
      }
      // Following the link brings step 2 into view (the tabs script keeps the platform in
      // the address).
      await page.setViewportSize({ width: 1280, height: 400 });
      await page.locator('li#web-5 .note a').click();
      await page.waitForFunction(() => {
        const top = document.getElementById('web-2').getBoundingClientRect().top;
        return top > -2 && top < window.innerHeight / 2;
      });
    });
  } finally {
    await server.close();
  }
});

test('inserting a step and rebuilding renumbers the reference', async () => {
  const insert = (yaml) => yaml.replace(
    '    - press: sign-in-button\n      id: start\n',
    '    - do: Accept the cookie notice\n    - press: sign-in-button\n      id: start\n',
  );
  const { server } = await site(insert);
  try {
    await withBrowser({}, async (_ctx, page) => {
      await page.goto(`${server.url}guides/${GUIDE}.html`);
      const link = page.locator('li#web-6 .note a');
      assert.equal(await link.textContent(), 'step 3');
      assert.equal(await link.getAttribute('href'), '#web-3');
      assert.match(await page.locator('li#web-3 .instruction').textContent(), /Click Sign in/);
    });
  } finally {
    await server.close();
  }
});

test('axe and the Nu HTML Checker find nothing on the guide and checklist pages', async () => {
  const { out, server } = await site();
  const paths = [`guides/${GUIDE}.html`, `checklists/${GUIDE}.html`];
  try {
    const problems = [];
    for (const width of [1280, 375]) {
      const context = await launch({ bypassCSP: true, viewport: { width, height: 900 } });
      try {
        const page = await context.newPage();
        for (const scheme of ['light', 'dark']) {
          await page.emulateMedia({ colorScheme: scheme, media: 'screen' });
          for (const path of paths) {
            await page.goto(server.url + path);
            problems.push(...(await pageProblems(page, `${path} ${scheme} ${width}`)));
          }
        }
      } finally {
        await context.close();
      }
    }
    assert.deepEqual(problems, []);
    assert.deepEqual(vnuErrors(paths.map((p) => join(out, p))), []);
  } finally {
    await server.close();
  }
});
