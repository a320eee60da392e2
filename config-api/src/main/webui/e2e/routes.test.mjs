// Every page is a path: bookmarks and shared links work, back and forward work, a deep link
// survives signing in, old ?connector= links still open their connector, and a link into another
// of your organisations switches to it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, createSkill, demoConnector, expectAccessible, expectText, launchBrowser, library, ok, openDashboard, tokens } from './support.mjs';

let browser;
before(async () => (browser = await launchBrowser()));
after(async () => browser?.close());

const owner = library(tokens.owner);

test('a deep link opened before signing in shows that page once signed in', async () => {
  const id = await createSkill(owner, 'deep-linked', 'Opened from a link');
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${BASE_URL}/library/objects/${id}/history`);
  await expectText(page.getByRole('main'), 'Sign in to PlugSync');
  // signing in with the link ./plugsync local prints (the root of the dashboard) comes back here
  await page.goto(`${BASE_URL}/#token=${tokens.owner}`);
  await expectText(page.getByRole('heading', { level: 1 }), 'deep-linked');
  await expectText(page.getByTestId('version-list'), '1 version');
  assert.equal(page.url(), `${BASE_URL}/library/objects/${id}/history`);
  // a reload keeps both the session and the page
  await page.reload();
  await expectText(page.getByRole('heading', { level: 1 }), 'deep-linked');
  // a sign-in link appended to the page's own address works too (no reload of its own)
  await page.evaluate(() => sessionStorage.clear());
  await page.goto(`${BASE_URL}/plugins#token=${tokens.owner}`);
  await expectText(page.getByRole('heading', { level: 1 }), 'Plugins');
  assert.equal(page.url(), `${BASE_URL}/plugins`);
  await context.close();
});

test('back and forward move between pages; the section link shows where you are', async () => {
  const id = await createSkill(owner, 'navigated', 'Reached by clicking');
  const page = await openDashboard(browser, tokens.owner, '/connectors');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Library' }).click();
  await expectText(page.getByRole('heading', { level: 1 }), 'Library');
  assert.equal(await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Library' }).getAttribute('aria-current'), 'page');
  await page.getByRole('link', { name: 'navigated' }).click();
  await expectText(page.getByRole('heading', { level: 1 }), 'navigated');
  assert.equal(page.url(), `${BASE_URL}/library/objects/${id}`);
  // focus moved to the new page
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
  await page.getByRole('link', { name: 'Access' }).last().click();
  assert.equal(page.url(), `${BASE_URL}/library/objects/${id}/access`);
  await page.goBack();
  assert.equal(page.url(), `${BASE_URL}/library/objects/${id}`);
  await page.goBack();
  await expectText(page.getByRole('heading', { level: 1 }), 'Library');
  await page.goBack();
  await expectText(page.getByRole('heading', { level: 1 }), 'Connectors');
  await page.goForward();
  await expectText(page.getByRole('heading', { level: 1 }), 'Library');
  await page.context().close();
});

test('an old /?connector= link opens the connector at its path', async () => {
  const id = await demoConnector();
  const page = await openDashboard(browser, tokens.owner, `/?connector=${id}`);
  await expectText(page.getByTestId('version-label'), 'v1, published');
  assert.equal(page.url(), `${BASE_URL}/connectors/${id}`);
  await page.context().close();
});

test('a link into another of your organisations switches to it', async () => {
  const second = process.env.SECOND_ORG_ID;
  const token = process.env.TWO_ORG_TOKEN;
  assert.ok(second && token, 'run through DashboardBrowserTest (it creates the second organisation)');
  const other = library(token, second);
  const plugin = (await ok(other('POST', '/plugins', { name: 'Second org plugin' }), 201)).body.item.id;
  const page = await openDashboard(browser, token, '/plugins');
  // work in the first organisation, then open a link to the second one's plugin
  const switcher = page.getByTestId('org-switch');
  await switcher.waitFor();
  const orgs = await switcher.locator('option').evaluateAll((options) => options.map((o) => o.value));
  await switcher.selectOption(orgs.find((o) => o !== second));
  await expectText(page.getByRole('main'), 'No plugin you can see');
  await page.goto(`${BASE_URL}/plugins/${plugin}`);
  await expectText(page.getByRole('heading', { level: 1 }), 'Second org plugin');
  assert.equal(await page.getByTestId('org-switch').inputValue(), second);
  await expectAccessible(page, 'plugin in the second organisation');
  await page.context().close();
});

test('an unknown path says so', async () => {
  const page = await openDashboard(browser, tokens.owner, '/library/nothing/here');
  await expectText(page.getByRole('heading', { level: 1 }), 'Page not found');
  await page.context().close();
});
