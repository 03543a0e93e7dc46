// The pages the shared benchmark harness loads (../shared/bench/anchors, see its README), with its
// contract: window.__benchDone once both charts are visible and one frame has passed,
// window.__benchInteractive once they answer the reader (tooltips, keyboard), window.__benchRerender(width).
//   bench.html       the two charts as an editor pastes them: pictures first, interactive after
//   bench-many.html  fifty pasted copies of chart A
//   bench-src.html   the widgets with the dataset by `src` and no picture (drawn by the wasm);
//                    ?copies=50 draws 50 copies of chart A
// The element's module is loaded by the page itself (as the embed code does), not imported here:
// this script must not wait for it.
const hydrates = !!document.querySelector('meta[name="bench-hydrates"]');
const root = document.getElementById('charts');
if (!hydrates) {
  const copies = Math.max(0, parseInt(new URLSearchParams(location.search).get('copies') || '0', 10) || 0);
  const plan = copies ? Array(copies).fill('deaths') : ['deaths', 'hostages'];
  root.append(...plan.map((chart) => {
    const box = document.createElement('div');
    box.className = 'chart';
    const el = document.createElement('reported-figures');
    el.setAttribute('chart', chart);
    el.setAttribute('theme', 'light');
    el.setAttribute('height', '360');
    el.setAttribute('src', 'data/gaza-truce-talks-2024-04-08.json');
    box.append(el);
    return box;
  }));
}
const items = [...document.querySelectorAll('.chart')].map((box) => {
  const el = box.querySelector('reported-figures');
  const early = window.__benchReady?.get(el); // answered before this script ran (bench.html keeps those)
  const ready = early ? Promise.resolve(early)
    : new Promise((resolve) => el.addEventListener('reported-figures:ready', (e) => resolve(e.detail), { once: true }));
  return { box, el, ready };
});
const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));

// Interactive: every widget a reader can reach without scrolling far. Pasted widgets far below the
// fold (the fifty copies) wait, by design, until they come near the viewport, as a reader scrolls.
// Which are near is read after the first frame, whose layout is done by then (no forced layout).
// With pictures, "drawn" is set by the page itself, one frame after its pictures are in the document.
(hydrates ? frame() : Promise.resolve()).then(async () => {
  const near = hydrates ? items.filter(({ box }) => box.getBoundingClientRect().top < 2 * innerHeight) : items;
  const results = await Promise.all(near.map(({ ready }) => ready));
  if (results.some((r) => !r.ok)) throw new Error('a chart failed to draw');
  window.__benchRerender = (width) => {
    for (const { box, el } of near) {
      box.style.width = `${width}px`;
      el.redraw();
    }
  };
  // Tooltips and keyboard work as soon as every widget is ready; "drawn" waits for a frame.
  if (hydrates) window.__benchInteractive = performance.now();
  else window.__benchDone = await frame();
}).catch((e) => { window.__benchError = String(e?.stack || e); });
