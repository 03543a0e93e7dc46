// The validator module: JSON datasets (from `src`, an inline script, or an editor) parsed and
// validated by wasm into the binary form the reader reads. Loaded by reported-figures.js only when a
// page has such a dataset; readers of pre-rendered charts never download it.
import init, { validateDataset } from './pkg/validator/reported_figures.js';

/** Instantiates the validator's wasm module; resolves to its exports. */
export async function load() {
  await init({ module_or_path: new URL('pkg/validator.wasm', import.meta.url) });
  return { validateDataset };
}
