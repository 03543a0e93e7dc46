// embed.html?chart=ID&src=URL&theme=auto|light|dark&lang=TAG shows one chart alone and tells the
// page that frames it how tall it is: parent.postMessage({type: 'reported-figures:height', height}).
// It needs nothing from the parent, so it works inside <iframe sandbox="allow-scripts">.
import './reported-figures.js';

const params = new URLSearchParams(location.search);
const el = document.querySelector('reported-figures');
// The page holds its chart drawn already; another chart or dataset asked for by the address replaces it.
const other = (params.get('chart') && params.get('chart') !== el.getAttribute('chart')) || params.get('src') || params.get('lang');
if (other) {
  el.querySelector(':scope > .rfp')?.remove();
  // A dataset by address replaces the page's own.
  if (params.get('src')) el.querySelector(':scope > script')?.remove();
  // Another dataset's first chart, unless the address names one.
  if (params.get('src') && !params.get('chart')) el.removeAttribute('chart');
}
for (const name of ['chart', 'src', 'theme', 'lang']) {
  const v = params.get(name);
  if (v) el.setAttribute(name, v);
}
const chart = el.getAttribute('chart') || '';
document.title = `${chart || 'Chart'} · reported-figures`;

let last = 0;
function tell() {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === last || window.parent === window) return;
  last = height;
  // The message holds only a number and the chart id; any page may frame the chart.
  window.parent.postMessage({ type: 'reported-figures:height', chart, height }, '*');
}
new ResizeObserver(tell).observe(document.body);
el.addEventListener('reported-figures:ready', (e) => {
  // The page's level-one heading (visually hidden: the chart draws its own title) names the chart.
  if (e.detail.title) {
    document.getElementById('chart-title').textContent = e.detail.title;
    document.title = `${e.detail.title} · reported-figures`;
  }
  tell();
});
