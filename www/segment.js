// Grapheme clusters for the wasm layout, from the browser's own Unicode data (Intl.Segmenter), so the
// widget carries no segmentation tables. Imported by the wasm module's glue.
let segmenter;

/** The UTF-16 offset where each grapheme cluster of `text` starts. */
export function graphemeStarts(text) {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const starts = [];
  for (const s of segmenter.segment(text)) starts.push(s.index);
  return Uint32Array.from(starts);
}
