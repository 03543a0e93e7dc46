// The page the shared benchmark harness loads (../shared/bench/anchors, see its README):
// bench.html draws chart A (deaths) and chart B (hostages), each 640 CSS px wide, with the built-in
// dataset; bench.html?copies=50 draws 50 copies of chart A. Same contract as the harness's pages:
// window.__benchDone once drawn and one frame has passed, window.__benchRerender(width).
import './reported-figures.js';

const copies = Math.max(0, parseInt(new URLSearchParams(location.search).get('copies') || '0', 10) || 0);
const plan = copies ? Array(copies).fill('deaths') : ['deaths', 'hostages'];
const root = document.getElementById('charts');
const ready = [];
const items = plan.map((chart) => {
  const box = document.createElement('div');
  box.className = 'chart';
  box.style.width = '640px';
  const el = document.createElement('reported-figures');
  el.setAttribute('chart', chart);
  el.setAttribute('theme', 'light');
  el.setAttribute('height', '360');
  ready.push(new Promise((resolve) => el.addEventListener('reported-figures:ready', (e) => resolve(e.detail), { once: true })));
  box.append(el);
  return { box, el };
});
root.append(...items.map((it) => it.box));

Promise.all(ready).then((results) => {
  if (results.some((r) => !r.ok)) throw new Error('a chart failed to draw');
  window.__benchRerender = (width) => {
    for (const { box, el } of items) {
      box.style.width = `${width}px`;
      el.redraw();
    }
  };
  requestAnimationFrame(() => { window.__benchDone = performance.now(); });
}).catch((e) => { window.__benchError = String(e?.stack || e); });
