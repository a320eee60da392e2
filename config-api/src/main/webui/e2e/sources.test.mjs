// GitHub sources: an instance's targets and resync, a mapping with a live glob preview against
// the last synced tree, a sync's per-file summary with its errors, held mass-deletion syncs
// (confirm / discard), and a connector object's provenance ("reappeared as a new object").
// DashboardBrowserTest seeds what only the sync worker writes (LibraryScenarios.sources).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { expectAccessible, expectHidden, expectText, launchBrowser, library, ok, openDashboard, screenshot, tokens } from './support.mjs';

const INSTANCE = process.env.SOURCE_INSTANCE_ID;
const SYNC = process.env.SYNC_EVENT_ID;
const CONFIRM = process.env.HELD_CONFIRM_ID;
const DISCARD = process.env.HELD_DISCARD_ID;
const DELETED = process.env.DELETED_OBJECT_ID;
const REAPPEARED = process.env.REAPPEARED_OBJECT_ID;

let browser;
before(async () => {
  assert.ok(INSTANCE && SYNC && CONFIRM && DISCARD, 'run through DashboardBrowserTest (it seeds the GitHub source)');
  browser = await launchBrowser();
});
after(async () => browser?.close());

const owner = library(tokens.owner);

test('an instance lists its repository targets; resync queues a sync', async () => {
  const page = await openDashboard(browser, tokens.owner, '/sources');
  await page.getByRole('link', { name: 'Acme agent skills' }).click();
  await expectText(page.getByRole('heading', { level: 1 }), 'Acme agent skills');
  const targets = page.getByTestId('targets');
  await expectText(targets, 'acme/agent-skills');
  await expectText(targets, '9f3c2a7');
  await expectAccessible(page, 'instance targets');
  const queuedBefore = await queued();
  await page.getByRole('button', { name: 'Resync acme/agent-skills' }).click();
  await expectText(page.getByRole('status'), 'Resync of acme/agent-skills queued');
  assert.equal(await queued(), queuedBefore + 1);
  await page.context().close();
});

test('a mapping previews live which repository paths its glob takes, then is added', async () => {
  const page = await openDashboard(browser, tokens.owner, `/sources/instances/${INSTANCE}/mappings`);
  await expectText(page.getByTestId('mapping-list'), '/skills/*/SKILL.md');
  const selector = page.getByTestId('mapping-selector');
  await selector.fill('/commands/*.md');
  await expectText(page.getByTestId('preview-count'), 'Matches 2 of 10 paths at commit 9f3c2a7');
  await expectText(page.getByTestId('preview-paths'), 'commands/deploy.md');
  await expectText(page.getByTestId('preview-paths'), 'commands/review.md');
  await selector.fill('/skills/**');
  await expectText(page.getByTestId('preview-count'), 'Matches 5 of 10');
  // the API's own selector rules, shown as typed
  await selector.fill('/skills/[');
  await expectText(page.getByTestId('selector-preview'), "unbalanced '[' or '{'");
  await selector.fill('/commands/*.md');
  await expectText(page.getByTestId('preview-count'), 'Matches 2 of 10');
  await page.getByRole('form', { name: 'New mapping' }).getByLabel('Become').selectOption('command');
  await screenshot(page, 'mapping-preview.png');
  await expectAccessible(page, 'new mapping with preview');
  await page.getByRole('button', { name: 'Add mapping' }).click();
  await expectText(page.getByRole('status'), 'Mapping /commands/*.md added');
  await expectText(page.getByTestId('mapping-list'), '/commands/*.md');
  const mappings = await ok(owner('GET', `/connector-instances/${INSTANCE}/mappings`));
  assert.ok(mappings.body.items.some((m) => m.selector === '/commands/*.md' && m.object_type === 'command'));
  await page.context().close();
});

test('a sync shows what it did to each file and why one file failed', async () => {
  const page = await openDashboard(browser, tokens.owner, `/sources/instances/${INSTANCE}/syncs`);
  await expectText(page.getByTestId('sync-list'), 'completed with errors');
  await page.getByRole('link', { name: 'push' }).first().waitFor();
  await page.goto(page.url().replace(/\/sources\/.*$/, `/sources/syncs/${SYNC}`));
  await expectText(page.getByRole('heading', { level: 1 }), 'Sync of acme/agent-skills');
  await expectText(page.locator('.page-head'), '1 created, 1 updated, 1 deleted, 1 error');
  await expectText(page.getByRole('note'), '1 file could not be synced; the others were');
  const failed = page.getByTestId('sync-files').locator('tr.failed');
  await expectText(failed, 'skills/broken/SKILL.md');
  await expectText(failed, '/content/frontmatter/name: must match');
  await expectText(page.getByTestId('sync-files'), 'reappeared after a deletion');
  await expectAccessible(page, 'sync detail');
  await page.context().close();
});

test('held mass-deletion syncs: one confirmed, one discarded', async () => {
  const page = await openDashboard(browser, tokens.owner, '/sources');
  const held = page.getByTestId('held-syncs');
  await expectText(held, 'would delete 9 of 12 objects');
  await expectText(held, 'would delete 7 of 12 objects');
  await screenshot(page, 'held-sync.png');
  await expectAccessible(page, 'sources with held syncs');

  const confirm = held.getByRole('article').filter({ hasText: 'would delete 9 of 12' });
  await confirm.getByRole('button', { name: 'Confirm deletions' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete 9 objects?' });
  await expectAccessible(page, 'confirm deletions dialog');
  await dialog.getByRole('button', { name: 'Confirm deletions' }).click();
  await expectText(page.getByRole('status').first(), 'Deletions confirmed');
  await expectHidden(held.getByRole('article').filter({ hasText: 'would delete 9 of 12' }));
  assert.equal(await status(CONFIRM), 'queued');

  await held.getByRole('article').filter({ hasText: 'would delete 7 of 12' }).getByRole('button', { name: 'Discard sync' }).click();
  await page.getByRole('dialog', { name: 'Discard this sync?' }).getByRole('button', { name: 'Discard' }).click();
  await expectHidden(page.getByTestId('held-syncs'));
  assert.equal(await status(DISCARD), 'cancelled');
  await page.context().close();
});

test('a connector object shows its repository path, and a path that came back is a new object', async () => {
  const page = await openDashboard(browser, tokens.owner, '/library?source=connector');
  await expectText(page.getByTestId('object-list'), 'pdf-tools');
  await page.goto(page.url().replace(/\/library.*$/, `/library/objects/${REAPPEARED}`));
  await expectText(page.getByTestId('read-only'), 'Managed by a GitHub source');
  assert.equal(await page.getByRole('button', { name: 'New version' }).count(), 0);
  await page.getByRole('navigation', { name: 'Object sections' }).getByRole('link', { name: 'Source', exact: true }).click();
  const provenance = page.getByTestId('provenance');
  await expectText(provenance, 'acme/agent-skills/skills/pdf-tools/SKILL.md');
  await expectText(page.getByTestId('reappearance-of'), 'Reappeared as a new object');
  await expectAccessible(page, 'object provenance');
  await page.getByRole('link', { name: 'an earlier object' }).click();
  assert.match(page.url(), new RegExp(`/library/objects/${DELETED}$`));
  await page.getByRole('navigation', { name: 'Object sections' }).getByRole('link', { name: 'Source', exact: true }).click();
  await expectText(page.getByTestId('tombstone'), 'deleted in commit 4e1d2c3');
  await expectText(page.getByTestId('tombstone'), 'The path reappeared as a new object');
  await page.getByTestId('tombstone').getByRole('link', { name: 'open it' }).click();
  assert.match(page.url(), new RegExp(`/library/objects/${REAPPEARED}$`));
  await page.context().close();
});

async function queued() {
  const res = await ok(owner('GET', `/connector-sync-events?connector_instance_id=${INSTANCE}&status=queued`));
  return res.body.items.length;
}

async function status(id) {
  return (await ok(owner('GET', `/connector-sync-events/${id}`))).body.item.status;
}
