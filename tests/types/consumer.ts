// A consumer of the published types, compiled by tests/page/types.test.mjs with `tsc --noEmit --strict`.
// Each `@ts-expect-error` line must be an error: types that let it through (an `any`) fail the test.
import { validate, type Dataset, type FigureInfo, type Problem, ReportedFigures } from '../../www/reported-figures.js';
import type { Package, CustomElementDeclaration } from 'custom-elements-manifest/schema.js';
import manifest from '../../www/custom-elements.json';

const dataset: Dataset = {
  title: 'Hostages',
  sources: [{ id: 'r', name: 'Reuters', url: 'https://www.reuters.com/' }],
  figures: [{ id: 'taken', label: 'Taken hostage', value: 253, unit: 'people', approx: 'about', source: 'r', as_of: '2024-04-08' }],
};

// The tag name maps to the element's class.
const el = document.querySelector('reported-figures');
if (el) {
  const typed: ReportedFigures = el;
  typed.data = dataset;
  const back = typed.data;
  const title: string | undefined = back?.title;
  const first: FigureInfo | undefined = typed.figures[0];
  const sourceName: string | undefined = first?.source.name;
  const url: string | null | undefined = first?.source.url;
  typed.addEventListener('reported-figures:focus', (e) => {
    const f: FigureInfo = e.detail;
    console.log(f.text, f.value.toFixed(0), title, sourceName, url);
  });
  typed.addEventListener('reported-figures:error', (e) => {
    const problems: Problem[] = e.detail.errors;
    console.log(e.detail.kind, problems.map((p) => `${p.path}: ${p.message}`));
  });
  void typed.toSVG({ width: 640, theme: 'dark' }).then((svg: string) => svg.length);
  void typed.toPNG({ scale: 2 }).then((png: Blob) => png.size);
  // @ts-expect-error figures are read-only
  typed.figures = [];
  // @ts-expect-error a theme is light or dark
  void typed.toSVG({ theme: 'sepia' });
  // @ts-expect-error the focus event's detail is a figure, not a string
  typed.addEventListener('reported-figures:focus', (e) => e.detail.toUpperCase());
}

// Events bubble to the document, typed there too.
document.addEventListener('reported-figures:ready', (e) => {
  const ok: boolean = e.detail.ok;
  console.log(ok, e.detail.title);
});

// A figure needs its source and date; qualifiers are the format's words.
// @ts-expect-error as_of is required
const noDate: Dataset['figures'][number] = { label: 'x', value: 1, unit: 'u', source: 'r' };
// @ts-expect-error approx is one of the format's words
const badWord: Dataset['figures'][number] = { label: 'x', value: 1, unit: 'u', source: 'r', as_of: '2024-01-01', approx: 'roughly' };
console.log(noDate, badWord);

async function check(text: string): Promise<string[]> {
  const result = await validate(text);
  return result.ok ? [] : result.errors.map((p) => p.kind);
}
void check('{}');

// The Custom Elements Manifest has the format's shape and declares the element.
const pkg: Package = manifest as Package;
const element = pkg.modules[0]?.declarations?.find((d): d is CustomElementDeclaration => 'customElement' in d && d.customElement === true);
console.log(element?.tagName);
