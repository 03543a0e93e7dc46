// Fails when the widget's wire bytes grow past the budget: what a page that embeds one chart
// downloads (the bundled element with its CSS, and the wasm), gzip level 6 as the benchmark
// harness serves them. Usage: node .ci/size-budget.mjs [SITE_DIR]
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

/** The budget in bytes. Lower it when the widget shrinks; raising it needs a reason in the commit. */
export const BUDGET = 96_200;

const site = process.argv[2] || 'target/site';
const files = ['www/reported-figures.js', 'www/pkg/reported_figures_bg.wasm'];
let total = 0;
for (const f of files) {
  const raw = readFileSync(join(site, f));
  const gz = gzipSync(raw, { level: 6 }).length;
  total += gz;
  console.log(`${f.padEnd(36)} ${String(raw.length).padStart(8)} B raw ${String(gz).padStart(8)} B gzip`);
}
console.log(`${'total'.padEnd(36)} ${' '.repeat(15)} ${String(total).padStart(8)} B gzip (budget ${BUDGET})`);
if (total > BUDGET) {
  console.error(`size budget exceeded by ${total - BUDGET} bytes`);
  process.exit(1);
}
