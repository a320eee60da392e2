// Two sessions edit the same connector; the second publish is stale and opens the
// DraftConflictModal: Keep editing, Reset draft, Rebase (clean) and Rebase with conflicts.
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

/** Session A (the page) edits settings; session B (another person, over HTTP) publishes v2 meanwhile. */
async function staleDraft({ theirSettings } = {}) {
  const id = await demoConnector();
  const page = await openDashboard(browser, tokens.owner, `/?connector=${id}`);
  await expectText(page.getByTestId('version-label'), 'v1, published');
  await setEditorText(page, 'editor-settings', { region: 'eu-west-1', sync_interval_seconds: 60 });
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expectText(page.getByTestId('unpublished-banner'), 'Unpublished changes');

  // the other session works on its own draft copy: it is the same draft row, so B writes an
  // entity (or the same setting) and publishes on base v1
  const other = client(tokens.editor, 'dashboard');
  const ownDraft = await ok(other('GET', `/api/connectors/${id}/draft`));
  const doc = structuredClone(ownDraft.body.document);
  await ok(other('POST', `/api/connectors/${id}/draft/reset`, {}));
  if (theirSettings) {
    await ok(other('PUT', `/api/connectors/${id}/draft/settings`, theirSettings));
  } else {
    await ok(other('PUT', `/api/connectors/${id}/draft/entities/ticket`, { fields: { id: { type: 'string' } }, primary_key: 'id' }));
  }
  await publish(other, id, 'published by the other session');
  // put A's edit back into the draft, still based on v1, as A's own draft was
  await ok(other('PUT', `/api/connectors/${id}/draft/settings`, doc.settings));
  const stale = await ok(other('GET', `/api/connectors/${id}/draft`));
  return { id, page, stale: stale.body };
}

async function publishFromBanner(page) {
  await page.getByTestId('unpublished-banner').getByRole('button', { name: 'Publish' }).click();
  await page.getByTestId('publish-modal').getByRole('button', { name: 'Publish' }).click();
  const modal = page.getByTestId('conflict-modal');
  await expectText(modal, 'v2 is active now');
  return modal;
}

test('Keep editing closes the modal and leaves the draft untouched', async (t) => {
  const { id, page, stale } = await staleDraft();
  t.diagnostic(`draft based on v${stale.base_version}, active v${stale.active_version}`);
  const modal = await publishFromBanner(page);
  await expectAccessible(page, 'draft conflict');
  await modal.getByRole('button', { name: 'Keep editing' }).click();
  await expectHidden(modal);
  await expectText(page.getByTestId('unpublished-banner'), 'Based on v1, active is v2');
  assert.match(await editorText(page, 'editor-settings'), /"sync_interval_seconds": 60/);
  const after = await ok(client(tokens.owner)('GET', `/api/connectors/${id}/draft`));
  assert.equal(after.body.revision, stale.revision);
  await page.context().close();
});

test('Escape on the conflict modal keeps editing too', async () => {
  const { page } = await staleDraft();
  const modal = await publishFromBanner(page);
  await page.keyboard.press('Escape');
  await expectHidden(modal);
  await expectText(page.getByTestId('unpublished-banner'), 'Based on v1, active is v2');
  await page.context().close();
});

test('Reset draft starts over from the new active version', async () => {
  const { page } = await staleDraft();
  const modal = await publishFromBanner(page);
  await modal.getByRole('button', { name: 'Reset draft' }).click();
  await expectHidden(modal);
  await expectHidden(page.getByTestId('unpublished-banner'));
  assert.match(await editorText(page, 'editor-settings'), /"sync_interval_seconds": 300/);
  await page.getByRole('list', { name: 'Entities' }).getByRole('button', { name: 'ticket' }).waitFor();
  await page.context().close();
});

test('Rebase without conflicts merges onto the new version and publishes it', async () => {
  const { page } = await staleDraft();
  const modal = await publishFromBanner(page);
  await modal.getByRole('button', { name: 'Rebase' }).click();
  await expectHidden(modal);
  await expectText(page.getByTestId('version-label'), 'v3, published');
  await expectHidden(page.getByTestId('unpublished-banner'));
  // both changes are in v3: theirs (the ticket entity) and mine (the interval)
  assert.match(await editorText(page, 'editor-settings'), /"sync_interval_seconds": 60/);
  await page.getByRole('list', { name: 'Entities' }).getByRole('button', { name: 'ticket' }).waitFor();
  await page.context().close();
});

test('Rebase with conflicts lists them by path and publishes the chosen sides', async () => {
  const { page } = await staleDraft({ theirSettings: { region: 'eu-west-1', sync_interval_seconds: 900 } });
  const modal = await publishFromBanner(page);
  await modal.getByRole('button', { name: 'Rebase' }).click();
  const list = page.getByTestId('conflict-list');
  await expectText(list, '/settings/sync_interval_seconds');
  const group = modal.getByRole('group', { name: 'Conflict at /settings/sync_interval_seconds' });
  await expectText(group, 'Mine (draft) 60');
  await expectText(group, 'Theirs (v2) 900');
  await expectAccessible(page, 'rebase conflicts');
  const apply = modal.getByRole('button', { name: 'Apply choices and publish' });
  assert.equal(await apply.isDisabled(), true);
  await group.getByRole('radio', { name: /Mine/ }).check();
  await apply.click();
  await expectHidden(modal);
  await expectText(page.getByTestId('version-label'), 'v3, published');
  assert.match(await editorText(page, 'editor-settings'), /"sync_interval_seconds": 60/);
  await page.context().close();
});
