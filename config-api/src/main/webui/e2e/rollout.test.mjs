// Rollouts in the workspace: a publish rolled out in steps shows its progress under the header and
// in the "Rollout and fleet" tab (steps, health, fleet); editors pause, resume and abort it, set the
// connector's default; viewers only read.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEMO_DOCUMENT,
  client,
  demoConnector,
  expectAccessible,
  expectHidden,
  expectText,
  launchBrowser,
  ok,
  openDashboard,
  screenshot,
  tokens,
  writeDocument,
} from './support.mjs';

let browser;
before(async () => (browser = await launchBrowser()));
after(async () => browser?.close());

async function rollingConnector() {
  const id = await demoConnector();
  const api = client(tokens.script, 'script');
  const doc = structuredClone(DEMO_DOCUMENT);
  doc.settings.sync_interval_seconds = 77;
  await writeDocument(api, id, doc);
  const published = await ok(
    api('POST', `/api/connectors/${id}/publish`, { base_version: 1, message: 'faster sync', rollout: 'linear:25%/10m/bake=30m' }),
    201,
  );
  assert.equal(published.body.rollout.candidate_version, 2);
  return id;
}

test('an editor follows a rollout, pauses, resumes and aborts it', async () => {
  const id = await rollingConnector();
  const page = await openDashboard(browser, tokens.editor, `/?connector=${id}`);
  await expectText(page.getByTestId('rollout-strip'), 'Rolling out v2 from v1: step 1 of 4, 25% of the workers');
  await page.getByRole('button', { name: 'Rollout and fleet', exact: true }).first().click();
  await expectText(page.getByTestId('rollout-state'), 'rolling out');
  await expectText(page.getByTestId('rollout-steps'), 'current step 1: 25% of the workers for 10m');
  await expectText(page.getByTestId('rollout-steps'), 'pending step 4: 100% of the workers for 30m (bake)');
  await expectText(page.getByTestId('fleet-summary'), '0 worker(s) reporting');
  await expectAccessible(page, 'rollout and fleet');
  await screenshot(page, 'dashboard-rollout.png');

  await page.getByRole('button', { name: 'Pause' }).click();
  await expectText(page.getByTestId('notice'), 'Rollout paused');
  await expectText(page.getByTestId('rollout-state'), 'paused');
  await page.getByRole('button', { name: 'Resume' }).click();
  await expectText(page.getByTestId('rollout-state'), 'rolling out');
  await page.getByRole('button', { name: 'Abort' }).click();
  await expectText(page.getByTestId('rollout-state'), 'aborted');
  await expectHidden(page.getByTestId('rollout-strip'));
  await expectText(page.getByTestId('rollout-reason'), 'aborted by demo-editor@plugsync.local (dashboard)');

  const api = client(tokens.viewer);
  const rollout = await ok(api('GET', `/api/connectors/${id}/rollout`));
  assert.equal(rollout.body.item.state, 'aborted');
  assert.deepEqual(
    rollout.body.item.moves.map((m) => m.state),
    ['in_progress', 'aborted'],
  );
  await page.context().close();
});

test('an editor sets how publishes of the connector roll out; a bad one is explained', async () => {
  const id = await demoConnector();
  const page = await openDashboard(browser, tokens.editor, `/?connector=${id}`);
  await page.getByRole('button', { name: 'Rollout and fleet', exact: true }).click();
  await expectText(page.getByTestId('rollout-panel'), 'No rollout yet: every worker runs v1');
  await expectText(page.getByTestId('effective-rollout'), 'all_at_once');
  const input = page.getByLabel('Connector default');
  await input.fill('linear:sometimes');
  await page.getByRole('button', { name: 'Save' }).click();
  await expectText(page.getByRole('alert'), 'is not a share');
  await input.fill('canary:10%/15m');
  await page.getByRole('button', { name: 'Save' }).click();
  await expectText(page.getByTestId('effective-rollout'), 'canary:10%/15m/bake=10m');
  await expectAccessible(page, 'rollout default');
  await page.context().close();
});

test('a viewer reads the rollout but gets no actions', async () => {
  const id = await rollingConnector();
  const page = await openDashboard(browser, tokens.viewer, `/?connector=${id}`);
  await page.getByRole('button', { name: 'Rollout and fleet', exact: true }).first().click();
  await expectText(page.getByTestId('rollout-state'), 'rolling out');
  assert.equal(await page.getByRole('group', { name: 'Rollout actions' }).count(), 0);
  assert.equal(await page.getByLabel('Connector default').count(), 0);
  await page.context().close();
});
