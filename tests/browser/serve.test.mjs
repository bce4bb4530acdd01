// `stepwise serve` in a real browser: an open page reloads itself after a guide is edited,
// shows the diagnostics while the guide is broken, and comes back once it is fixed.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { BIN, SEED_GUIDE, copyGuides, withBrowser } from './helpers.mjs';

/** Starts `stepwise serve` on a free port; resolves with its URL and a stop function. */
function startServe(guides) {
  const child = spawn(BIN, ['serve', guides, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${stderr}`)), 10_000);
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[0],
          stop: () => new Promise((done) => { child.once('exit', done); child.kill('SIGINT'); }),
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`serve exited (${code}):\n${stderr}`)));
  });
}

function edit(path, from, to) {
  const text = readFileSync(path, 'utf8');
  assert.ok(text.includes(from), from);
  writeFileSync(path, text.replace(from, to));
}

test('an open page reloads itself after an edit, shows errors and recovers', async () => {
  const guides = copyGuides('guides');
  const file = join(guides, 'netflix', `${SEED_GUIDE}.yaml`);
  const server = await startServe(guides);
  try {
    await withBrowser({}, async (_ctx, page) => {
      await page.goto(`${server.url}guides/${SEED_GUIDE}.html`);
      await page.waitForFunction(() => document.documentElement.classList.contains('js'));
      assert.match(await page.locator('.meta').innerText(), /2 min/);
      // Give the event stream a moment to connect before the edit.
      await page.waitForTimeout(300);

      // Save -> reloaded page, over several edits; the median is printed for the record.
      const times = [];
      for (const [from, to] of [['2 min', '7 min'], ['7 min', '8 min'], ['8 min', '9 min'], ['9 min', '6 min'], ['6 min', '7 min']]) {
        const started = performance.now();
        edit(file, `time: ${from}`, `time: ${to}`);
        await page.waitForFunction((t) => document.querySelector('.meta')?.textContent.includes(t), to, { timeout: 10_000 });
        times.push(performance.now() - started);
        await page.waitForTimeout(100);
      }
      times.sort((a, b) => a - b);
      console.log(`save -> reloaded page: median ${times[2].toFixed(0)} ms over ${times.length} edits (${times.map((t) => t.toFixed(0)).join(', ')})`);

      edit(file, '  web:', '  wbe:');
      await page.waitForSelector('.stepwise-overlay', { timeout: 10_000 });
      const overlay = await page.locator('.stepwise-overlay').innerText();
      assert.match(overlay, /sign-out-all-devices\.yaml:13:3: error\[unknown-platform\]/);

      edit(file, '  wbe:', '  web:');
      await page.waitForSelector('article.guide', { timeout: 10_000 });
      assert.match(await page.locator('h1').innerText(), /How to sign out of Netflix/);
    });
  } finally {
    await server.stop();
  }
});

test('search works on the served site and finds a guide edited while serving', async () => {
  const guides = copyGuides('guides');
  const file = join(guides, 'netflix', `${SEED_GUIDE}.yaml`);
  const server = await startServe(guides);
  try {
    await withBrowser({}, async (_ctx, page) => {
      await page.goto(`${server.url}index.html`);
      const search = async (q) => {
        await page.locator('#search-q').fill(q);
        await page.waitForFunction(
          (w) => document.querySelector('.search-status').textContent.includes(w), q);
        return page.locator('.search-popup .search-result a').allTextContents();
      };
      assert.deepEqual(await search('my netflix'), ['How to sign out of Netflix on all devices']);
      assert.deepEqual(await search('kumquat'), []);
      await page.waitForTimeout(300);
      edit(file, 'lent your password', 'lent your kumquat password');
      await page.waitForFunction(() => document.readyState === 'complete');
      // The reload after the rebuild brings the new index.
      await page.waitForEvent('load', { timeout: 10_000 });
      assert.deepEqual(await search('kumquat'), ['How to sign out of Netflix on all devices']);
    });
  } finally {
    await server.stop();
  }
});
