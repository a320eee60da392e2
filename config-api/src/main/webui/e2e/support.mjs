// Shared helpers of the browser tests: a real headless Chromium (Debian's package, no
// browser download) driven by playwright-core, axe-core checks, and a plain HTTP client
// for the "other writers" (scripts, a second user) of a scenario.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

export const BASE_URL = required('BASE_URL');
export const tokens = {
  owner: required('OWNER_TOKEN'),
  editor: required('EDITOR_TOKEN'),
  viewer: required('VIEWER_TOKEN'),
  script: required('SCRIPT_TOKEN'),
  expired: required('EXPIRED_TOKEN'),
};
export const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR ?? '';
export const DEMO_DOCUMENT = JSON.parse(required('DEMO_DOCUMENT_JSON'));

function required(name) {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run the browser tests through DashboardBrowserTest`);
  return v;
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Opens the dashboard signed in with `token` (the `#token=` link `./plugsync local` prints). */
export async function openDashboard(browser, token, path = '/') {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${BASE_URL}${path}#token=${token}`);
  return page;
}

/** No serious or critical axe-core violation on the current screen. */
export async function expectAccessible(page, screen) {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(bad, [], `accessibility violations on the ${screen} screen`);
}

export async function screenshot(page, name) {
  if (!SCREENSHOT_DIR) return;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, name), fullPage: false });
}

/** Waits until the locator's text matches (string = contains). */
export async function expectText(locator, expected, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    try {
      last = (await locator.innerText({ timeout: 500 })).replace(/\s+/g, ' ');
      if (typeof expected === 'string' ? last.includes(expected) : expected.test(last)) return last;
    } catch {
      /* not there yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`expected ${expected} within ${timeout} ms, last text: "${last}"`);
}

export async function expectHidden(locator, timeout = 10_000) {
  await locator.waitFor({ state: 'hidden', timeout });
}

/** Replaces the text of a CodeMirror editor the way a user would: select all, type. */
export async function setEditorText(page, testId, value) {
  const content = page.getByTestId(testId).locator('.cm-content');
  await content.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await content.fill(typeof value === 'string' ? value : JSON.stringify(value, null, 2));
}

export async function editorText(page, testId) {
  return page.getByTestId(testId).locator('.cm-content').evaluate((el) => el.cmView?.view?.state?.doc?.toString() ?? el.innerText);
}

/** A plain HTTP client, as a script or another person would use the API. */
export function client(token, writer = 'api') {
  return async (method, path, body, headers = {}) => {
    const res = await fetch(BASE_URL + path, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': method === 'PATCH' ? 'application/merge-patch+json' : 'application/json',
        'X-PlugSync-Writer': writer,
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    return { status: res.status, body: json, etag: res.headers.get('etag') };
  };
}

export async function ok(promise, status) {
  const res = await promise;
  assert.ok(
    status === undefined ? res.status >= 200 && res.status < 300 : res.status === status,
    `HTTP ${res.status}: ${JSON.stringify(res.body)}`,
  );
  return res;
}

let counter = 0;

/** A connector with the demo document published as v1, as `./plugsync local` seeds it. */
export async function demoConnector({ name, displayName = 'Demo HubSpot', document = DEMO_DOCUMENT, token = tokens.owner } = {}) {
  const api = client(token, 'script');
  const unique = name ?? `demo-hubspot-${process.pid}-${++counter}`;
  const created = await ok(api('POST', '/api/connectors', { name: unique, display_name: displayName, kind: 'hubspot' }), 201);
  const id = created.body.id;
  await writeDocument(api, id, document);
  await ok(api('POST', `/api/connectors/${id}/publish`, { base_version: 0, message: 'Initial setup' }), 201);
  return id;
}

/** Replaces the draft document with a merge patch computed against the current draft. */
export async function writeDocument(api, id, document) {
  const draft = await ok(api('GET', `/api/connectors/${id}/draft`));
  const patch = mergePatch(draft.body.document ?? {}, document);
  return ok(api('PATCH', `/api/connectors/${id}/draft`, patch, draft.etag ? { 'If-Match': draft.etag } : {}));
}

export async function publish(api, id, message) {
  const draft = await ok(api('GET', `/api/connectors/${id}/draft`));
  return ok(api('POST', `/api/connectors/${id}/publish`, { base_version: draft.body.base_version, message }), 201);
}

function mergePatch(from, to) {
  if (typeof to !== 'object' || to === null || Array.isArray(to)) return to;
  const out = {};
  const src = typeof from === 'object' && from !== null && !Array.isArray(from) ? from : {};
  for (const k of Object.keys(src)) if (!(k in to)) out[k] = null;
  for (const [k, v] of Object.entries(to)) {
    if (JSON.stringify(src[k]) !== JSON.stringify(v)) out[k] = mergePatch(src[k], v);
  }
  return out;
}

export const ORG_ID = process.env.ORG_ID ?? '';

/**
 * The config library API of an organisation as `token`: `lib('POST', '/plugins', {...})` calls
 * /v1/orgs/{org}/plugins and returns {status, body}.
 */
export function library(token = tokens.owner, org = ORG_ID) {
  const api = client(token, 'script');
  return (method, path, body) => api(method, `/v1/orgs/${org}${path}`, body);
}

export const skillContent = (name, description, body = 'Follow the steps.') =>
  `---\nname: ${name}\ndescription: ${description}\n---\n# ${name}\n\n${body}\n`;

/** Creates a config object (201) and returns its id. */
export async function createObject(lib, body) {
  const res = await ok(lib('POST', '/config-objects', { source_mode: 'cloud', ...body }), 201);
  return res.body.item.id;
}

export async function createSkill(lib, name, description, extra = {}) {
  return createObject(lib, { object_type: 'skill', content: skillContent(name, description), ...extra });
}

/** The organisation member id of a subject (members are listed to every member). */
export async function memberId(lib, subject) {
  const res = await ok(lib('GET', `/members?q=${encodeURIComponent(subject)}`));
  const found = res.body.items.find((m) => m.subject === subject);
  assert.ok(found, `member ${subject} not found`);
  return found.id;
}

export const SUBJECTS = {
  owner: 'demo-owner@plugsync.local',
  editor: 'demo-editor@plugsync.local',
  viewer: 'demo-viewer@plugsync.local',
};
