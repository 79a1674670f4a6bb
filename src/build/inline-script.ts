import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { transformSync } from 'esbuild';

/** A script placed in the page as it is (`<script is:inline set:html={code}>`), allowed by its hash. */
export interface InlineScript {
  readonly code: string;
  /** For the Content Security Policy (src/build/content-security-policy.ts), so it runs without 'unsafe-inline'. */
  readonly hash: `sha256-${string}`;
}

/**
 * Turns a function and its arguments into an inline script: `(fn)(arg, …)`, minified. The one
 * place inline scripts are made and hashed.
 *
 * The function, and any function among its arguments, is embedded as its own source
 * (`Function.prototype.toString`), so it must be self-contained: it may use only its parameters,
 * its own locals and browser globals, never an imported or module-level binding (the bundler may
 * rename those, and the page does not have them). Whatever it needs is passed as an argument:
 * JSON values (strings, numbers, lists, plain objects) or other self-contained functions.
 */
export function inlineScript<Args extends unknown[]>(fn: (...args: Args) => void, ...args: Args): InlineScript {
  const source = `(${functionSource(fn)})(${args.map(argumentSource).join(',')})`;
  const code = transformSync(source, { minify: true, target: 'es2022', legalComments: 'none' })
    .code.trimEnd()
    .replace(/;$/, '');
  // A helper a transform added (esbuild's `__name` under keepNames) is not on the page.
  if (/\b__[a-zA-Z]+\(/.test(code)) throw new Error(`An inline script calls a helper the page does not have:\n${code}`);
  if (/<\/script|<!--/i.test(code)) throw new Error(`An inline script must not contain "</script" or "<!--":\n${code}`);
  return { code, hash: `sha256-${createHash('sha256').update(code).digest('base64')}` };
}

function functionSource(fn: (...args: never[]) => unknown): string {
  const source = fn.toString();
  if (source.includes('[native code]')) throw new Error(`An inline script cannot embed a built-in or bound function (${fn.name}).`);
  return source;
}

function argumentSource(value: unknown): string {
  if (typeof value === 'function') return functionSource(value as (...args: never[]) => unknown);
  const json = JSON.stringify(value);
  // Only values JSON keeps as they are (no undefined, NaN, Map, Date, class instances, nested functions).
  if (json === undefined || !isDeepStrictEqual(JSON.parse(json), value)) {
    throw new Error(`An inline script's argument is not plain JSON: ${String(json)}`);
  }
  return json;
}
