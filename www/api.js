// The API module: datasets given as JavaScript objects (an element's `data`, `validate(object)`) and
// charts as the standalone SVG the command-line tool writes (`toSVG()`). Loaded by reported-figures.js
// only when a page uses them; readers of pasted charts never download it.
import init, { validateValue, chartSvg } from './pkg/api/reported_figures.js';

/** Instantiates the API module's wasm once; resolves to what the element uses. */
export async function load() {
  await init({ module_or_path: new URL('pkg/api.wasm', import.meta.url) });
  return { validateValue, chartSvg };
}
