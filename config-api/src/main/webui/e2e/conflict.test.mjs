// Two sessions on one connector: the page reviews the draft on v1 and opens Publish; another
// session publishes v2 meanwhile. The page's publish is stale (409) and opens the
// DraftConflictModal with Keep editing, Reset draft and Rebase.
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
  publish,
  setEditorText,
  tokens,
} from './support.mjs';

let browser;
before(async () => (browser = await launchBrowser()));
after(async () => browser?.close());

const other = () => client(tokens.editor, 'dashboard');

/** Session A (the page) saves a setting and opens Publish on v1; session B publishes v2 meanwhile. */
async function stalePublish() {
  const id = await demoConnector();
  const page = await openDashboard(browser, tokens.owner, `/connectors/${id}`);
  await expectText(page.getByTestId('version-label'), 'v1, published');
  await setEditorText(page, 'editor-settings', { region: 'eu-west-1', sync_interval_seconds: 60 });
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expectText(page.getByTestId('unpublished-banner'), 'Unpublished changes');
  await page.getByTestId('unpublished-banner').getByRole('button', { name: 'Publish' }).click();
  const dialog = page.getByTestId('publish-modal');
  await dialog.getByLabel('Message (optional)').fill('faster sync');

  const b = other();
  await ok(b('PUT', `/api/connectors/${id}/draft/entities/ticket`, { fields: { id: { type: 'string' } }, primary_key: 'id' }));
  await publish(b, id, 'published by the other session');

  await dialog.getByRole('button', { name: 'Publish' }).click();
  const modal = page.getByTestId('conflict-modal');
  await expectText(modal, 'Your draft is based on v1, but v2 is active now. Nothing was published.');
  return { id, page, modal };
}

test('a stale publish opens the conflict modal; Keep editing changes nothing', async () => {
  const { id, page, modal } = await stalePublish();
  await expectAccessible(page, 'draft conflict');
  const before = await ok(other()('GET', `/api/connectors/${id}/draft`));
  await modal.getByRole('button', { name: 'Keep editing' }).click();
  await expectHidden(modal);
  const after = await ok(other()('GET', `/api/connectors/${id}/draft`));
  assert.equal(after.body.revision, before.body.revision);
  await expectText(page.getByTestId('version-label'), 'v2, published');
  assert.match(await editorText(page, 'editor-settings'), /"sync_interval_seconds": 60/);
  // focus went back into the page
  assert.ok(await page.evaluate(() => document.activeElement && document.activeElement !== document.body));
  await page.context().close();
});

test('Escape on the conflict modal is Keep editing', async () => {
  const { page, modal } = await stalePublish();
  await page.keyboard.press('Escape');
  await expectHidden(modal);
  await expectText(page.getByTestId('version-label'), 'v2, published');
  await page.context().close();
});

test('Reset draft drops the unpublished changes and starts from the active version', async () => {
  const { id, page, modal } = await stalePublish();
  // B keeps working after publishing: the draft has unpublished changes again
  await ok(other()('PUT', `/api/connectors/${id}/draft/settings`, { region: 'us-east-1', sync_interval_seconds: 60 }));
  await modal.getByRole('button', { name: 'Reset draft' }).click();
  await expectHidden(modal);
  await expectText(page.getByTestId('notice'), 'Draft reset to the active version');
  await expectHidden(page.getByTestId('unpublished-banner'));
  await expectText(page.getByTestId('editor-settings'), '"eu-west-1"');
  const draft = await ok(other()('GET', `/api/connectors/${id}/draft`));
  assert.equal(draft.body.has_unpublished_changes, false);
  assert.equal(draft.body.base_version, 2);
  await page.context().close();
});

test('Rebase brings the draft onto the active version and publishes it', async () => {
  const { id, page, modal } = await stalePublish();
  await ok(other()('PUT', `/api/connectors/${id}/draft/settings`, { region: 'us-east-1', sync_interval_seconds: 60 }));
  await modal.getByRole('button', { name: 'Rebase' }).click();
  await expectHidden(modal);
  await expectText(page.getByTestId('version-label'), 'v3, published');
  await expectHidden(page.getByTestId('unpublished-banner'));
  const active = await ok(other()('GET', `/api/connectors/${id}/active`));
  assert.equal(active.body.document.settings.region, 'us-east-1');
  assert.ok(active.body.document.entities.ticket, 'the other session’s entity is kept');
  await page.context().close();
});
