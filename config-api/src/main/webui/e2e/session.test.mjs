// Signing in with the local link (#token=...), the connector list, and an expired sign-in.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, client, expectAccessible, expectText, launchBrowser, ok, openDashboard, tokens } from './support.mjs';

let browser;
before(async () => (browser = await launchBrowser()));
after(async () => browser?.close());

test('without a token the page explains how to sign in', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${BASE_URL}/`);
  await expectText(page.getByRole('main'), 'Sign in to PlugSync');
  await expectText(page.getByRole('main'), './plugsync local');
  await expectAccessible(page, 'sign-in');
  await context.close();
});

test('the #token link signs in, leaves the address bar and lists the organisation connectors', async () => {
  const api = client(tokens.owner, 'script');
  const name = `crm-${process.pid}`;
  await ok(api('POST', '/api/connectors', { name, display_name: 'CRM sandbox', kind: 'hubspot' }), 201);
  const page = await openDashboard(browser, tokens.owner);
  const row = page.getByRole('row', { name: /CRM sandbox/ });
  await expectText(row, 'hubspot');
  // / opens the connector list at its own path; the token left the address bar
  assert.equal(page.url(), `${BASE_URL}/connectors`);
  assert.equal(await page.evaluate(() => sessionStorage.getItem('plugsync.token')), tokens.owner);
  await expectAccessible(page, 'connector list');
  // every control is reachable by keyboard: the first Tab stops (skip link, the sections, sign out) reach the connector link
  const reached = [];
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Tab');
    reached.push(await page.evaluate(() => document.activeElement?.textContent ?? ''));
  }
  assert.ok(reached.includes('Skip to content'), reached.join('|'));
  assert.ok(reached.includes('CRM sandbox'), reached.join('|'));
  // a reload keeps the session (sessionStorage), without the token in the URL
  await page.reload();
  await expectText(page.getByRole('row', { name: /CRM sandbox/ }), 'hubspot');
  await page.context().close();
});

test('an expired token asks to sign in again', async () => {
  const page = await openDashboard(browser, tokens.expired);
  await expectText(page.getByTestId('expired'), 'Your sign-in has expired. Sign in again');
  await expectAccessible(page, 'expired sign-in');
  await page.context().close();
});
