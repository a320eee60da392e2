// Fails the build when the production JavaScript exceeds its gzipped budget.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const budget = Number(process.env.DASHBOARD_JS_BUDGET_KB ?? 300) * 1024;
const dir = new URL('../dist/assets/', import.meta.url).pathname;
const files = readdirSync(dir).filter((f) => f.endsWith('.js'));
let total = 0;
for (const f of files) {
  const gz = gzipSync(readFileSync(join(dir, f)), { level: 9 }).length;
  total += gz;
  console.log(`bundle ${f}: ${(gz / 1024).toFixed(1)} KB gzipped`);
}
const line = `bundle total: ${(total / 1024).toFixed(1)} KB gzipped JS (budget ${budget / 1024} KB)`;
if (files.length === 0 || total > budget) {
  console.error(`FAIL ${line}`);
  process.exit(1);
}
console.log(line);
