// Plugins and access: build a plugin from library search, see what it ships now, cut a release
// and diff it against now; teams and their members; grants on a plugin and "explain access";
// a viewer's read-only plugin page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  createSkill,
  expectAccessible,
  expectText,
  launchBrowser,
  library,
  memberId,
  ok,
  openDashboard,
  screenshot,
  skillContent,
  SUBJECTS,
  tokens,
} from './support.mjs';

let browser;
before(async () => (browser = await launchBrowser()));
after(async () => browser?.close());

const owner = library(tokens.owner);
let pluginId;
let quoteSkill;

test('build a plugin from the library, see what it ships, cut a release and diff it against now', async () => {
  quoteSkill = await createSkill(owner, 'quote-builder', 'Build a sales quote from a price list');
  await createSkill(owner, 'crm-notes', 'Summarise a customer call into CRM notes');
  await createSkill(owner, 'unrelated-tool', 'Not part of the toolkit');

  const page = await openDashboard(browser, tokens.owner, '/plugins');
  await page.getByRole('button', { name: 'New plugin' }).click();
  await expectAccessible(page, 'plugins with the new plugin form');
  await page.getByTestId('plugin-name').fill('Sales toolkit');
  await page.getByRole('button', { name: 'Create plugin' }).click();
  await expectText(page.getByRole('heading', { level: 1 }), 'Sales toolkit');
  pluginId = page.url().split('/').pop();

  const search = page.getByTestId('member-search');
  await search.fill('quote');
  await page.getByRole('button', { name: 'Add quote-builder' }).click();
  await expectText(page.getByTestId('plugin-members'), 'quote-builder');
  await search.fill('crm');
  await page.getByRole('button', { name: 'Add crm-notes' }).click();
  await expectText(page.getByTestId('plugin-members'), 'crm-notes');
  await expectText(page.getByRole('link', { name: /Objects \(2\)/ }), 'Objects (2)');
  await expectAccessible(page, 'plugin members');

  await page.getByRole('link', { name: 'Ships now' }).click();
  const resolved = page.getByTestId('resolved-view');
  await expectText(resolved, '2 objects');
  await expectText(resolved, 'quote-builder');
  await expectText(resolved, 'crm-notes');
  await screenshot(page, 'plugin-resolved.png');
  await expectAccessible(page, 'plugin resolved view');

  await page.getByRole('link', { name: 'Releases' }).click();
  await page.getByTestId('release-notes').fill('First cut for the sales team');
  await page.getByRole('button', { name: 'Cut a release' }).click();
  await expectText(page.getByTestId('release-list'), 'First cut for the sales team');
  // the plugin moves on: a new version of one member
  await ok(owner('PUT', `/config-objects/${quoteSkill}`, { content: skillContent('quote-builder', 'Build a sales quote with discounts') }));
  await page.getByRole('link', { name: 'Diff “First cut for the sales team” against now' }).click();
  const diff = page.getByTestId('release-diff');
  await expectText(diff, '0 added since, 0 removed since, 1 changed, 1 unchanged');
  await expectText(diff, 'quote-builder');
  await expectAccessible(page, 'release diff');
  await page.context().close();
});

test('teams, grants on a plugin, and "explain access" says why someone can use it', async () => {
  const editorId = await memberId(owner, SUBJECTS.editor);
  const page = await openDashboard(browser, tokens.owner, '/access');
  await expectText(page.getByTestId('member-list'), SUBJECTS.viewer);
  await expectAccessible(page, 'access: teams and members');
  await page.getByTestId('team-name').fill('sales');
  await page.getByRole('button', { name: 'Create team' }).click();
  await expectText(page.getByRole('heading', { level: 1 }), 'Team sales');
  const add = page.getByTestId('team-add-member');
  await add.getByRole('searchbox').fill('demo-editor');
  await add.getByRole('button', { name: /demo-editor@plugsync\.local/ }).click();
  await expectText(page.getByTestId('team-members'), SUBJECTS.editor);
  await expectAccessible(page, 'team');

  await page.goto(page.url().replace(/\/access\/teams\/.*$/, `/plugins/${pluginId}/access`));
  const grants = page.getByTestId('grants-panel');
  await grants.getByTestId('grant-to').selectOption('team');
  await grants.getByTestId('grant-team').selectOption({ label: 'sales' });
  await grants.getByRole('button', { name: 'Grant' }).click();
  await expectText(page.getByTestId('grant-list'), 'team sales');

  const explain = page.getByTestId('explain-access');
  await explain.getByRole('searchbox').fill('demo-editor');
  await explain.getByRole('button', { name: /demo-editor@plugsync\.local/ }).click();
  await expectText(page.getByTestId('explanation'), 'Has viewer access to this plugin');
  await expectText(page.getByTestId('explanation'), 'granted to team sales, which they are in');
  await screenshot(page, 'explain-access.png');
  await expectAccessible(page, 'plugin access with explanation');

  // and the objects in it: viewer through the plugin
  const explained = await ok(owner('GET', `/config-objects/${quoteSkill}/grants/explain?org_membership_id=${editorId}`));
  assert.equal(explained.body.item.role, 'viewer');

  await explain.getByRole('button', { name: 'ask about someone else' }).click();
  await explain.getByRole('searchbox').fill('demo-viewer');
  await explain.getByRole('button', { name: /demo-viewer@plugsync\.local/ }).click();
  await expectText(page.getByTestId('explanation'), 'Has no access to this plugin');

  // revoking the team grant takes the access away again
  await page.getByTestId('grant-list').getByRole('button', { name: 'Revoke' }).click();
  await expectText(page.getByTestId('grants-panel'), 'No grants');
  await page.context().close();
});

test('a viewer sees a shared plugin read-only', async () => {
  await ok(owner('POST', `/plugins/${pluginId}/grants`, { org_wide: true, role: 'viewer' }), 201);
  const page = await openDashboard(browser, tokens.viewer, `/plugins/${pluginId}`);
  await expectText(page.getByRole('heading', { level: 1 }), 'Sales toolkit');
  await expectText(page.getByTestId('read-only'), 'changing it needs the editor role');
  await expectText(page.getByTestId('plugin-members'), 'quote-builder');
  assert.equal(await page.getByTestId('member-search').count(), 0);
  assert.equal(await page.getByRole('button', { name: /^Remove/ }).count(), 0);
  await page.getByRole('link', { name: 'Who can use it' }).click();
  await expectText(page.getByTestId('grant-list'), 'everyone in the organisation');
  assert.equal(await page.getByRole('button', { name: 'Grant' }).count(), 0);
  assert.equal(await page.getByRole('button', { name: 'Revoke' }).count(), 0);
  await page.getByRole('link', { name: 'Releases' }).click();
  await expectText(page.getByTestId('release-list'), 'First cut');
  assert.equal(await page.getByRole('button', { name: 'Cut a release' }).count(), 0);
  await expectAccessible(page, 'plugin releases, read only');
  await page.context().close();
});
