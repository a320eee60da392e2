// Version history: paged list, view, compare two versions, restore into the draft (never publishes).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEMO_DOCUMENT,
  client,
  demoConnector,
  expectAccessible,
  expectText,
  launchBrowser,
  ok,
  openDashboard,
  publish,
  tokens,
  writeDocument,
} from './support.mjs';

let browser;
before(async () => (browser = await launchBrowser()));
after(async () => browser?.close());

test('view, compare and restore an older version; the active version stays', async () => {
  const id = await demoConnector();
  const api = client(tokens.script, 'script');
  // v2 .. v12: more versions than one page holds
  for (let n = 2; n <= 12; n++) {
    const doc = structuredClone(DEMO_DOCUMENT);
    doc.settings.sync_interval_seconds = 100 + n;
    await writeDocument(api, id, doc);
    await publish(api, id, `interval ${100 + n}`);
  }
  const page = await openDashboard(browser, tokens.owner, `/connectors/${id}`);
  await expectText(page.getByTestId('version-label'), 'v12, published');
  await page.getByRole('button', { name: 'Versions' }).click();
  const table = page.getByTestId('versions-table');
  await expectText(table, 'v12 active');
  assert.equal(await table.locator('tbody tr').count(), 10);
  await page.getByRole('button', { name: 'Load older versions' }).click();
  await table.locator('tr[data-version="1"]').waitFor();
  await expectAccessible(page, 'version history');

  await page.getByRole('button', { name: 'View v2', exact: true }).click();
  const view = page.getByTestId('version-modal');
  await expectText(view, '"sync_interval_seconds": 102');
  await expectText(view, 'interval 102');
  await page.keyboard.press('Escape');

  await page.getByLabel('Compare').selectOption('1');
  await page.getByLabel('with').selectOption('12');
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const compare = page.getByTestId('compare-modal');
  await expectText(compare, 'Settings: 1 changed');
  await expectText(compare, 'Entities: no changes');
  await expectAccessible(page, 'compare versions');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Restore v2 into draft' }).click();
  const banner = page.getByTestId('unpublished-banner');
  await expectText(banner, 'Restored from v2');
  await expectText(page.getByTestId('editor-settings'), '"sync_interval_seconds": 102');
  // restore never publishes
  await expectText(page.getByTestId('version-label'), 'v12, published');
  const active = await ok(api('GET', `/api/connectors/${id}/active`));
  assert.equal(active.body.version, 12);
  await page.context().close();
});

test('draft history shows who changed what from which writer', async () => {
  const id = await demoConnector();
  await ok(client(tokens.editor, 'agent')('PUT', `/api/connectors/${id}/draft/settings`, { region: 'eu-west-1', sync_interval_seconds: 30 }));
  await ok(client(tokens.script, 'mcp')('PUT', `/api/connectors/${id}/draft/settings`, { region: 'eu-west-1', sync_interval_seconds: 40 }));
  const page = await openDashboard(browser, tokens.owner, `/connectors/${id}`);
  await page.getByRole('button', { name: 'Draft history' }).click();
  const history = page.getByTestId('draft-history');
  await expectText(history, 'setup-script@plugsync.local mcp');
  await expectText(history, 'demo-editor@plugsync.local agent');
  await expectText(history, 'script');
  await expectAccessible(page, 'draft history');
  await page.context().close();
});
