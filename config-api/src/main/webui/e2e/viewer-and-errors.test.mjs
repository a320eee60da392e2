// Errors a person can act on: a viewer cannot publish, network loss shows a retry notice and
// keeps unsaved edits, an expired sign-in asks to sign in again.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  client,
  demoConnector,
  editorText,
  expectAccessible,
  expectHidden,
  expectText,
  launchBrowser,
  ok,
  openDashboard,
  setEditorText,
  tokens,
} from './support.mjs';

let browser;
before(async () => (browser = await launchBrowser()));
after(async () => browser?.close());

test('a viewer reads the workspace but cannot edit or publish', async () => {
  const id = await demoConnector();
  await ok(client(tokens.script, 'script')('PUT', `/api/connectors/${id}/draft/settings`, { region: 'us-east-1', sync_interval_seconds: 300 }));
  const page = await openDashboard(browser, tokens.viewer, `/connectors/${id}`);
  await expectText(page.getByTestId('read-only'), 'You need the editor role');
  const banner = page.getByTestId('unpublished-banner');
  await expectText(banner, 'Unpublished changes');
  assert.equal(await banner.getByRole('button', { name: 'Publish' }).isDisabled(), true);
  assert.equal(await page.getByRole('button', { name: 'Save settings' }).count(), 0);
  assert.equal(await page.getByTestId('editor-settings').locator('.cm-content').getAttribute('contenteditable'), 'false');
  await expectAccessible(page, 'read-only workspace');
  // the review is open to viewers, its publish button is not
  await banner.getByRole('button', { name: 'Review changes' }).click();
  assert.equal(await page.getByTestId('review-modal').getByRole('button', { name: 'Publish…' }).isDisabled(), true);
  await page.keyboard.press('Escape');
  // and the API agrees: the viewer's publish is a 403
  const denied = await client(tokens.viewer, 'dashboard')('POST', `/api/connectors/${id}/publish`, { base_version: 1 });
  assert.equal(denied.status, 403);
  await page.context().close();
});

test('network loss shows a retry notice and keeps what was typed', async () => {
  const id = await demoConnector();
  const page = await openDashboard(browser, tokens.editor, `/connectors/${id}`);
  await expectText(page.getByTestId('version-label'), 'v1, published');
  await setEditorText(page, 'editor-settings', { region: 'ap-south-1', sync_interval_seconds: 300 });
  await page.context().setOffline(true);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expectText(page.getByTestId('offline'), 'Connection to PlugSync lost. Retrying');
  await expectText(page.getByTestId('notice'), 'Your text is kept');
  assert.match(await editorText(page, 'editor-settings'), /ap-south-1/);
  await page.context().setOffline(false);
  // the draft poll reconnects and the notice goes away; saving again works
  await expectHidden(page.getByTestId('offline'));
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expectText(page.getByTestId('unpublished-banner'), 'Unpublished changes');
  assert.match(await editorText(page, 'editor-settings'), /ap-south-1/);
  await page.context().close();
});

test('a token that expires while the page is open asks to sign in again', async () => {
  const id = await demoConnector();
  const page = await openDashboard(browser, tokens.owner, `/connectors/${id}`);
  await expectText(page.getByTestId('version-label'), 'v1, published');
  await page.evaluate((t) => sessionStorage.setItem('plugsync.token', t), tokens.expired);
  await expectText(page.getByTestId('expired'), 'Sign in again', 5_000);
  await expectAccessible(page, 'expired sign-in in the workspace');
  await page.context().close();
});
