// The page around the widgets: downloads (CSV, SVG, PNG) and the "embed this chart" box.
// Everything the page shows without JavaScript is in index.html (pre-rendered at build time).
import { loadWasm } from './reported-figures.js';

const here = new URL('.', import.meta.url);
const wasm = await loadWasm();
const figures = wasm.Figures.builtin();

function save(blob, name) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

const theme = () => (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
const WIDTH = 640; // downloaded charts are drawn at this CSS width

document.addEventListener('click', (e) => {
  const b = e.target.closest('button[data-download]');
  if (!b) return;
  const chart = b.dataset.chart;
  const kind = b.dataset.download;
  if (kind === 'csv') {
    save(new Blob([figures.csv()], { type: 'text/csv;charset=utf-8' }), 'gaza-truce-talks-2024-04-08.csv');
  } else if (kind === 'svg') {
    save(new Blob([figures.svg(chart, WIDTH, undefined, theme())], { type: 'image/svg+xml' }), `${chart}.svg`);
  } else if (kind === 'png') {
    const canvas = document.createElement('canvas');
    figures.draw(canvas, chart, WIDTH, undefined, theme(), 2);
    canvas.toBlob((blob) => save(blob, `${chart}.png`), 'image/png');
  }
});

// The embed box: code for both embed modes, pointing at where this page is served from.
const embed = document.getElementById('embed');
const select = document.getElementById('embed-chart');
function embedCode() {
  const chart = select.value;
  const script = new URL('reported-figures.js', here).href;
  const frame = new URL(`../embed.html?chart=${encodeURIComponent(chart)}`, here).href;
  const host = new URL('embed-host.js', here).href;
  const height = document.querySelector(`reported-figures[chart="${chart}"]`)?.offsetHeight || 420;
  document.getElementById('embed-element').value =
    `<script type="module" src="${script}"></script>\n<reported-figures chart="${chart}" theme="auto" height="${height}"></reported-figures>`;
  document.getElementById('embed-iframe').value =
    `<iframe src="${frame}" title="${select.selectedOptions[0].text} chart" width="100%" height="${height}" style="border:0" sandbox="allow-scripts allow-popups" loading="lazy" data-reported-figures></iframe>\n<script src="${host}" defer></script>`;
}
select.addEventListener('change', embedCode);
document.addEventListener('reported-figures:ready', embedCode);
embedCode();
embed.hidden = false;

document.addEventListener('click', async (e) => {
  const b = e.target.closest('button[data-copy]');
  if (!b) return;
  const area = document.getElementById(b.dataset.copy);
  const status = embed.querySelector('.status');
  try {
    await navigator.clipboard.writeText(area.value);
    status.textContent = 'Copied.';
  } catch {
    area.select();
    status.textContent = 'Select the code and copy it with your keyboard.';
  }
});

for (const p of document.querySelectorAll('.downloads')) p.hidden = false;
