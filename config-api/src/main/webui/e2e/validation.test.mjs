// A 422 from the API is shown next to the field its JSON pointer names, and nothing typed is lost.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { demoConnector, editorText, expectAccessible, expectText, launchBrowser, openDashboard, setEditorText, tokens } from './support.mjs';

let browser;
before(async () => (browser = await launchBrowser()));
after(async () => browser?.close());

test('a 422 shows each error at the editor its pointer names, and the text stays', async () => {
  const id = await demoConnector();
  const page = await openDashboard(browser, tokens.editor, `/connectors/${id}`);
  await page.getByRole('list', { name: 'Entities' }).getByRole('button', { name: 'contact' }).click();
  const invalid = {
    description: 'A HubSpot contact',
    primary_key: 'phone',
    fields: { email: { type: 'text', required: true } },
  };
  await setEditorText(page, 'editor-entity:contact', invalid);
  await page.getByRole('button', { name: 'Save entity' }).click();
  const errors = page.getByTestId('errors-entity:contact');
  await expectText(errors, '/primary_key');
  await expectText(errors, '/fields/email/type');
  // the editor is marked invalid and described by its errors
  const content = page.getByTestId('editor-entity:contact').locator('.cm-content');
  assert.equal(await content.getAttribute('aria-invalid'), 'true');
  assert.equal(await content.getAttribute('aria-describedby'), await errors.getAttribute('id'));
  // no generic banner, no other editor blamed
  assert.equal(await page.getByTestId('errors-settings').count(), 0);
  assert.match(await editorText(page, 'editor-entity:contact'), /"primary_key": "phone"/);
  await expectAccessible(page, 'validation errors');

  // fix it (the flows map first_name, so keep that field) and publish: the errors go away
  await setEditorText(page, 'editor-entity:contact', { ...invalid, primary_key: 'email', fields: { email: { type: 'string', required: true }, first_name: { type: 'string' } } });
  await page.getByRole('button', { name: 'Save entity' }).click();
  await page.getByTestId('errors-entity:contact').waitFor({ state: 'detached' });
  await page.getByTestId('unpublished-banner').getByRole('button', { name: 'Publish' }).click();
  await page.getByTestId('publish-modal').getByRole('button', { name: 'Publish' }).click();
  await expectText(page.getByTestId('version-label'), 'v2, published');
  await page.context().close();
});

test('text that is not JSON is caught before it is sent', async () => {
  const id = await demoConnector();
  const page = await openDashboard(browser, tokens.editor, `/connectors/${id}`);
  await setEditorText(page, 'editor-settings', '{ "region": ');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expectText(page.getByTestId('errors-settings'), 'Not valid JSON');
  assert.equal(await editorText(page, 'editor-settings'), '{ "region": ');
  await page.context().close();
});
