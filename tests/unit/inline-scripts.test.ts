import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { INLINE_SCRIPTS } from '../../src/build/inline-scripts';
import { inlineScript } from '../../src/build/inline-script';

describe('the inline scripts', () => {
  it('are each allowed by the sha256 of exactly their code', () => {
    expect(Object.keys(INLINE_SCRIPTS).length).toBeGreaterThan(0);
    for (const [name, script] of Object.entries(INLINE_SCRIPTS)) {
      expect(script.hash, name).toBe(`sha256-${createHash('sha256').update(script.code).digest('base64')}`);
      expect(script.hash, name).toMatch(/^sha256-[A-Za-z0-9+/]{43}=$/);
      expect(script.code, name).not.toMatch(/<\/script|<!--/i);
    }
    expect(new Set(Object.values(INLINE_SCRIPTS).map((script) => script.hash)).size).toBe(Object.keys(INLINE_SCRIPTS).length);
  });

  it('are minified, one line each', () => {
    for (const [name, script] of Object.entries(INLINE_SCRIPTS)) {
      expect(script.code, name).not.toMatch(/\n|\/\/|\/\*/);
      expect(script.code.trim(), name).toBe(script.code);
    }
  });
});

describe('inlineScript', () => {
  function greet(name: string, options: { loud: boolean }, shout: (text: string) => string): void {
    const text = `Hello, ${name}`;
    (globalThis as unknown as { greeting: string }).greeting = options.loud ? shout(text) : text;
  }
  const shout = (text: string): string => `${text.toUpperCase()}!`;

  it('calls the function with its arguments: JSON values as they are, functions as their source', () => {
    const script = inlineScript(greet, 'Ada', { loud: true }, shout);
    const globals: { greeting?: string } = {};
    new Function('globalThis', script.code)(globals);
    expect(globals.greeting).toBe('HELLO, ADA!');
    // Minified: the function's own name is not needed, and its locals are renamed.
    expect(script.code).not.toMatch(/\bgreet\b|\btext\b/);
  });

  it('gives the same code and hash every time', () => {
    expect(inlineScript(greet, 'Ada', { loud: false }, shout)).toEqual(inlineScript(greet, 'Ada', { loud: false }, shout));
  });

  it('refuses arguments JSON would change, and functions without their source', () => {
    const run = (value: unknown) => () => inlineScript((x: unknown) => void x, value);
    expect(run(undefined)).toThrow(/not plain JSON/);
    expect(run({ a: undefined })).toThrow(/not plain JSON/);
    expect(run(Number.NaN)).toThrow(/not plain JSON/);
    expect(run(new Map())).toThrow(/not plain JSON/);
    expect(run(new Date(0))).toThrow(/not plain JSON/);
    expect(run({ nested: shout })).toThrow(/not plain JSON/);
    expect(run(Math.max)).toThrow(/built-in or bound/);
    expect(run(shout.bind(null))).toThrow(/built-in or bound/);
    expect(run(['a', 1, true, null, { b: [2] }])).not.toThrow();
  });

  it('refuses code that calls a helper a transform added, which the page does not have', () => {
    // What esbuild's keepNames makes of a nested function: `__name(fn, "fn")`.
    const transformed = new Function('const f = () => 1; __name(f, "f"); return f();') as () => void;
    expect(() => inlineScript(transformed)).toThrow(/helper/);
  });

  it('never ends the script element early: "</script" is escaped, "<!--" refused', () => {
    const keep = (text: string) => ((globalThis as unknown as { text: string }).text = text);
    const script = inlineScript(keep, '</script><script>alert(1)</SCRIPT>');
    expect(script.code).not.toMatch(/<\/script/i);
    const globals: { text?: string } = {};
    new Function('globalThis', script.code)(globals);
    expect(globals.text).toBe('</script><script>alert(1)</SCRIPT>');
    expect(() => inlineScript(keep, '<!-- <script>')).toThrow(/<!--/);
  });
});
