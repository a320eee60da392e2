// Change governance in the workspace: a connector that needs one approval by someone else. The
// editor's publish is refused naming what is missing, the editor requests a review, a second user
// approves it in their own browser, the editor sees the approval and publishes. Then: an edit after
// approval shows "changed since review". Produces docs/images/dashboard-review-approved.png.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  client,
  demoConnector,
  expectAccessible,
  expectHidden,
  expectText,
  launchBrowser,
  ok,
  openDashboard,
  screenshot,
  setEditorText,
  tokens,
} from './support.mjs';

let browser;
before(async () => (browser = await launchBrowser()));
after(async () => browser?.close());

async function needsOneApproval(id) {
  await ok(client(tokens.owner, 'dashboard')('PATCH', `/api/connectors/${id}/publish-policy`, { required_approvals: 1 }));
}

async function editSettings(page, settings) {
  await setEditorText(page, 'editor-settings', settings);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expectText(page.getByTestId('unpublished-banner'), 'Unpublished changes');
}

async function publishFromBanner(page) {
  await page.getByTestId('unpublished-banner').getByRole('button', { name: 'Publish' }).click();
  await page.getByTestId('publish-modal').getByRole('button', { name: 'Publish' }).click();
}

test('request a review, approve it as a second user, publish', async () => {
  const id = await demoConnector({ name: 'demo-hubspot' });
  await needsOneApproval(id);
  const editor = await openDashboard(browser, tokens.editor, `/connectors/${id}`);
  const panel = editor.getByTestId('review-panel');
  await expectText(panel, 'Publishing needs 1 approval by others');
  await editSettings(editor, { region: 'eu-west-1', sync_interval_seconds: 60 });
  await expectText(panel, 'No review requested for this draft yet.');

  // publishing without a review is refused, and the notice says what is missing
  await publishFromBanner(editor);
  await expectText(editor.getByTestId('notice'), 'Publishing needs 1 approval by others on a review of this draft');
  await editor.getByTestId('notice').getByRole('button', { name: 'Dismiss' }).click();

  await panel.getByRole('button', { name: 'Request review' }).click();
  const ask = editor.getByTestId('request-review-modal');
  await ask.getByLabel('What changed and why').fill('Sync every minute, in eu-west-1');
  await expectAccessible(editor, 'request review');
  await ask.getByRole('button', { name: 'Request review' }).click();
  await expectHidden(ask);
  await expectText(editor.getByTestId('review-state'), 'Awaiting 1 approval');
  await expectText(panel, 'Review requested by demo-editor@plugsync.local via dashboard');
  // the requester cannot approve their own review
  assert.equal(await panel.getByRole('button', { name: 'Approve' }).isDisabled(), true);
  await publishFromBanner(editor);
  await expectText(editor.getByTestId('notice'), 'The review has 0 of 1 required approvals; 1 more approval needed.');
  await editor.getByTestId('notice').getByRole('button', { name: 'Dismiss' }).click();

  // a second user approves in their own browser
  const owner = await openDashboard(browser, tokens.owner, `/connectors/${id}`);
  const ownerPanel = owner.getByTestId('review-panel');
  await expectText(ownerPanel, 'Sync every minute, in eu-west-1');
  await expectAccessible(owner, 'review awaiting approval');
  await ownerPanel.getByLabel('Comment').fill('Looks good: one minute is within the HubSpot rate limit.');
  await ownerPanel.getByRole('button', { name: 'Approve' }).click();
  await expectText(owner.getByTestId('review-state'), 'Approved');
  await owner.context().close();

  // the editor's page follows without a reload, then publishes
  await expectText(editor.getByTestId('review-state'), 'Approved', 10_000);
  await expectText(editor.getByTestId('review-thread'), 'demo-owner@plugsync.local approved');
  await expectText(editor.getByTestId('review-thread'), 'within the HubSpot rate limit');
  await screenshot(editor, 'dashboard-review-approved.png');
  await expectAccessible(editor, 'approved review');

  await publishFromBanner(editor);
  await expectHidden(editor.getByTestId('unpublished-banner'));
  await expectText(editor.getByTestId('version-label'), /v2, published (just now|\d+ min ago) by demo-editor@plugsync\.local/);
  await expectText(panel, 'Nothing to review');
  const audit = await ok(client(tokens.viewer)('GET', `/api/connectors/${id}/audit`));
  assert.deepEqual(
    audit.body.items.slice(0, 5).map((e) => `${e.action} ${e.actor} ${e.writer_kind}`),
    [
      'publish demo-editor@plugsync.local dashboard',
      'review_approved demo-owner@plugsync.local dashboard',
      'publish_refused demo-editor@plugsync.local dashboard',
      'review_requested demo-editor@plugsync.local dashboard',
      'publish_refused demo-editor@plugsync.local dashboard',
    ],
  );
  await editor.context().close();
});

test('an edit after approval shows "changed since review" and the publish is refused', async () => {
  const id = await demoConnector();
  await needsOneApproval(id);
  const script = client(tokens.script, 'script');
  await ok(script('PATCH', `/api/connectors/${id}/draft`, { settings: { region: 'us-east-1' } }));
  const review = await ok(script('POST', `/api/connectors/${id}/reviews`, { summary: 'move to us-east-1' }), 201);
  await ok(client(tokens.owner, 'dashboard')('POST', `/api/connectors/${id}/reviews/${review.body.item.id}/approve`, {}));

  const editor = await openDashboard(browser, tokens.editor, `/connectors/${id}`);
  await expectText(editor.getByTestId('review-state'), 'Approved');
  await editSettings(editor, { region: 'us-east-2' });
  await expectText(editor.getByTestId('review-state'), 'Changed since review');
  await expectText(editor.getByTestId('review-changed'), 'Its approvals no longer count.');
  await expectText(editor.getByTestId('review-thread'), '(does not count)');
  await publishFromBanner(editor);
  await expectText(editor.getByTestId('notice'), 'The draft changed since it was reviewed');
  await expectAccessible(editor, 'changed since review');
  await editor.getByTestId('review-changed').getByRole('button', { name: 'Request a new review' }).click();
  await editor.getByTestId('request-review-modal').getByLabel('What changed and why').fill('us-east-2 after all');
  await editor.getByTestId('request-review-modal').getByRole('button', { name: 'Request review' }).click();
  await expectText(editor.getByTestId('review-state'), 'Awaiting 1 approval');
  await editor.context().close();
});
