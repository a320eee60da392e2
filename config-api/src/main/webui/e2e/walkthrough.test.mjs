// The document's walkthrough: edit -> "Unpublished changes" banner -> Review changes -> Publish
// -> committed -> replicated. Produces the three screenshots of docs/images/.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  demoConnector,
  expectAccessible,
  expectHidden,
  expectText,
  launchBrowser,
  openDashboard,
  screenshot,
  setEditorText,
  tokens,
} from './support.mjs';

let browser;
before(async () => (browser = await launchBrowser()));
after(async () => browser?.close());

test('edit settings, review the diff, publish, and watch the version replicate', async () => {
  const id = await demoConnector({ name: 'demo-hubspot' });
  const page = await openDashboard(browser, tokens.owner);
  // the token left the address bar
  assert.ok(!page.url().includes('token='), page.url());
  await page.getByRole('link', { name: 'Demo HubSpot' }).waitFor();
  await expectAccessible(page, 'connector list');

  await page.getByRole('link', { name: 'Demo HubSpot' }).click();
  assert.ok(page.url().endsWith(`/connectors/${id}`), page.url());
  const label = page.getByTestId('version-label');
  await expectText(label, /v1, published (just now|\d+ min ago) by demo-owner@plugsync\.local/);
  await expectText(page.getByTestId('replication-state'), 'replicated');
  await expectAccessible(page, 'workspace');

  await setEditorText(page, 'editor-settings', { region: 'eu-west-1', sync_interval_seconds: 60 });
  await page.getByRole('button', { name: 'Save settings' }).click();
  const banner = page.getByTestId('unpublished-banner');
  await expectText(banner, 'Unpublished changes');
  await expectText(banner, 'demo-owner@plugsync.local via dashboard');
  await screenshot(page, 'dashboard-unpublished-changes.png');
  await expectAccessible(page, 'workspace with unpublished changes');

  await banner.getByRole('button', { name: 'Review changes' }).click();
  const review = page.getByTestId('review-modal');
  await expectText(review, 'Settings: 1 changed');
  await expectText(review, 'Entities: no changes');
  await expectText(review, 'Settings › sync_interval_seconds');
  const changed = review.locator('tr.modified');
  assert.equal(await changed.locator('.left').innerText(), '300');
  assert.equal(await changed.locator('.right').innerText(), '60');
  await screenshot(page, 'dashboard-review-changes.png');
  await expectAccessible(page, 'review changes');

  // keyboard: Escape closes and focus goes back to the opener
  await page.keyboard.press('Escape');
  await expectHidden(review);
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Review changes');

  await banner.getByRole('button', { name: 'Publish' }).click();
  const dialog = page.getByTestId('publish-modal');
  await dialog.getByLabel('Message (optional)').fill('Sync every minute');
  await expectAccessible(page, 'publish');
  await dialog.getByRole('button', { name: 'Publish' }).click();
  await expectHidden(banner);
  await expectText(label, /v2, published (just now|\d+ min ago) by demo-owner@plugsync\.local/);
  // the receipt says committed first; the dispatcher's delivery then makes it replicated
  await expectText(page.getByTestId('replication-state'), 'committed');
  await expectText(page.getByTestId('replication-state'), 'replicated', 15_000);
  await page.getByTestId('notice').getByRole('button', { name: 'Dismiss' }).click();
  await screenshot(page, 'dashboard-published.png');
  await expectAccessible(page, 'published');
  await page.context().close();
});

test('add, edit and remove an entity and an event flow', async () => {
  const id = await demoConnector();
  const page = await openDashboard(browser, tokens.editor, `/connectors/${id}`);
  await page.getByRole('button', { name: 'Save settings' }).waitFor();

  const newEntity = page.getByLabel('New entity');
  await newEntity.fill('deal');
  await page.getByRole('button', { name: 'Add entity' }).click();
  await page.getByRole('heading', { name: 'Entity deal' }).waitFor();
  await setEditorText(page, 'editor-entity:deal', {
    description: 'A deal',
    primary_key: 'id',
    fields: { id: { type: 'string', required: true }, amount: { type: 'number' } },
  });
  await page.getByRole('button', { name: 'Save entity' }).click();
  await expectHidden(page.getByRole('heading', { name: /Entity deal unsaved/ }));

  await page.getByLabel('New event flow').fill('hubspot/deal.created');
  await page.getByRole('button', { name: 'Add event flow' }).click();
  await page.getByRole('heading', { name: 'Event flow hubspot/deal.created' }).waitFor();
  await setEditorText(page, 'editor-flow:hubspot/deal.created', { entity: 'deal', action: 'upsert', mapping: { id: '$.objectId' } });
  await page.getByRole('button', { name: 'Save flow' }).click();
  await expectHidden(page.getByRole('heading', { name: /unsaved/ }));

  // remove an existing flow
  await page.getByRole('list', { name: 'Event flows' }).getByRole('button', { name: 'hubspot/contact.deleted' }).click();
  await page.getByRole('heading', { name: 'Event flow hubspot/contact.deleted' }).waitFor();
  await page.getByRole('button', { name: 'Remove' }).last().click();
  await expectHidden(page.getByRole('list', { name: 'Event flows' }).getByRole('button', { name: 'hubspot/contact.deleted' }));

  await page.getByRole('button', { name: 'Review changes' }).click();
  const review = page.getByTestId('review-modal');
  await expectText(review, 'Entities: 1 added');
  await expectText(review, 'Event flows: 1 added, 1 removed');
  await expectText(review, 'Entities › deal');
  await expectAccessible(page, 'review changes with added and removed items');
  // focus stays inside the modal when tabbing past its last control
  for (let i = 0; i < 6; i++) await page.keyboard.press('Tab');
  assert.ok(await review.evaluate((el) => el.contains(document.activeElement)), 'focus left the modal');
  await page.keyboard.press('Escape');
  await page.context().close();
});
