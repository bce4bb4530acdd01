// What a reader's first search downloads on a built site: serves OUTPUT on 127.0.0.1, types
// each query into the home page's search box in Chromium and sums the bytes of the search
// files the page loaded (the page itself and its assets excluded). Each query is typed a key
// at a time, 120 ms apart, so the searches for its first letters count too.
// Usage: node benches/search.mjs OUTPUT QUERY...   (prints one JSON line per query)
import { launch, serve } from '../tests/browser/helpers.mjs';

const [out, ...queries] = process.argv.slice(2);
const site = await serve(out);
const context = await launch();
try {
  for (const query of queries) {
    const page = await context.newPage();
    const files = [];
    page.on('response', async (r) => {
      if (!r.url().includes('/search/')) return;
      files.push(r.body().then((b) => b.length));
    });
    await page.goto(site.url + 'index.html');
    await page.locator('#search-q').pressSequentially(query, { delay: 120 });
    await page.waitForFunction(
      (q) => document.querySelector('.search-status').textContent.includes(q), query);
    const sizes = await Promise.all(files);
    const results = await page.locator('.search-popup .search-result').count();
    console.log(JSON.stringify({
      query, files: sizes.length, kb: Math.round(sizes.reduce((a, b) => a + b, 0) / 1024), results,
    }));
    await page.close();
  }
} finally {
  await context.close();
  await site.close();
}
