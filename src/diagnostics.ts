/**
 * Errors are values with locations (house style rule 4): one Diagnostic shape, shaped after
 * vfile-message plus Astro's `hint`, and one catalogue of permanent codes.
 */
import path from 'node:path';

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** Permanent, searchable code, e.g. `NA101`. See CODES. */
  readonly code: string;
  readonly severity: Severity;
  /** File the problem is in (absolute, or as given). Null for run-wide problems. */
  readonly file: string | null;
  /** 1-based line, when known. */
  readonly line: number | null;
  /** 1-based column, when known. */
  readonly column: number | null;
  /** What happened. */
  readonly message: string;
  /** What to do about it. */
  readonly hint: string;
}

/** A fatal problem, thrown across a boundary and caught by the build, which keeps collecting. */
export class SourceError extends Error {
  readonly diagnostic: Diagnostic;
  constructor(diagnostic: Diagnostic, options?: { cause?: unknown }) {
    super(diagnostic.message, options);
    this.name = 'SourceError';
    this.diagnostic = diagnostic;
  }
}

/**
 * The code catalogue. Names are permanent: never reuse or renumber a code. 1xx input files,
 * 2xx front matter, 3xx normalization, 4xx topics and extraction, 5xx templates and rendering,
 * 6xx output, 7xx config.
 */
export const CODES = {
  CONTENT_MISSING: 'NA101',
  CONTENT_EMPTY: 'NA102',
  FILE_UNREADABLE: 'NA103',
  EMPTY_FILE: 'NA104',
  BINARY_FILE: 'NA105',
  NOT_UTF8: 'NA106',
  FILE_TOO_LARGE: 'NA107',
  SYMLINK_LOOP: 'NA108',
  YAML_SYNTAX: 'NA201',
  FRONT_MATTER_TYPE: 'NA202',
  UNKNOWN_KEY: 'NA203',
  INVALID_DATE: 'NA204',
  INVALID_SLUG: 'NA205',
  DUPLICATE_SLUG: 'NA206',
  NO_HEADLINE: 'NA301',
  NO_BODY: 'NA302',
  UNDATED: 'NA303',
  TOPICS_FILE: 'NA401',
  UNKNOWN_TOPIC: 'NA402',
  TEMPLATE_SYNTAX: 'NA501',
  TEMPLATE_RUNTIME: 'NA502',
  TEMPLATE_MISSING: 'NA503',
  OUTPUT_UNWRITABLE: 'NA601',
  CONFIG_INVALID: 'NA701',
} as const;

/** Builds a diagnostic; location fields default to unknown. */
export function diagnostic(
  severity: Severity,
  code: string,
  message: string,
  hint: string,
  where: { file?: string | null; line?: number | null; column?: number | null } = {},
): Diagnostic {
  return {
    code,
    severity,
    file: where.file ?? null,
    line: where.line ?? null,
    column: where.column ?? null,
    message,
    hint,
  };
}

/** `content/x.md:3:7: error NA201: what happened` then an indented `hint:` line. Paths relative to cwd. */
export function formatDiagnostic(d: Diagnostic, cwd: string = process.cwd()): string {
  let where = '';
  if (d.file) {
    const rel = path.isAbsolute(d.file) ? path.relative(cwd, d.file) || d.file : d.file;
    where = rel.split(path.sep).join('/');
    if (d.line != null) where += `:${d.line}`;
    if (d.line != null && d.column != null) where += `:${d.column}`;
    where += ': ';
  }
  return `${where}${d.severity} ${d.code}: ${d.message}\n  hint: ${d.hint}`;
}

/** Stable order for reports: by file, line, column, code. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      a.code.localeCompare(b.code),
  );
}

/** Turns any thrown value into diagnostics: SourceErrors keep theirs, anything else is wrapped. */
export function toDiagnostic(err: unknown, file: string | null, code: string, hint: string): Diagnostic {
  if (err instanceof SourceError) return err.diagnostic;
  const message = err instanceof Error ? err.message : String(err);
  return diagnostic('error', code, message, hint, { file });
}
