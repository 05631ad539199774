// The raw page: what a reader saw, before any interpretation. Every reader (text, html, json) produces this;
// the one normalizer turns it into a spec.

export type SourceFormat = "text" | "html" | "json";

export interface RawLimits {
  maxLength?: number;
  maxListSize?: number;
  maxValue?: number;
  minValue?: number;
  default?: string;
}

export interface RawRow {
  /** 1-based line in the source file (for JSON: the line where the param's object starts, best effort). */
  line: number;
  name: string;
  /** The type cell exactly as written: "String", "FundBill []", "byte[]", "Field List". */
  type: string;
  /** Request rows only: 必须 → true, 可选 → false. */
  required?: boolean;
  example?: string;
  description?: string;
  /**
   * Text whose role the reader could not settle (text pages only): one cell that is either the example or the
   * description (`joined: false`), or example and description run together on one line (`joined: true`).
   * The normalizer settles it with the page's samples.
   */
  unsettled?: { text: string; joined: boolean };
  limits: RawLimits;
  /**
   * 0 for top-level rows. Known exactly for JSON and structured HTML. For text pages nested rows carry
   * `depth: undefined` and `nested: true`: the text does not print depth, the normalizer infers it.
   */
  depth?: number;
  nested?: boolean;
  /** Text pages: a nested row printed without `└`, which the page does for fields that have children. */
  hasChildren?: boolean;
}

export interface RawSamples {
  /** The request sample as shown (text pages: the Java tab). */
  request?: string;
  /** The response sample: XML on text pages (the rendered tab), JSON on JSON pages. */
  response?: string;
  responseFormat?: "xml" | "json";
  /** The simplified (simplify=true) JSON response sample, where the page has one. */
  responseSimplified?: string;
  error?: string;
}

export interface RawDiagnostic {
  level: "warning" | "info";
  message: string;
  line?: number;
}

export interface RawPage {
  format: SourceFormat;
  /** Set where it differs from the format: `html-text`, an HTML page read from its text rendering. */
  reader?: string;
  /** The page's URL, where the page shows one. */
  url?: string;
  /** The file as given by the user (used in messages). */
  file: string;
  method: string;
  title: string;
  description: string;
  request: RawRow[];
  response: RawRow[];
  samples: RawSamples;
  diagnostics: RawDiagnostic[];
}
