// Security: hostile markup in every field of a guide stays text, the pages keep to their
// Content-Security-Policy, and nothing is fetched from any other host.

import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { SEED_GUIDE, XSS_GUIDE, htmlFiles, useSites, withBrowser } from './helpers.mjs';

const sites = useSites('seed', 'xss');

/**
 * Records what a page does that a safe page must not: console messages about the
 * Content-Security-Policy, `securitypolicyviolation` events, and requests to other hosts.
 */
async function watch(context) {
  const seen = { csp: [], foreign: [] };
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`Content-Security-Policy violation: ${e.violatedDirective} blocked ${e.blockedURI}`);
    });
  });
  context.on('console', (m) => {
    if (/content[- ]security[- ]policy/i.test(m.text())) seen.csp.push(`${m.page()?.url()}: ${m.text()}`);
  });
  context.on('request', (r) => {
    const url = new URL(r.url());
    if (url.protocol === 'data:') return;
    if (url.protocol === 'file:' || url.hostname !== '127.0.0.1') seen.foreign.push(r.url());
  });
  return seen;
}

/** Attributes named on*, script elements that are not the site's own, javascript: URLs. */
const injected = (page) => page.evaluate(() => {
  const found = [];
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      if (/^on/i.test(a.name)) found.push(`<${el.localName} ${a.name}="${a.value}">`);
      if (/^\s*javascript:/i.test(a.value)) found.push(`<${el.localName} ${a.name}="${a.value}">`);
    }
  }
  const own = ['stepwise.js', 'search.js'].map((f) => `${location.origin}/assets/${f}`);
  // The search index's files, loaded as scripts while the reader searches.
  const index = new RegExp(`^${location.origin}/search/(index|[td]-[0-9a-f]{16})\\.js$`);
  for (const s of document.querySelectorAll('script')) {
    if ((own.includes(s.src) || index.test(s.src)) && !s.textContent.trim()) continue;
    if (!s.src && s.type === 'application/ld+json') continue;
    found.push(`script ${s.outerHTML.slice(0, 120)}`);
  }
  return found;
});

test('hostile markup in every field stays text: no dialog, no handler, no foreign script', async () => {
  const category = readdirSync(join(sites.xss.root, 'categories')).filter((f) => f.endsWith('.html'));
  assert.equal(category.length, 1);
  const pages = [
    `guides/${XSS_GUIDE}.html`,
    `checklists/${XSS_GUIDE}.html`,
    'index.html',
    `categories/${category[0]}`,
    'products/evil.html',
  ];
  await withBrowser({}, async (context, page) => {
    const seen = await watch(context);
    for (const path of pages) {
      const res = await page.goto(sites.xss.url + path, { waitUntil: 'load' });
      assert.equal(res.status(), 200, path);
      // The hostile text is on the page, as text.
      assert.match(await page.locator('main').innerText(), /<script>alert\(1\)<\/script>/, path);
      assert.deepEqual(await injected(page), [], `${path}: injected markup`);
      const scripts = await page.locator('script').count();
      assert.ok(scripts >= 1, path);
    }
    // Search results show the hostile title and summary as text too.
    await page.locator('#search-q').fill('script alert');
    await page.locator('.search-popup .search-result').first().waitFor();
    assert.match(await page.locator('.search-popup').innerText(), /<script>alert\(1\)<\/script>/);
    assert.deepEqual(await injected(page), [], 'search results: injected markup');
    // Give late handlers (image errors, timers) a chance to fire.
    await page.waitForTimeout(300);
    assert.deepEqual(seen.csp, [], 'no CSP violation: nothing inline tried to run');
    assert.deepEqual(seen.foreign, []);
  });
  // withBrowser fails the test if any dialog opened.
});

test('no page of the seed site violates its CSP or requests another host', async () => {
  const pages = htmlFiles(sites.seed.root);
  assert.ok(pages.length >= 6, `pages: ${pages}`);
  await withBrowser({}, async (context, page) => {
    const seen = await watch(context);
    for (const path of pages) {
      const res = await page.goto(sites.seed.url + path, { waitUntil: 'load' });
      assert.equal(res.status(), 200, path);
      const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      assert.match(csp, /(^|;)\s*default-src 'self'\s*(;|$)/, `${path}: CSP`);
      // Use the page a little: switch platform, tick a box.
      const tab = page.getByRole('tab', { name: 'Android' });
      if (await tab.count()) {
        await tab.click();
        const box = page.locator('#android input[type="checkbox"]').first();
        if (await box.count()) await box.check();
      }
    }
    // An unknown URL gets the 404 page, also within the policy.
    const res = await page.goto(`${sites.seed.url}no-such-page.html`);
    assert.equal(res.status(), 404);
    assert.match(await page.locator('h1').textContent(), /not found/i);
    await page.goto(`${sites.seed.url}guides/${SEED_GUIDE}.html#android-3`);
    await page.waitForTimeout(200);
    assert.deepEqual(seen.csp, [], 'CSP violations');
    assert.deepEqual(seen.foreign, [], 'requests to other hosts');
  });
});
