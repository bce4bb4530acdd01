// Shared helpers of the browser tests: build sites with the stepwise binary, serve them on
// 127.0.0.1, launch Chromium through playwright-core. Nothing here downloads anything: the
// browser is the system's Chromium, the binary is the one cargo already built.

import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants, cpSync, createReadStream, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';
import { after, before } from 'node:test';

export const HERE = dirname(fileURLToPath(import.meta.url));
/** The repository root. */
export const REPO = resolve(HERE, '..', '..');
/**
 * The stepwise binary (built by tests/run.sh before the browser tests run): STEPWISE_BIN,
 * else `debug/stepwise` in CARGO_TARGET_DIR, else in `target`. Relative paths are read from
 * the repository root, as cargo reads CARGO_TARGET_DIR when run there.
 */
export const BIN = resolve(
  REPO,
  process.env.STEPWISE_BIN || join(process.env.CARGO_TARGET_DIR || 'target', 'debug', 'stepwise'),
);
/** The browser. */
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
/** The templates every test build uses (the working tree's, whatever the binary embeds). */
export const TEMPLATES = join(REPO, 'templates');

/** Guides folders of the sites under test, relative to the repository root. */
export const SITES = {
  seed: 'guides',
  full: 'tests/fixtures/build/full/guides',
  xss: 'tests/fixtures/build/xss/guides',
  search: 'tests/fixtures/build/search/guides',
};

/** The guide ids of each site (for page lists). */
export const SEED_GUIDE = 'sign-out-all-devices';
export const FULL_GUIDE = 'sign-out-everywhere';
export const FULL_OTHER_GUIDE = 'change-password';
export const XSS_GUIDE = 'xss';

function requireExecutable(path, what, hint) {
  try {
    accessSync(path, constants.X_OK);
  } catch {
    throw new Error(`${what} not found or not executable at ${path}: ${hint}`);
  }
}

/** A fresh temporary folder, removed when the process exits. */
export function tempDir(prefix = 'stepwise-browser-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function run(args) {
  requireExecutable(BIN, 'The stepwise binary', 'run `cargo build` first or set STEPWISE_BIN');
  try {
    return execFileSync(BIN, args, { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    throw new Error(`stepwise ${args.join(' ')} failed (exit ${e.status}):\n${e.stdout}\n${e.stderr}`);
  }
}

/** `stepwise check <guides>`; throws on errors. */
export function checkGuides(guides) {
  return run(['check', guides, '--color', 'never']);
}

/** `stepwise build <guides> -o <out>`; throws when the build fails. Returns `out`. */
export function buildSite(guides, out) {
  run(['build', guides, '-o', out, '--templates', TEMPLATES, '--color', 'never']);
  statSync(join(out, 'index.html'));
  return out;
}

/** Copies a guides folder into a new temporary folder and returns the copy's path. */
export function copyGuides(guides) {
  const dir = join(tempDir(), 'guides');
  cpSync(resolve(REPO, guides), dir, { recursive: true });
  return dir;
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

function sendFile(res, path, status) {
  res.writeHead(status, {
    'content-type': TYPES[extname(path).toLowerCase()] || 'application/octet-stream',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  createReadStream(path).pipe(res);
}

function fileOf(root, urlPath) {
  let rel;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const path = resolve(root, '.' + rel);
  if (path !== root && !path.startsWith(root + sep)) return null;
  try {
    const st = statSync(path);
    if (st.isFile()) return path;
    if (st.isDirectory()) {
      const index = join(path, 'index.html');
      if (statSync(index).isFile()) return index;
    }
  } catch {
    /* not found */
  }
  return null;
}

/**
 * Serves `root` on 127.0.0.1 (a free port). Files are looked up on every request, so a
 * rebuild into the same folder is served at once. Unknown paths get 404.html with 404.
 */
export async function serve(root) {
  root = resolve(root);
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    const url = new URL(req.url, 'http://127.0.0.1');
    const file = fileOf(root, url.pathname);
    if (file) return sendFile(res, file, 200);
    const notFound = join(root, '404.html');
    try {
      statSync(notFound);
      sendFile(res, notFound, 404);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = server.address();
  return {
    root,
    port,
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
  };
}

/** Builds the named site (`seed`, `full`, `xss`) into a temporary `output` folder and serves it. */
/**
 * Builds and serves the named sites for the tests of one file: registers `before` and
 * `after` hooks and returns an object whose properties (`sites.seed`, `sites.full`) are
 * the served sites once the tests run.
 */
export function useSites(...names) {
  const sites = {};
  before(async () => {
    for (const name of names) sites[name] = await startSite(name);
  });
  after(async () => {
    for (const name of names) await sites[name]?.close();
  });
  return sites;
}

export async function startSite(name) {
  const out = join(tempDir(), 'output');
  buildSite(SITES[name] ?? name, out);
  return serve(out);
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launches Chromium with a fresh user-data folder. `options` are playwright context options
 * (userAgent, javaScriptEnabled, viewport, bypassCSP...). Fails loudly when it cannot start.
 */
export async function launch(options = {}) {
  requireExecutable(CHROMIUM, 'Chromium', 'install it (apt-get install chromium) or set CHROMIUM');
  const profile = mkdtempSync(join(tmpdir(), 'stepwise-chromium-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      ...options,
    });
  } catch (e) {
    rmSync(profile, { recursive: true, force: true });
    throw new Error(`Chromium could not start (${CHROMIUM}): ${e.message}`);
  }
  const close = context.close.bind(context);
  context.close = async () => {
    await close();
    rmSync(profile, { recursive: true, force: true });
  };
  return context;
}

/** The first page of a persistent context. */
export async function firstPage(context) {
  return context.pages()[0] ?? context.newPage();
}

/**
 * Runs `fn(context, page)` in a fresh browser and always closes it. Any JavaScript dialog
 * (alert, confirm, prompt) and any uncaught page error fails the test.
 */
export async function withBrowser(options, fn) {
  const context = await launch(options);
  const problems = [];
  const watch = (page) => {
    page.on('dialog', (d) => {
      problems.push(`${d.type()} dialog opened: ${JSON.stringify(d.message())}`);
      d.dismiss().catch(() => {});
    });
    page.on('pageerror', (e) => problems.push(`uncaught error in the page: ${e.message}`));
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  let failure;
  try {
    const page = await firstPage(context);
    await fn(context, page, problems);
  } catch (e) {
    failure = e;
  } finally {
    await context.close();
  }
  if (failure && problems.length) failure.message += `\n${problems.join('\n')}`;
  if (failure) throw failure;
  if (problems.length) throw new Error(problems.join('\n'));
}

/** Every .html file under `root`, relative paths, sorted. */
export function htmlFiles(root) {
  const out = [];
  const walk = (dir, prefix) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path, prefix + name + '/');
      else if (name.endsWith('.html')) out.push(prefix + name);
    }
  };
  walk(root, '');
  return out.sort();
}

/** Waits until the platform tabs are set up (the script ran). */
export async function tabsReady(page) {
  await page.locator('.tablist:not([hidden])').first().waitFor({ state: 'visible' });
}

/** The id of the selected tab and of every visible panel. */
export async function tabState(page) {
  return page.evaluate(() => {
    const tabs = [...document.querySelectorAll('[role="tab"]')];
    const selected = tabs.filter((t) => t.getAttribute('aria-selected') === 'true');
    return {
      selected: selected.map((t) => t.dataset.platform),
      focused: document.activeElement?.getAttribute('role') === 'tab' ? document.activeElement.dataset.platform : null,
      tabindex: Object.fromEntries(tabs.map((t) => [t.dataset.platform, t.getAttribute('tabindex')])),
      visiblePanels: [...document.querySelectorAll('[role="tabpanel"]')]
        .filter((p) => !p.hidden && p.getClientRects().length > 0)
        .map((p) => p.id),
    };
  });
}

/** The Nu HTML Checker (vnu.jar, on the system's java). */
export const VNU = join(HERE, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');

/**
 * Runs the Nu HTML Checker on `files` and returns its errors as `url:line: message`
 * (empty when the pages are valid); fails when vnu.jar does not run or report.
 */
export function vnuErrors(files) {
  const run = spawnSync('java', ['-Xss1024k', '-jar', VNU, '--errors-only', '--format', 'json', ...files], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw run.error;
  let report;
  try {
    report = JSON.parse(run.stderr);
  } catch {
    throw new Error(`vnu.jar did not print a JSON report (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  }
  const errors = report.messages
    .filter((m) => m.type === 'error' || m.subType === 'fatal' || m.type === 'non-document-error')
    .map((m) => `${m.url}:${m.lastLine}: ${m.message}`);
  if (!errors.length && run.status !== 0) errors.push(`vnu.jar exited with status ${run.status}`);
  return errors;
}

/** axe-core's script, and the rules every page is held to (WCAG 2.2 AA and best practice). */
export const AXE = join(HERE, 'node_modules', 'axe-core', 'axe.min.js');
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** axe-core's violations, one per rule with the elements it names. */
export function axeReport(violations) {
  return violations.map((v) =>
    `${v.id} (${v.impact}): ${v.help}\n` +
    v.nodes.map((n) => `    ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ')}`).join('\n'),
  ).join('\n');
}

/**
 * What is wrong with the page open in `page`, each problem starting with `label`: axe-core's
 * violations, and scrolling sideways (the document wider than the window). The page's
 * context must bypass CSP for axe-core's script.
 */
export async function pageProblems(page, label) {
  await page.addScriptTag({ path: AXE });
  const results = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    AXE_TAGS,
  );
  const problems = results.violations.length ? [`${label}: ${axeReport(results.violations)}`] : [];
  const { scroll, inner } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth, inner: window.innerWidth,
  }));
  if (scroll > inner) problems.push(`${label} scrolls sideways: ${scroll} > ${inner}`);
  return problems;
}
