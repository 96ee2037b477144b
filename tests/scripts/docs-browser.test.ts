// `npm run docs` builds an API reference that a reader can open from disk or over http with no network: in a real
// headless Chromium, every operation and every webhook event of the spec shows in the page's visible text (not
// just in the spec JSON embedded in it), and the page makes no request outside the file or the local server.
// The functions passed to page.evaluate run in the browser: they see the DOM's types.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readSpecYaml } from '../support/spec-yaml';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { BROWSER_REQUIRED, CHROMIUM_FLAGS, findChromium } from '../support/chromium';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
/** The spec to document: openapi/openapi.yaml, or JELOU_CONTRACT_SPEC (as for the contract tests). */
const SPEC_FILE = process.env.JELOU_CONTRACT_SPEC
  ? path.resolve(process.env.JELOU_CONTRACT_SPEC)
  : path.join(REPO_ROOT, 'openapi', 'openapi.yaml');
/** Screenshots land here, for a person to look at. */
const SHOTS_DIR = path.join(REPO_ROOT, '.tmp', 'docs-browser');
const BROWSER_TEST_TIMEOUT_MS = 120_000;
/** How many menu entries a reader clicks at most (every entry once: tags, operations, events). */
const MAX_READING_STEPS = 500;
/** How long the page gets to show a clicked entry's label in its content column (it usually takes milliseconds). */
const RENDER_TIMEOUT_MS = 5000;
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'];

interface Expected {
  what: string;
  /** Text that must be visible in the page's content. */
  texts: string[];
}

interface SpecOperation {
  operationId?: string;
  summary?: string;
}
type SpecItem = Record<string, SpecOperation>;

/** Every operation (its summary, else its id) and every webhook event (its name and its summary) of the spec. */
function expectedFromSpec(spec: { paths?: Record<string, SpecItem>; webhooks?: Record<string, SpecItem> }): Expected[] {
  const operationsOf = (item: SpecItem): SpecOperation[] =>
    HTTP_METHODS.flatMap((method) => (item[method] ? [item[method]] : []));
  const expected: Expected[] = [];
  for (const [route, item] of Object.entries(spec.paths ?? {})) {
    for (const op of operationsOf(item)) {
      const title = op.summary ?? op.operationId;
      if (!title) throw new Error(`an operation of ${route} has neither summary nor operationId`);
      expected.push({ what: `operation ${op.operationId ?? route}`, texts: [title] });
    }
  }
  for (const [event, item] of Object.entries(spec.webhooks ?? {})) {
    for (const op of operationsOf(item)) {
      expected.push({ what: `webhook ${event}`, texts: [event, ...(op.summary ? [op.summary] : [])] });
    }
  }
  return expected;
}

const spec = readSpecYaml(SPEC_FILE) as Parameters<typeof expectedFromSpec>[0];
const expected = expectedFromSpec(spec);
const executablePath = findChromium();
const runBrowser = executablePath !== undefined || BROWSER_REQUIRED;
if (!runBrowser) {
  console.warn("docs-browser: skipped, Chromium not found (install Debian's `chromium` or set CHROMIUM_PATH)");
}

let workDir: string;
let page: string;

beforeAll(() => {
  workDir = mkdtempSync(path.join(os.tmpdir(), 'jelou-docs-'));
  page = path.join(workDir, 'api.html');
  const build = spawnSync(
    process.execPath,
    [path.join(REPO_ROOT, 'scripts', 'docs.mjs'), '--spec', SPEC_FILE, '--out', page],
    {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    },
  );
  if (build.status !== 0) throw new Error(`npm run docs failed:\n${build.stdout}${build.stderr}`);
});

/** One headless Chromium for both visits, launched by the first; each visit has a context of its own. */
let browser: Promise<Browser> | undefined;

afterAll(async () => {
  await (await browser?.catch(() => undefined))?.close();
  rmSync(workDir, { recursive: true, force: true });
});

describe('the spec read by the docs test', () => {
  it('lists at least the two integration operations, so the browser checks have something to find', () => {
    expect(expected.map((e) => e.what)).toEqual(
      expect.arrayContaining(['operation getIntegration', 'operation updateIntegration']),
    );
  });
});

describe('npm run docs', () => {
  it('writes one self-contained page with no script, stylesheet or image loaded from elsewhere', () => {
    const html = readFileSync(page, 'utf8');
    expect(html).not.toMatch(/<script[^>]+\bsrc=/i);
    expect(html).not.toMatch(/<link[^>]+\bhref=["']?(https?:)?\/\//i);
    // Counted, not searched with toContain: a failure would print the whole 2.5 MB page.
    expect(html.match(/cdn\.redoc\.ly/g) ?? []).toEqual([]);
    expect(html).toContain('"disableTelemetry":true');
  });
});

/** A loopback http server for the built page, on a port the OS picks. */
async function serve(file: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    if (req.url === '/' || req.url === '/api.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(readFileSync(file));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/api.html`, server };
}

const MENU_ITEM = '[data-component-name="Menu/MenuItem"]';
/** How often a menu entry may fail to be clicked (it went out of view while the menu moved) before the test fails. */
const MAX_CLICK_ATTEMPTS = 3;

/**
 * What a reader sees in the content column while walking the side menu: each entry is clicked in turn (a tag
 * opens its group, and its operations and events then show in the menu), and the content column's visible text is
 * read after each click. The page renders sections lazily and collapses the ones a reader left ("+ Show"), so
 * the text read at each step is collected: every expected text must have shown at some step.
 * An entry is clicked by its label, not by its place in the menu: on a busy machine the menu may still be opening
 * or closing a group when it is read, and a place would then name another entry, or none.
 */
async function readLikeAReader(tab: Page): Promise<string> {
  const contentText = (): Promise<string> =>
    tab.evaluate(() => document.querySelector<HTMLElement>('#api-content')?.innerText ?? '');
  const seen = [await contentText()];
  const clicked = new Set<string>();
  const attempts = new Map<string, number>();
  for (let step = 0; step < MAX_READING_STEPS; step += 1) {
    // The label of each menu entry a reader can see now (its own label: a group's entry also holds its children).
    const labels = await tab.evaluate(
      (selector) =>
        [...document.querySelectorAll<HTMLElement>(selector)]
          .filter((item) => item.checkVisibility())
          .map((item) => item.querySelector(':scope > a [data-text]')?.getAttribute('data-text') ?? ''),
      MENU_ITEM,
    );
    const next = labels.find((label) => !clicked.has(label));
    if (next === undefined) break;
    const entry = tab
      .locator(`${MENU_ITEM}:has(> a [data-text=${JSON.stringify(next)}])`)
      .filter({ visible: true })
      .first();
    try {
      await entry.click({ timeout: 5000 });
    } catch (error) {
      const tries = (attempts.get(next) ?? 0) + 1;
      attempts.set(next, tries);
      if (tries >= MAX_CLICK_ATTEMPTS) throw error;
      continue;
    }
    clicked.add(next);
    // The section rendered once the entry's label shows in the content column: waited for, not a fixed pause, so
    // a busy machine gets longer. Should it never show, the text read now still goes in, and the checks say what
    // is missing.
    await tab
      .waitForFunction(
        (label) => document.querySelector<HTMLElement>('#api-content')?.innerText.includes(label) ?? false,
        next,
        { polling: 50, timeout: RENDER_TIMEOUT_MS },
      )
      .catch(() => undefined);
    seen.push(await contentText());
  }
  return seen.join('\n');
}

interface Visit {
  text: string;
  offsite: string[];
  failed: string[];
  errors: string[];
}

async function visit(url: string, allowedOrigin: string | undefined, shot: string): Promise<Visit> {
  if (!executablePath) throw new Error("Chromium not found: install Debian's `chromium` (CI=true requires it)");
  let context: BrowserContext | undefined;
  const offsite: string[] = [];
  const failed: string[] = [];
  const errors: string[] = [];
  try {
    browser ??= chromium.launch({ executablePath, headless: true, args: CHROMIUM_FLAGS });
    // A fresh context: no cookies, storage or cache from the other visit.
    context = await (await browser).newContext({ offline: false });
    // Everything but the page itself (and the browser's own data:/blob: URLs) is refused and recorded.
    await context.route('**/*', async (route) => {
      const target = route.request().url();
      const local =
        target.startsWith('file:') ||
        target.startsWith('data:') ||
        target.startsWith('blob:') ||
        (allowedOrigin !== undefined && target.startsWith(`${allowedOrigin}/`));
      if (local) return route.continue();
      offsite.push(target);
      return route.abort('blockedbyclient');
    });
    const tab = await context.newPage();
    tab.on('requestfailed', (request) => failed.push(`${request.url()} (${request.failure()?.errorText ?? '?'})`));
    tab.on('pageerror', (error) => errors.push(String(error)));
    await tab.goto(url, { waitUntil: 'load' });
    const text = await readLikeAReader(tab);
    mkdirSync(SHOTS_DIR, { recursive: true });
    // The screenshot shows the first operation's section, reached as a reader would: through the side menu.
    const first = expected[0]?.texts[0] ?? '';
    await tab
      .getByRole('link', { name: first })
      .first()
      .click({ timeout: 5000 })
      .catch(() => undefined);
    await tab.waitForTimeout(300);
    await tab.screenshot({ path: path.join(SHOTS_DIR, shot) });
    return { text, offsite, failed, errors };
  } finally {
    await context?.close();
  }
}

function expectEverythingShown(result: Visit): void {
  const missing = expected.filter((e) => !e.texts.every((t) => result.text.includes(t))).map((e) => e.what);
  expect(missing).toEqual([]);
  expect(result.offsite).toEqual([]);
  expect(result.failed).toEqual([]);
  expect(result.errors).toEqual([]);
}

/** The page served over http from a loopback server that lives as long as the visit. */
async function visitOverHttp(): Promise<Visit> {
  const { url, server } = await serve(page);
  try {
    return await visit(url, new URL(url).origin, 'api-http.png');
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

let visits: { file: Promise<Visit>; http: Promise<Visit> } | undefined;

/**
 * Both visits, started together the first time a test asks: a visit mostly waits for the page to render after each
 * click, so two browsers side by side take about the time of one. Each test then checks its own.
 */
function bothVisits(): { file: Promise<Visit>; http: Promise<Visit> } {
  if (!visits) {
    visits = { file: visit(pathToFileURL(page).href, undefined, 'api-file.png'), http: visitOverHttp() };
    // The test that awaits a visit reports its failure; until then a rejection is not "unhandled".
    for (const pending of Object.values(visits)) pending.catch(() => undefined);
  }
  return visits;
}

const browserIt = runBrowser ? it : it.skip;
const why = runBrowser ? '' : ' (skipped: Chromium not found)';

describe('the API reference in headless Chromium with every host unresolvable', () => {
  browserIt(
    `shows every operation and webhook event when opened from disk (file://)${why}`,
    async () => {
      expectEverythingShown(await bothVisits().file);
    },
    BROWSER_TEST_TIMEOUT_MS,
  );

  browserIt(
    `shows every operation and webhook event when served over http from loopback${why}`,
    async () => {
      expectEverythingShown(await bothVisits().http);
    },
    BROWSER_TEST_TIMEOUT_MS,
  );
});
