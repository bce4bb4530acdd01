// Brand, site furniture, feedback and the static folder, in a real browser: the logo,
// favicon, accent colour and links are on the pages; "Was this guide helpful?" posts to a
// local test endpoint with JavaScript (JSON, thanks in a live region) and without it (a
// plain form); the CSP lets the pages reach that origin and no other; the static folder
// survives a rebuild; axe and vnu find nothing, light and dark, at 1280 and 375 px; and
// `stepwise serve` serves all of it.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';

import { BIN, FULL_GUIDE, HERE, SITES, buildSite, copyGuides, firstPage, htmlFiles, launch, serve, tabsReady, vnuErrors, withBrowser } from './helpers.mjs';

const AXE = join(HERE, 'node_modules', 'axe-core', 'axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" fill="#c8102e"/><path d="M18 46 32 16l14 30z" fill="#fff"/></svg>\n';
// A 1x1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** A local endpoint that records what it receives and answers as the documented receiver does. */
async function endpoint() {
  const received = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => { body += d; });
    req.on('end', () => {
      received.push({ method: req.method, path: req.url, type: req.headers['content-type'] ?? '', origin: req.headers.origin, body });
      const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'Content-Type' };
      if (req.method === 'OPTIONS') return res.writeHead(204, cors).end();
      if ((req.headers['content-type'] ?? '').startsWith('application/json')) return res.writeHead(204, cors).end();
      res.writeHead(200, { ...cors, 'content-type': 'text/html; charset=utf-8' })
        .end('<!DOCTYPE html><title>Thanks</title><p>Thanks for telling us.</p>');
    });
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    received,
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
  };
}

/** The full fixture with every brand setting, a logo, a favicon and a static folder. */
function brandedGuides(origin) {
  const guides = copyGuides(SITES.full);
  const site = readFileSync(join(guides, 'site.yaml'), 'utf8');
  writeFileSync(join(guides, 'site.yaml'), `${site}
logo: brand/logo.svg
favicon: brand/icon.png
accent: "#c8102e"
header_links:
  - {title: Status, url: "https://status.acme.example/"}
footer_links:
  - {title: Privacy, url: "https://acme.example/privacy"}
  - {title: Terms, url: terms.html}
contact: mailto:help@acme.example
feedback:
  endpoint: ${origin}/feedback
  thanks: Thanks, that helps us improve.
`);
  mkdirSync(join(guides, 'brand'));
  writeFileSync(join(guides, 'brand', 'logo.svg'), LOGO);
  writeFileSync(join(guides, 'brand', 'icon.png'), PNG);
  const statics = join(dirname(guides), 'static');
  for (const [path, text] of [
    ['robots.txt', 'User-agent: *\nAllow: /\n'],
    ['CNAME', 'help.acme.example\n'],
    ['.well-known/security.txt', 'Contact: mailto:security@acme.example\n'],
    ['terms.html', '<!DOCTYPE html><html lang="en"><meta charset="utf-8"><title>Terms</title><p>Terms of use.</p></html>\n'],
  ]) {
    mkdirSync(dirname(join(statics, path)), { recursive: true });
    writeFileSync(join(statics, path), text);
  }
  mkdirSync(join(statics, 'img'));
  writeFileSync(join(statics, 'img', 'banner.png'), PNG);
  return { guides, statics };
}

let hook;
let site;
let input;
const GUIDE = `guides/${FULL_GUIDE}.html`;

before(async () => {
  hook = await endpoint();
  input = brandedGuides(hook.origin);
  site = await serve(buildSite(input.guides, join(dirname(input.guides), 'output')));
});
after(async () => {
  await site?.close();
  await hook?.close();
});

test('logo, favicon, accent colour, header and footer links and the contact block are on the pages', async () => {
  await withBrowser({}, async (_ctx, page) => {
    for (const [scheme, accent] of [['light', 'rgb(200, 16, 46)'], ['dark', null]]) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(site.url + GUIDE);
      await tabsReady(page);
      const logo = page.locator('header .site-title img.site-logo');
      assert.equal(await logo.evaluate((img) => img.complete && img.naturalWidth), 64, 'the logo loaded');
      assert.equal(await page.locator('header .site-title').innerText(), 'Acme Help');
      const icon = await page.locator('link[rel="icon"]').evaluate((l) => l.href);
      assert.match(icon, /\/media\/[0-9a-f]{16}\.png$/);
      assert.equal((await fetch(icon)).status, 200);
      const colour = await page.locator('.contact-link').evaluate((a) => getComputedStyle(a).color);
      if (accent) assert.equal(colour, accent);
      else {
        // The dark scheme gets a lighter colour of the same hue that passes on its background.
        assert.notEqual(colour, 'rgb(200, 16, 46)');
        const [r, g, b] = colour.match(/\d+/g).map(Number);
        assert.ok(r > g && r > b, colour);
      }
      const button = await page.getByRole('button', { name: 'Yes' }).evaluate((b) => getComputedStyle(b).borderColor);
      assert.equal(button, colour, 'the answer buttons use the accent');
      const search = await page.getByRole('button', { name: 'Search' }).evaluate((b) => getComputedStyle(b).backgroundColor);
      assert.equal(search, colour, 'accent buttons use the accent');
    }
    assert.equal(await page.getByRole('navigation', { name: 'Site links' }).getByRole('link').getAttribute('href'), 'https://status.acme.example/');
    const footer = page.getByRole('navigation', { name: 'Site information' });
    assert.deepEqual(await footer.getByRole('link').allInnerTexts(), ['Privacy', 'Terms']);
    await footer.getByRole('link', { name: 'Terms' }).click();
    await page.waitForURL(site.url + 'terms.html');
    assert.equal(await page.locator('p').innerText(), 'Terms of use.');
    await page.goto(site.url + GUIDE);
    const contact = page.getByRole('region', { name: 'Still need help?' });
    assert.equal(await contact.getByRole('link', { name: 'Contact support' }).getAttribute('href'), 'mailto:help@acme.example');
  });
});

test('with JavaScript, an answer is a JSON POST to the endpoint and a thank-you in a live region', async () => {
  hook.received.length = 0;
  await withBrowser({}, async (_ctx, page) => {
    await page.goto(site.url + GUIDE);
    await tabsReady(page);
    await page.getByRole('tab', { name: 'Android' }).click();
    const question = page.getByRole('region', { name: 'Was this guide helpful?' });
    await question.getByRole('button', { name: 'Yes' }).click();
    const status = page.getByRole('status').filter({ hasText: 'Thanks' });
    await status.waitFor();
    assert.equal(await status.innerText(), 'Thanks, that helps us improve.');
    assert.equal(await status.getAttribute('class'), 'feedback-status');
    assert.equal(await page.locator('.feedback-answers').isHidden(), true, 'the buttons are gone');
    assert.equal(await question.getByRole('heading').innerText(), 'Was this guide helpful?', 'the question stays');
    assert.equal(page.url(), site.url + GUIDE + '#android', 'the page stayed');
  });
  const posts = hook.received.filter((r) => r.method === 'POST');
  assert.equal(posts.length, 1, JSON.stringify(hook.received));
  assert.equal(posts[0].path, '/feedback');
  assert.match(posts[0].type, /^application\/json/);
  assert.deepEqual(JSON.parse(posts[0].body), {
    guide: FULL_GUIDE, platform: 'android', helpful: true, url: site.url + GUIDE,
  });
});

test('without JavaScript, an answer is a plain form POST to the same endpoint', async () => {
  hook.received.length = 0;
  await withBrowser({ javaScriptEnabled: false }, async (_ctx, page) => {
    await page.goto(site.url + GUIDE);
    await page.getByRole('button', { name: 'No' }).click();
    await page.waitForURL(`${hook.origin}/feedback`);
    assert.equal(await page.locator('p').innerText(), 'Thanks for telling us.');
  });
  // (The browser may also ask the endpoint's server for a favicon.)
  const posts = hook.received.filter((r) => r.method !== 'GET');
  assert.equal(posts.length, 1, JSON.stringify(hook.received));
  const [post] = posts;
  assert.equal(post.method, 'POST');
  assert.equal(post.type, 'application/x-www-form-urlencoded');
  assert.deepEqual(Object.fromEntries(new URLSearchParams(post.body)), {
    guide: FULL_GUIDE, platform: '', url: `https://help.acme.example/${GUIDE}`, helpful: 'no',
  });
});

test("the CSP allows the endpoint's origin and no other", async () => {
  const other = await endpoint();
  try {
    await withBrowser({}, async (_ctx, page) => {
      const violations = [];
      await page.exposeFunction('reportViolation', (v) => violations.push(v));
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => window.reportViolation(`${e.effectiveDirective} ${e.blockedURI}`));
      });
      await page.goto(site.url + GUIDE);
      await tabsReady(page);
      const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      assert.equal(csp, `default-src 'self'; img-src 'self' data:; connect-src 'self' ${hook.origin}; form-action 'self' ${hook.origin}`);
      const tryFetch = (url) => page.evaluate((u) => fetch(u, { method: 'POST', body: '{}' }).then(() => 'sent', () => 'blocked'), url);
      assert.equal(await tryFetch(`${hook.origin}/feedback`), 'sent');
      assert.equal(await tryFetch(`${other.origin}/steal`), 'blocked');
      // A form pointed at another origin does not leave either.
      const before = page.url();
      await page.evaluate((u) => { const f = document.querySelector('form.feedback-form'); f.action = u; f.requestSubmit(); }, `${other.origin}/steal`);
      await page.waitForTimeout(300);
      assert.equal(page.url(), before);
      assert.deepEqual(other.received, []);
      assert.ok(violations.some((v) => v.startsWith('connect-src')), violations.join('\n'));
      assert.ok(violations.some((v) => v.startsWith('form-action')), violations.join('\n'));
    });
  } finally {
    await other.close();
  }
});

test('a site without feedback shows no question and keeps the plain CSP', async () => {
  const plain = await serve(buildSite(SITES.full, join(dirname(input.guides), 'plain')));
  try {
    await withBrowser({}, async (_ctx, page) => {
      await page.goto(plain.url + GUIDE);
      assert.equal(await page.locator('.feedback, .contact, .site-logo, .header-links, .footer-links').count(), 0);
      assert.equal(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'), "default-src 'self'; img-src 'self' data:");
    });
  } finally {
    await plain.close();
  }
});

test('the static folder is served and survives a rebuild; stale files still go', async () => {
  const out = site.root;
  const get = async (path) => { const r = await fetch(site.url + path); return [r.status, r.status === 200 ? await r.text() : '']; };
  assert.deepEqual(await get('robots.txt'), [200, 'User-agent: *\nAllow: /\n']);
  assert.deepEqual(await get('CNAME'), [200, 'help.acme.example\n']);
  assert.deepEqual(await get('.well-known/security.txt'), [200, 'Contact: mailto:security@acme.example\n']);
  writeFileSync(join(out, 'stray.txt'), 'nobody made me');
  // A rebuild with an edited guide: static files stay, the stray file goes.
  const guide = join(input.guides, 'acme', `${FULL_GUIDE}.yaml`);
  writeFileSync(guide, readFileSync(guide, 'utf8').replace(/^title: (.*)$/m, 'title: $1 (edited)'));
  buildSite(input.guides, out);
  assert.deepEqual(await get('robots.txt'), [200, 'User-agent: *\nAllow: /\n']);
  assert.equal((await fetch(site.url + 'img/banner.png')).status, 200);
  assert.equal(existsSync(join(out, 'stray.txt')), false);
  // A file taken out of the static folder leaves the site.
  rmSync(join(input.statics, 'CNAME'));
  buildSite(input.guides, out);
  assert.equal((await get('CNAME'))[0], 404);
  assert.deepEqual(await get('robots.txt'), [200, 'User-agent: *\nAllow: /\n']);
});

test('stepwise serve serves the logo, the accent stylesheet and the static files', async () => {
  const child = spawn(BIN, ['serve', input.guides, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  try {
    const url = await new Promise((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`serve did not start:\n${stderr}`)), 15_000);
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        const m = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
        if (m) { clearTimeout(timer); ok(m[0]); }
      });
      child.once('exit', (code) => fail(new Error(`serve exited (${code}):\n${stderr}`)));
    });
    await withBrowser({}, async (_ctx, page) => {
      const loads = [];
      page.on('response', (r) => loads.push(`${r.status()} ${r.url().slice(url.length)}`));
      await page.goto(url + GUIDE, { timeout: 10_000 });
      await tabsReady(page);
      assert.equal(await page.locator('img.site-logo').evaluate((img) => img.naturalWidth), 64);
      assert.equal(await page.locator('.contact-link').evaluate((a) => getComputedStyle(a).color), 'rgb(200, 16, 46)');
      assert.ok(loads.some((l) => l.startsWith('200 assets/brand.css')), loads.join('\n'));
      await page.goto(url + 'robots.txt', { timeout: 10_000 });
      assert.equal((await page.locator('body').innerText()).trim(), 'User-agent: *\nAllow: /');
    });
  } finally {
    await new Promise((done) => { child.once('exit', done); child.kill('SIGINT'); });
  }
});

function violations(list) {
  return list.map((v) => `${v.id} (${v.impact}): ${v.help}\n` + v.nodes.map((n) => `    ${n.target.join(' ')}`).join('\n')).join('\n');
}

test('axe finds no violation on branded pages, light and dark, at 1280 and 375 px, nor any sideways scroll', async () => {
  const problems = [];
  for (const width of [1280, 375]) {
    const context = await launch({ bypassCSP: true, viewport: { width, height: 800 } });
    try {
      const page = await firstPage(context);
      for (const scheme of ['light', 'dark']) {
        await page.emulateMedia({ colorScheme: scheme, media: 'screen' });
        for (const [path, thanked] of [['index.html', false], [GUIDE, false], [GUIDE, true], ['search.html?q=sign', false]]) {
          await page.goto(site.url + path);
          if (path === GUIDE) await tabsReady(page);
          if (thanked) {
            await page.getByRole('button', { name: 'No' }).click();
            await page.getByRole('status').filter({ hasText: 'Thanks' }).waitFor();
          }
          await page.addScriptTag({ path: AXE });
          const results = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }), TAGS);
          if (results.violations.length) problems.push(`${path}${thanked ? ' (answered)' : ''} ${scheme} ${width}px:\n${violations(results.violations)}`);
          const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
          if (scroll > width) problems.push(`${path} ${scheme}: scrollWidth ${scroll} > ${width}`);
        }
      }
    } finally {
      await context.close();
    }
  }
  assert.deepEqual(problems, []);
});

test('the Nu HTML Checker finds no error on the branded pages', () => {
  const files = htmlFiles(site.root).map((p) => join(site.root, p));
  assert.ok(files.some((f) => f.endsWith(GUIDE)), files.join('\n'));
  assert.deepEqual(vnuErrors(files), []);
});

test('the receiver docs/site.md shows records answers sent with and without JavaScript', async () => {
  const doc = readFileSync(join(HERE, '..', '..', 'docs', 'site.md'), 'utf8');
  const code = doc.split('```python\n')[1]?.split('```')[0];
  assert.ok(code?.includes('HTTPServer(("", 8080)'), 'docs/site.md has the Python receiver');
  const work = dirname(copyGuides(SITES.full));
  const port = await new Promise((ok) => { const s = createServer(); s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => ok(p)); }); });
  writeFileSync(join(work, 'receiver.py'), code.replace('HTTPServer(("", 8080)', `HTTPServer(("127.0.0.1", ${port})`));
  const receiver = spawn('python3', ['receiver.py'], { cwd: work, stdio: 'ignore' });
  const out = join(work, 'site');
  mkdirSync(out);
  const served = await serve(out);
  try {
    const guides = join(work, 'guides');
    const site = readFileSync(join(guides, 'site.yaml'), 'utf8').replace(/^base_url: .*$/m, `base_url: ${served.url}`);
    writeFileSync(join(guides, 'site.yaml'), `${site}feedback: {endpoint: "http://127.0.0.1:${port}/"}\n`);
    buildSite(guides, out);
    const log = join(work, 'feedback.jsonl');
    const lines = () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l)) : []);
    // Wait for the receiver to listen.
    for (let i = 0; i < 50; i++) {
      if (await fetch(`http://127.0.0.1:${port}/`, { method: 'OPTIONS' }).then(() => true, () => false)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await withBrowser({}, async (_ctx, page) => {
      await page.goto(served.url + GUIDE);
      await tabsReady(page);
      await page.getByRole('button', { name: 'Yes' }).click();
      await page.getByRole('status').filter({ hasText: 'Thank you for your feedback.' }).waitFor();
    });
    await withBrowser({ javaScriptEnabled: false }, async (_ctx, page) => {
      await page.goto(served.url + GUIDE);
      await page.getByRole('button', { name: 'No' }).click();
      // The receiver sends the reader back to the guide.
      await page.waitForURL(served.url + GUIDE);
    });
    assert.deepEqual(lines(), [
      { guide: FULL_GUIDE, platform: 'web', helpful: true, url: served.url + GUIDE },
      { guide: FULL_GUIDE, platform: '', url: served.url + GUIDE, helpful: false },
    ]);
  } finally {
    receiver.kill();
    await served.close();
  }
});
