// The page around the widgets: the PNG download (drawn from the chart as the reader sees it) and the
// "embed this chart" box. Everything else, CSV and SVG downloads included, works without JavaScript.
import './reported-figures.js';

const here = new URL('.', import.meta.url);

document.addEventListener('click', (e) => {
  const b = e.target.closest('button[data-download="png"]');
  if (!b) return;
  const chart = b.dataset.chart;
  const clip = document.querySelector(`reported-figures[chart="${chart}"]`)?.shadowRoot?.querySelector('.clip');
  const tiles = [...(clip?.querySelectorAll('canvas') || [])];
  if (!tiles.length) return;
  // The canvases (bands of a tall chart) may be larger than the chart (they keep room to grow): copy
  // the chart's own area from each.
  const scale = tiles[0].width / parseFloat(tiles[0].style.width);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(parseFloat(clip.style.width) * scale);
  canvas.height = Math.round(parseFloat(clip.style.height) * scale);
  const ctx = canvas.getContext('2d');
  let y = 0;
  for (const t of tiles) {
    ctx.drawImage(t, 0, 0, canvas.width, t.height, 0, y, canvas.width, t.height);
    y += Math.round(parseFloat(t.style.height) * scale);
  }
  canvas.toBlob((blob) => {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `${chart}.png`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  }, 'image/png');
});

// The embed box: code for both embed modes, pointing at where this page is served from. The element
// code holds the chart already drawn: the page's own pictures of it, with their stylesheet.
const embed = document.getElementById('embed');
const select = document.getElementById('embed-chart');
const codes = {};
async function embedCode() {
  const chart = select.value;
  const script = new URL('reported-figures.js', here).href;
  const frame = new URL(`../embed-${encodeURIComponent(chart)}.html`, here).href;
  const host = new URL('embed-host.js', here).href;
  const el = document.querySelector(`reported-figures[chart="${chart}"]`);
  // The code the `embed` command writes (the build put it beside the page), pointing at this site.
  codes[chart] ??= fetch(new URL(`static/embed-${encodeURIComponent(chart)}.html`, here)).then((r) => r.text());
  const code = (await codes[chart]).replace('src="reported-figures.js"', `src="${script}"`);
  if (select.value !== chart) return; // another chart was chosen meanwhile
  const height = el?.offsetHeight || 420;
  document.getElementById('embed-element').value = code;
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

for (const el of document.querySelectorAll('.js-only')) el.hidden = false;
