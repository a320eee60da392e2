// The library page of an organisation with 10,000 objects: the first page (50 rows, keyset paged)
// renders as soon as the API answers. The time from the API's answer to the rendered rows is
// measured in the page (performance measure "library-first-page") and printed, not asserted:
// timings belong in benchmarks, and this machine is shared.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, expectText, launchBrowser } from './support.mjs';

let browser;
before(async () => (browser = await launchBrowser()));
after(async () => browser?.close());

test('10,000 objects: the first page renders from one API page and More adds the next', async () => {
  const org = process.env.SCALE_ORG_ID;
  const token = process.env.SCALE_TOKEN;
  const total = Number(process.env.SCALE_OBJECTS ?? 0);
  assert.ok(org && token && total >= 10_000, 'run through DashboardBrowserTest (it seeds the objects)');
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  const pages = [];
  page.on('request', (r) => r.url().includes('/config-objects') && pages.push(r.url()));
  const started = Date.now();
  await page.goto(`${BASE_URL}/library#token=${token}`);
  const rows = page.getByTestId('object-list').locator('tbody tr');
  await rows.nth(49).waitFor();
  const loadedMs = Date.now() - started;
  assert.equal(await rows.count(), 50);
  const measure = await page.waitForFunction(() => performance.getEntriesByName('library-first-page')[0]?.duration);
  const renderMs = await measure.jsonValue();
  assert.equal(pages.length, 1, `one API page for the first screen, saw ${pages.join(', ')}`);
  console.log(
    `library-scale: ${total} objects; first page of 50 rendered ${renderMs.toFixed(1)} ms after the API answered` +
      ` (whole page load incl. sign-in and API: ${loadedMs} ms)`,
  );
  await page.getByRole('button', { name: 'More objects' }).click();
  await rows.nth(99).waitFor();
  assert.equal(await rows.count(), 100);
  await expectText(page.getByTestId('object-list'), 'object 1');
  await context.close();
});
