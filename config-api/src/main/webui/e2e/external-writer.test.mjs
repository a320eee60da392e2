// A draft changed by an HTTP script while the page is open shows the banner within 5 s, no reload.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { client, demoConnector, expectText, launchBrowser, ok, openDashboard, tokens } from './support.mjs';

let browser;
before(async () => (browser = await launchBrowser()));
after(async () => browser?.close());

test('a script writing the draft makes the banner appear within 5 s and names the writer', async () => {
  const id = await demoConnector();
  const page = await openDashboard(browser, tokens.owner, `/connectors/${id}`);
  await expectText(page.getByTestId('version-label'), 'v1, published');
  assert.equal(await page.getByTestId('unpublished-banner').count(), 0);
  const navigations = [];
  page.on('framenavigated', (f) => f === page.mainFrame() && navigations.push(f.url()));

  const script = client(tokens.script, 'script');
  const draft = await ok(script('GET', `/api/connectors/${id}/draft`));
  await ok(
    script('PUT', `/api/connectors/${id}/draft/settings`, { region: 'us-east-1', sync_interval_seconds: 300 }, draft.etag ? { 'If-Match': draft.etag } : {}),
  );
  const banner = page.getByTestId('unpublished-banner');
  await expectText(banner, 'Unpublished changes', 5_000);
  await expectText(banner, 'setup-script@plugsync.local via script', 5_000);
  assert.deepEqual(navigations, [], 'the page must not reload');
  // the settings editor follows the draft
  await expectText(page.getByTestId('editor-settings'), '"us-east-1"', 5_000);
  await page.context().close();
});

test('an agent write is attributed to the agent', async () => {
  const id = await demoConnector();
  const page = await openDashboard(browser, tokens.owner, `/connectors/${id}`);
  await expectText(page.getByTestId('version-label'), 'v1, published');
  const agent = client(tokens.editor, 'agent');
  await ok(agent('PUT', `/api/connectors/${id}/draft/entities/ticket`, { fields: { id: { type: 'string' } }, primary_key: 'id' }));
  await expectText(page.getByTestId('unpublished-banner'), 'demo-editor@plugsync.local via agent', 5_000);
  await page.getByRole('button', { name: 'Draft history' }).click();
  const history = page.getByTestId('draft-history');
  await expectText(history, 'demo-editor@plugsync.local');
  await expectText(history, 'agent');
  await page.context().close();
});
