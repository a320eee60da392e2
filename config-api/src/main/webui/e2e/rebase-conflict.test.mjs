// A draft based on v1 while v2 is active, both having changed settings.region (prepared by
// DashboardBrowserTest): Publish -> conflict modal -> Rebase lists the conflict by path with
// mine / theirs -> pick mine -> the merged draft is published.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { client, expectAccessible, expectHidden, expectText, launchBrowser, ok, openDashboard, tokens } from './support.mjs';

let browser;
before(async () => (browser = await launchBrowser()));
after(async () => browser?.close());

test('rebase conflicts are listed by path and the chosen side is published', async () => {
  const id = process.env.STALE_CONNECTOR_ID;
  assert.ok(id, 'STALE_CONNECTOR_ID is prepared by DashboardBrowserTest');
  const page = await openDashboard(browser, tokens.owner, `/connectors/${id}`);
  const banner = page.getByTestId('unpublished-banner');
  await expectText(banner, 'Based on v1, active is v2');
  await banner.getByRole('button', { name: 'Publish' }).click();
  await page.getByTestId('publish-modal').getByRole('button', { name: 'Publish' }).click();
  const modal = page.getByTestId('conflict-modal');
  await expectText(modal, 'Your draft is based on v1, but v2 is active now.');
  await modal.getByRole('button', { name: 'Rebase' }).click();

  const group = modal.getByRole('group', { name: 'Conflict at /settings/region' });
  await expectText(group, 'Mine (draft) "ap-south-1"');
  await expectText(group, 'Theirs (v2) "us-east-1"');
  await expectText(page.getByTestId('conflict-list'), '1 conflicting path');
  await expectAccessible(page, 'rebase conflicts');
  const apply = modal.getByRole('button', { name: 'Apply choices and publish' });
  assert.equal(await apply.isDisabled(), true, 'nothing is published before every path has a side');
  // keyboard: the choice is a radio group
  await group.getByRole('radio', { name: /Mine/ }).focus();
  await page.keyboard.press('Space');
  assert.equal(await apply.isDisabled(), false);
  await apply.click();
  await expectHidden(modal);
  await expectText(page.getByTestId('version-label'), 'v3, published');
  await expectHidden(banner);
  const active = await ok(client(tokens.owner)('GET', `/api/connectors/${id}/active`));
  assert.equal(active.body.document.settings.region, 'ap-south-1');
  await page.context().close();
});
