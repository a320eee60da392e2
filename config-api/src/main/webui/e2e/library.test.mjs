// The config library: search and filters in the address bar, an object's history with a diff
// between any two versions, creating an object with the API's validation at the field (nothing
// stored while it is invalid), a new version, archive and restore, and a viewer's read-only pages.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  createObject,
  createSkill,
  expectAccessible,
  expectText,
  launchBrowser,
  library,
  ok,
  openDashboard,
  screenshot,
  skillContent,
  tokens,
} from './support.mjs';

let browser;
before(async () => (browser = await launchBrowser()));
after(async () => browser?.close());

const owner = library(tokens.owner);

test('search and filter the library; the filters live in the address and back restores them', async () => {
  await createSkill(owner, 'pdf-tools', 'Fill, merge and sign PDF forms');
  await createSkill(owner, 'sql-helper', 'Write safe, reviewed SQL');
  await createSkill(owner, 'release-notes', 'Draft release notes from merged pull requests', { source_mode: 'import' });
  await createObject(owner, { object_type: 'command', content: '---\nname: review\ndescription: Review a pull request\n---\nReview $ARGUMENTS.\n' });
  await createObject(owner, {
    object_type: 'mcp',
    content: JSON.stringify({ mcpServers: { docs: { command: 'npx', args: ['-y', 'docs-mcp-server'] } } }),
    title: 'Docs MCP server',
  });
  await createObject(owner, { object_type: 'context', content: '# Team conventions\n\nSmall pull requests.\n', title: 'Team conventions' });
  const old = await createSkill(owner, 'legacy-export', 'Export to the old CSV format');
  await ok(owner('POST', `/config-objects/${old}/archive`));

  const page = await openDashboard(browser, tokens.owner, '/library');
  const list = page.getByTestId('object-list');
  await expectText(list, 'pdf-tools');
  await expectText(list, 'Team conventions');
  assert.equal(await list.getByText('legacy-export').count(), 0, 'archived objects are hidden by default');
  assert.equal(await list.locator('tbody tr').count(), 6);
  await expectAccessible(page, 'library');

  await page.getByTestId('library-type').selectOption('skill');
  await expectText(page.getByTestId('object-list'), 'sql-helper');
  assert.match(page.url(), /\/library\?type=skill$/);
  await expectRows(page, 3);

  await page.getByTestId('library-q').fill('pdf');
  await expectRows(page, 1);
  await expectText(page.getByTestId('object-list'), 'Fill, merge and sign PDF forms');
  assert.match(page.url(), /type=skill&q=pdf$/);
  await page.getByTestId('library-q').fill('');
  await expectRows(page, 3);
  await page.getByTestId('library-source').selectOption('import');
  await expectRows(page, 1);
  await expectText(page.getByTestId('object-list'), 'release-notes');
  await page.getByTestId('library-source').selectOption('');
  await page.getByLabel('include archived').check();
  await expectRows(page, 4);
  await expectText(page.getByTestId('object-list'), 'legacy-export');
  await page.getByLabel('include archived').uncheck();
  await page.getByTestId('library-type').selectOption('');
  await expectRows(page, 6);
  await screenshot(page, 'library-search.png');

  // back walks through the filters: "type=skill" comes back with its three rows
  await page.goBack();
  await expectRows(page, 3);
  assert.equal(await page.getByTestId('library-type').inputValue(), 'skill');
  await page.context().close();
});

test('an object shows its history and the diff between any two versions', async () => {
  const id = await createSkill(owner, 'invoice-check', 'Check invoices before paying them', {});
  const version = (description, body) => ok(owner('PUT', `/config-objects/${id}`, { content: skillContent('invoice-check', description, body) }));
  await version('Check invoices before paying them', 'Compare the amount with the purchase order.');
  await version('Check supplier invoices before paying them', 'Compare the amount with the purchase order.\nFlag new bank accounts.');

  const page = await openDashboard(browser, tokens.owner, `/library/objects/${id}`);
  await expectText(page.getByRole('heading', { level: 1 }), 'invoice-check');
  await expectText(page.getByTestId('object-content-view'), 'Flag new bank accounts.');
  await page.getByRole('navigation', { name: 'Object sections' }).getByRole('link', { name: 'History' }).click();
  await expectText(page.getByTestId('version-list'), '3 versions');
  // the newest two are compared by default
  const compare = page.getByTestId('version-compare');
  await expectText(compare, 'v2 → v3');
  await expectText(page.getByTestId('compare-counts'), '+2');
  await expectText(page.getByTestId('unified-diff'), '+ description: Check supplier invoices before paying them');
  await expectText(page.getByTestId('unified-diff'), '- description: Check invoices before paying them');
  // any two: the first against the last
  await page.getByLabel('compare from v1').check();
  await expectText(compare, 'v1 → v3');
  assert.match(page.url(), new RegExp(`/library/objects/${id}/history\\?from=[0-9a-f-]+&to=[0-9a-f-]+$`));
  await expectText(page.getByTestId('unified-diff'), '+ Flag new bank accounts.');
  await expectText(page.getByTestId('unified-diff'), '- Follow the steps.');
  await screenshot(page, 'library-object-history.png');
  await expectAccessible(page, 'object history');
  await page.goBack();
  await expectText(compare, 'v2 → v3');
  await page.context().close();
});

test('create an object: the API validation shows at the field and nothing is stored until it passes', async () => {
  const editor = library(tokens.editor);
  const before = (await ok(editor('GET', '/config-objects?object_type=agent'))).body.items.length;
  const page = await openDashboard(browser, tokens.editor, '/library');
  await page.getByRole('link', { name: 'New object' }).click();
  await page.getByTestId('object-type').selectOption('agent');
  const content = page.getByTestId('object-content');
  await content.fill('---\nname: Code Reviewer\ndescription: Reviews code\n---\nYou review code.\n');
  // checked as typed, by the same rules a create uses
  await expectText(page.getByTestId('field-content-errors'), 'frontmatter name');
  await expectText(page.getByTestId('content-check'), 'problem');
  await page.getByRole('button', { name: 'Create' }).click();
  await expectText(page.getByTestId('field-content-errors'), 'frontmatter name');
  assert.equal(await content.getAttribute('aria-invalid'), 'true');
  await expectAccessible(page, 'new object with errors');
  assert.equal((await ok(editor('GET', '/config-objects?object_type=agent'))).body.items.length, before, 'a refused create stores nothing');

  await content.fill('---\nname: code-reviewer\ndescription: Reviews code for risky changes\n---\nYou review code.\n');
  await expectText(page.getByTestId('content-check'), 'Valid agent: code-reviewer');
  await page.getByRole('button', { name: 'Create' }).click();
  await expectText(page.getByRole('heading', { level: 1 }), 'code-reviewer');
  assert.match(page.url(), /\/library\/objects\/[0-9a-f-]+$/);
  const id = page.url().split('/').pop();
  await expectText(page.getByTestId('object-content-view'), 'You review code.');

  // a new version from the page; its creator manages it
  await page.getByRole('button', { name: 'New version' }).click();
  await page.getByTestId('object-content').fill('---\nname: code-reviewer\ndescription: Reviews code for risky changes\n---\nYou review code. Be brief.\n');
  await page.getByRole('button', { name: 'Save as new version' }).click();
  await expectText(page.getByTestId('object-content-view'), 'Be brief.');
  assert.equal((await ok(editor('GET', `/config-objects/${id}/versions`))).body.items.length, 2);

  await page.getByRole('button', { name: 'Archive' }).click();
  await expectText(page.locator('.page-head'), 'archived');
  assert.equal((await ok(editor('GET', `/config-objects/${id}`))).body.item.status, 'archived');
  await page.getByRole('button', { name: 'Restore' }).click();
  await expectText(page.locator('.page-head'), 'active');
  await page.context().close();
});

test('a viewer reads the library and gets no editing controls', async () => {
  const id = await createSkill(owner, 'shared-skill', 'Shared with everyone');
  await ok(owner('POST', `/config-objects/${id}/grants`, { org_wide: true, role: 'viewer' }), 201);
  const page = await openDashboard(browser, tokens.viewer, '/library');
  await expectText(page.getByTestId('object-list'), 'shared-skill');
  assert.equal(await page.getByRole('link', { name: 'New object' }).count(), 0);
  await page.getByRole('link', { name: 'shared-skill' }).click();
  await expectText(page.getByTestId('read-only'), 'editing needs the editor role');
  assert.equal(await page.getByRole('button', { name: 'New version' }).count(), 0);
  assert.equal(await page.getByRole('button', { name: 'Archive' }).count(), 0);
  await expectAccessible(page, 'object, read only');
  await page.goto(`${page.url().split('/library')[0]}/library/new`);
  await expectText(page.getByTestId('read-only'), 'You are a viewer');
  await page.context().close();
});

async function expectRows(page, n) {
  const deadline = Date.now() + 10_000;
  let count = -1;
  while (Date.now() < deadline) {
    count = await page.getByTestId('object-list').locator('tbody tr').count();
    if (count === n) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`expected ${n} rows, saw ${count}`);
}
