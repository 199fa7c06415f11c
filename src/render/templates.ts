/**
 * Eta templates, strict: autoEscape on, and a view model wrapped so that reading a field that does
 * not exist is an error naming the template file and line (issue 6 contract), never "undefined" on a
 * page. Eta's own errors are wrapped at this boundary with the template path attached.
 */
import { Eta } from 'eta';
import { CODES, diagnostic, SourceError } from '../diagnostics.js';

/** Thrown by a strict view when a template reads a field the view model does not have. */
export class UndefinedVariableError extends Error {
  constructor(readonly variable: string) {
    super(`the template reads ${variable}, which is not defined`);
    this.name = 'UndefinedVariableError';
  }
}

const STRICT = Symbol('strict-view');
// Keys that JS machinery probes on any object: reading them must never throw.
const PROBED = new Set(['then', 'toJSON', 'constructor', 'length', 'valueOf', 'toString', '__blocks', 'body']);

/** Wraps a view model so that unknown field reads throw UndefinedVariableError. */
export function strictView<T>(value: T, name = 'it'): T {
  if (typeof value !== 'object' || value === null || (value as Record<symbol, unknown>)[STRICT]) return value;
  return new Proxy(value as object, {
    get(target, key) {
      const v = (target as Record<string | symbol, unknown>)[key];
      // Most reads find a value: they pay for one lookup. An undefined one is checked.
      if (v === undefined) {
        if (key === STRICT) return true;
        if (typeof key !== 'symbol' && !PROBED.has(key) && !(key in target)) throw new UndefinedVariableError(`${name}.${key}`);
        return v;
      }
      return typeof v === 'object' && v !== null && typeof key !== 'symbol' && !PROBED.has(key) ? strictView(v, Array.isArray(target) ? `${name}[${key}]` : `${name}.${key}`) : v;
    },
  }) as T;
}

export interface TemplateEngine {
  /** Renders template `name` (e.g. "article") with a view model; throws SourceError with the template's location. */
  render(name: string, view: object): string;
  /** Compiles every template file given, returning a diagnostic for each syntax error. */
  check(files: readonly { path: string; text: string }[]): ReturnType<typeof diagnostic>[];
}

/** Creates the engine over a templates folder. */
export function createTemplateEngine(templatesDir: string): TemplateEngine {
  const eta = new Eta({
    views: templatesDir,
    autoEscape: true,
    debug: true,
    cache: true,
    // Every template, partials and layouts included, sees its data through a strict view.
    functionHeader: 'const __data = it; it = this.strictData(it);',
    // Eta hands a partial or layout the page's data spread into a new object. Spread from the
    // strict view, that read every field through the proxy and wrapped each in another: a fifth
    // of the time spent rendering pages. The plain data is spread instead; the partial wraps it.
    plugins: [{ processFnString: (fn: string) => fn.replaceAll('{...it, ', '{...__data, ') }],
  });
  (eta as unknown as { strictData: typeof strictView }).strictData = (data) => strictView(data);
  // Eta works out a template's file again on every render and include, a JSON key and path calls
  // each time (10-20% of rendering a page of 40 partials, as a topic page's cards are). The answer
  // depends on the two names alone (the views folder is the engine's): worked out once.
  const resolve = eta.resolvePath;
  const resolved = new Map<string, string>();
  eta.resolvePath = function (template, options) {
    const key = `${options?.filepath ?? ''}\0${template}`;
    let file = resolved.get(key);
    if (file === undefined) resolved.set(key, (file = resolve.call(this, template, options)));
    return file;
  };

  return {
    render(name, view) {
      try {
        return eta.render(name, view);
      } catch (err) {
        throw new SourceError(locate(err, `${templatesDir}/${name}.eta`), { cause: err });
      }
    },
    check(files) {
      const out = [];
      for (const f of files) {
        try {
          eta.compile(f.text);
        } catch (err) {
          // Anything that fails to compile is a syntax error, whether Eta's parser or JS saw it.
          out.push(locate(err, f.path, true));
        }
      }
      return out;
    },
  };
}

/** Turns an Eta or strict-view error into a located diagnostic. */
function locate(err: unknown, fallbackFile: string, compiling = false) {
  const message = err instanceof Error ? err.message : String(err);
  // Eta runtime errors in debug mode start with "<path>:<line>"; parse errors carry "line N col M".
  // An error in a partial is wrapped by each template that included it: the last is where it is.
  const runtime = [...message.matchAll(/^(.*?\.eta):(\d+)$/gm)].at(-1);
  const parse = /line (\d+)(?:\s*col(?:umn)?\s*(\d+))?/i.exec(message);
  const file = runtime?.[1] ?? fallbackFile;
  const line = runtime ? Number(runtime[2]) : parse ? Number(parse[1]) : null;
  const column = !runtime && parse?.[2] ? Number(parse[2]) : null;
  const undefinedVar = /the template reads (\S+), which is not defined/.exec(message);
  const syntax = compiling || (err instanceof Error && err.name === 'EtaParseError');
  const reason = undefinedVar
    ? `the template reads ${undefinedVar[1]}, which is not defined`
    : syntax ? `template syntax error: ${firstLine(message)}` : `template error: ${lastMeaningfulLine(message)}`;
  const hint = undefinedVar
    ? 'Use only the fields the view model provides (see README "Templates"), or check the spelling.'
    : syntax ? 'Check that every <% has its %> and that the JavaScript inside the tag is complete.'
      : 'Fix the template at this line; templates only print fields of `it`.';
  return diagnostic('error', syntax ? CODES.TEMPLATE_SYNTAX : CODES.TEMPLATE_RUNTIME, reason, hint, { file, line, column });
}

function firstLine(s: string): string {
  return s.split('\n').find((l) => l.trim())?.trim() ?? s;
}

function lastMeaningfulLine(s: string): string {
  const lines = s.split('\n').map((l) => l.trim()).filter(Boolean);
  return lines[lines.length - 1] ?? s;
}
