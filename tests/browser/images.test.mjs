// Illustrations in the browser: screenshots load with alt text and real sizes, callout
// overlays stay on the image at phone and desktop widths, every seed step is illustrated.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { FULL_GUIDE, SEED_GUIDE, useSites, withBrowser } from './helpers.mjs';

const sites = useSites('seed', 'full');

test('the seed guide draws a picture where it shows more than the sentence', async () => {
  await withBrowser({ javaScriptEnabled: false }, async (_ctx, page) => {
    await page.goto(`${sites.seed.url}guides/${SEED_GUIDE}.html`);
    const steps = await page.evaluate(() =>
      [...document.querySelectorAll('ol.steps > li.step')].map((li) => ({
        id: li.id,
        svg: li.querySelector(':scope > details.picture > figure svg.schematic[role="img"]')?.querySelector('title')?.textContent ?? '',
      })));
    assert.equal(steps.length, 20);
    // `illustrations: where-useful`: the icons, the menu items, the confirmation and the
    // step that asks for a picture; not opening the app, signing in or scrolling to a section.
    assert.deepEqual(steps.filter((s) => s.svg.length > 10).map((s) => s.id), [
      'web-3', 'web-4', 'web-6',
      'android-3', 'android-4', 'android-5', 'android-7',
      'ios-3', 'ios-4', 'ios-5', 'ios-7',
    ]);
    // Alt text from the guide where it gives one, generated from the glossary otherwise.
    assert.equal(steps.find((s) => s.id === 'android-3').svg, 'The My Netflix tab at the bottom right of the Netflix app');
    assert.equal(steps.find((s) => s.id === 'android-4').svg, 'Menu icon, top right of My Netflix, in the Netflix app on Android');
  });
});

for (const width of [375, 1280]) {
  test(`screenshots load and callouts line up at ${width} px`, async () => {
    await withBrowser({ viewport: { width, height: 900 } }, async (_ctx, page) => {
      await page.goto(`${sites.full.url}guides/${FULL_GUIDE}.html#web`);
      // On a phone the pictures open on demand.
      if (width < 640) {
        for (const s of await page.locator('#web details.picture > summary').all()) await s.click();
      }
      const imgs = page.locator('img');
      await imgs.first().waitFor();
      // Lazy images load once scrolled into view.
      for (const img of await imgs.all()) await img.scrollIntoViewIfNeeded();
      await page.waitForFunction(() => [...document.images].every((i) => i.complete));
      const info = await page.evaluate(() => [...document.images].map((i) => ({
        src: i.getAttribute('src'), alt: i.alt, w: i.naturalWidth, h: i.naturalHeight,
      })));
      assert.ok(info.length >= 2);
      for (const i of info) {
        assert.ok(i.w > 0 && i.h > 0, `${i.src} did not load`);
        assert.ok(i.alt.trim().length > 0, `${i.src} has no alt text`);
      }
      const boxes = await page.evaluate(() => [...document.querySelectorAll('svg.callouts')].map((svg) => {
        const img = svg.parentElement.querySelector('img').getBoundingClientRect();
        const o = svg.getBoundingClientRect();
        return { img: [img.x, img.y, img.width, img.height], overlay: [o.x, o.y, o.width, o.height] };
      }));
      assert.equal(boxes.length, 1);
      for (const b of boxes) {
        b.img.forEach((v, k) => assert.ok(Math.abs(v - b.overlay[k]) < 1.5, `overlay ${b.overlay} vs image ${b.img}`));
        assert.ok(b.img[2] <= width, 'the screenshot fits the page');
      }
    });
  });
}
