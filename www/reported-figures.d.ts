// Types of reported-figures.js: the <reported-figures> element, its events, the module's exports, and
// the dataset format (version 1). The dataset types are kept equal to www/dataset.schema.json by a test
// (tests/page/types.test.mjs): the same fields, the same required ones, the same word lists.

/** A dataset in the JSON format, version 1 (see www/dataset.schema.json). */
export interface Dataset {
  title: string;
  subtitle?: string;
  /** BCP 47 language tag (default `en`); ar, he, fa, ur … are drawn right to left. */
  lang?: string;
  article?: Article;
  sources: Source[];
  figures: Figure[];
  /** Without charts, one chart per unit. */
  charts?: Chart[];
}

/** The report the figures come from. */
export interface Article {
  headline?: string;
  publisher?: string;
  /** An http or https URL. */
  url?: string;
  /** `YYYY-MM-DD` or an RFC 3339 date-time. */
  published?: string;
}

/** Who gave figures. */
export interface Source {
  id: string;
  name: string;
  /** An http or https URL. */
  url?: string;
  description?: string;
}

/** How the report qualifies a number. */
export type Approx = 'exact' | 'about' | 'at_least' | 'more_than' | 'nearly' | 'fewer_than' | 'up_to';

/** Whether a figure is a reported fact or something less. */
export type Status = 'reported' | 'proposed' | 'claimed' | 'estimate';

/** One number from the report, with its attribution. */
export interface Figure {
  id?: string;
  label: string;
  /** A number from 0 to 9007199254740991. */
  value: number;
  /** The unit after most numbers, usually a plural ("people"). */
  unit: string;
  /** The unit after a number of the plural category "one" ("1 brigade"). */
  unit_one?: string;
  unit_two?: string;
  unit_few?: string;
  unit_many?: string;
  /** The report's own words for the value ("nearly half"), shown instead of the number. */
  wording?: string;
  approx?: Approx;
  status?: Status;
  /** The id of one of the sources. */
  source: string;
  /** The passage of the report the figure is quoted from. */
  quote?: string;
  /** `YYYY-MM-DD` or an RFC 3339 date-time. */
  as_of: string;
  note?: string;
}

/** A group of figures drawn together on one scale. */
export interface Chart {
  id: string;
  title: string;
  subtitle?: string;
  /** Figure ids, in drawing order. */
  figures: string[];
  note?: string;
}

/** A validated dataset as the element reads it back (`data`): absent fields left out, words filled in. */
export interface ValidatedDataset extends Dataset {
  lang: string;
  figures: (Figure & { approx: Approx; status: Status })[];
}

/** One figure of the shown chart (`figures`, the `reported-figures:focus` event). */
export interface FigureInfo {
  /** The figure's id, or null when the dataset gives none. */
  id: string | null;
  label: string;
  value: number;
  unit: string;
  approx: Approx;
  status: Status;
  source: { id: string; name: string; url: string | null };
  quote: string | null;
  as_of: string;
  note: string | null;
  /** The value as the chart, its tooltip and its table show it: "about 33,207 people", "nearly half". */
  text: string;
}

/** One problem in a dataset, at the JSON path of the field at fault. */
export interface Problem {
  /** `figures[2].value`, `sources[0].url`, or `(root)` for the whole document. */
  path: string;
  /** What is wrong, in words: "must be a number from 0 to 9007199254740991, got -5". */
  message: string;
  /** A stable name per kind of problem: `missing`, `wrong_type`, `value_out_of_range`, `syntax` … */
  kind: string;
}

/** The answer of `validate()`. */
export type ValidationResult = { ok: true; errors: [] } | { ok: false; errors: Problem[] };

/** `detail` of `reported-figures:ready`: sent once per dataset, when the chart is drawn or its error shown. */
export interface ReadyDetail {
  ok: boolean;
  /** The chart's title ('' when not ok). */
  title: string;
}

/** `detail` of `reported-figures:error`. */
export interface ErrorDetail {
  /**
   * `invalid`: the dataset has problems (`errors`); `network`: it could not be downloaded; `chart`: the
   * dataset has no chart with the `chart` attribute's id; `damaged`: embedded data that is not a
   * dataset; `start`: the wasm module could not start (a Content-Security-Policy without
   * 'wasm-unsafe-eval'); `crash`: the chart stopped working.
   */
  kind: 'invalid' | 'network' | 'chart' | 'damaged' | 'start' | 'crash';
  /** The widget's error title. */
  message: string;
  /** The problems, for `invalid`; empty otherwise. */
  errors: Problem[];
  /** Every line the widget shows. */
  lines: string[];
}

export interface ReportedFiguresEventMap {
  'reported-figures:ready': CustomEvent<ReadyDetail>;
  'reported-figures:error': CustomEvent<ErrorDetail>;
  'reported-figures:focus': CustomEvent<FigureInfo>;
}

/** The `<reported-figures>` element. */
export class ReportedFigures extends HTMLElement {
  /** Bytes of the shared reader module's memory (0 before it loads). */
  static wasmMemoryBytes(): number;
  static readonly observedAttributes: string[];
  /**
   * The dataset as a plain object (null until the widget has its data). Setting an object shows that
   * dataset (validated; its problems shown and sent as `reported-figures:error`); setting anything
   * that is not an object throws a TypeError.
   */
  get data(): ValidatedDataset | null;
  set data(value: Dataset | object);
  /** The shown chart's figures (empty until the chart is drawn). */
  readonly figures: FigureInfo[];
  /** The theme drawn: the `theme` attribute, or the reader's preference for `auto`. */
  readonly resolvedTheme: 'light' | 'dark';
  /** Draws the chart now at the element's width. */
  redraw(): void;
  /** The chart as the standalone SVG document `reported-figures render` writes. */
  toSVG(options?: { width?: number; theme?: 'light' | 'dark' }): Promise<string>;
  /** The chart as a PNG, `scale` device pixels per CSS pixel (default 2). */
  toPNG(options?: { scale?: number; width?: number; theme?: 'light' | 'dark' }): Promise<Blob>;

  addEventListener<K extends keyof ReportedFiguresEventMap>(type: K, listener: (this: ReportedFigures, ev: ReportedFiguresEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener<K extends keyof HTMLElementEventMap>(type: K, listener: (this: ReportedFigures, ev: HTMLElementEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof ReportedFiguresEventMap>(type: K, listener: (this: ReportedFigures, ev: ReportedFiguresEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener<K extends keyof HTMLElementEventMap>(type: K, listener: (this: ReportedFigures, ev: HTMLElementEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

/** Validates a dataset (JSON text or an object) with the widget's rules, paths and messages. */
export function validate(input: string | object): Promise<ValidationResult>;

/** Loads the reader's wasm module (once per page); the element calls it itself. */
export function loadReader(): Promise<unknown>;

/** Seconds before a dataset download is given up. */
export const FETCH_TIMEOUT_S: number;

declare global {
  interface HTMLElementTagNameMap {
    'reported-figures': ReportedFigures;
  }
  // The events bubble and are composed: a page can listen on document or window.
  interface HTMLElementEventMap extends ReportedFiguresEventMap {}
  interface DocumentEventMap extends ReportedFiguresEventMap {}
  interface WindowEventMap extends ReportedFiguresEventMap {}
}
