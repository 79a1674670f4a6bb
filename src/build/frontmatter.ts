import { CORE_SCHEMA, dump, load, YAMLException } from 'js-yaml';

export interface SplitFile {
  /** Parsed frontmatter (an empty object when the file has none). */
  data: Record<string, unknown>;
  /** The Markdown after the frontmatter, with LF line ends. */
  body: string;
}

export class FrontmatterError extends Error {}

const OPENING = /^---[ \t]*\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/m;

/**
 * Splits a Markdown file into YAML frontmatter and body. Accepts a UTF-8 byte-order mark and CRLF
 * line ends. YAML is read with the core schema, so dates stay text and are checked as written.
 */
export function splitFrontmatter(source: string): SplitFile {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const opening = OPENING.exec(text);
  if (!opening) return { data: {}, body: text };
  const rest = text.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (!closing) throw new FrontmatterError('frontmatter starts with "---" but has no closing "---" line');
  const yaml = rest.slice(0, closing.index);
  const body = rest.slice(closing.index + closing[0].length).replace(/^\n/, '');
  // The YAML starts on the file's second line.
  return { data: parseYamlMapping(yaml, 1), body };
}

/** A field whose value opens a quote that its line does not close: where a YAML mistake usually starts. */
const UNCLOSED_QUOTE = /^([\w-]+):\s*(["'])(?:(?!\2).|\2\2)*$/;

/**
 * Says where a YAML mistake was made, not where the parser gave up: an unclosed quote in
 * `title:` on line 2 makes the parser fail lines later, with words about indentation.
 */
function describeYamlError(yaml: string, error: YAMLException, lineOffset: number): string {
  const failedAt = error.mark ? error.mark.line : Infinity;
  const lines = yaml.split('\n');
  for (const [index, line] of lines.entries()) {
    if (index > failedAt) break;
    const quote = UNCLOSED_QUOTE.exec(line);
    if (quote && !(quote[2] === "'" && /''$/.test(line))) {
      return `invalid YAML at line ${index + 1 + lineOffset}: the value of "${quote[1]}" opens a ${quote[2]} quote that is not closed on its line`;
    }
  }
  const where = error.mark ? ` at line ${error.mark.line + 1 + lineOffset}, column ${error.mark.column + 1}` : '';
  return `invalid YAML${where}: ${error.reason || error.message}`;
}

/**
 * Refuses values that share an object: YAML aliases (`*name`) to lists or mappings can nest a few
 * bytes into billions of values (an "alias bomb") that would hang validation and messages.
 */
function refuseSharedValues(value: unknown, seen = new Set<object>()): void {
  if (typeof value !== 'object' || value === null) return;
  if (seen.has(value)) throw new FrontmatterError('uses a YAML alias (*name) to a list or mapping; write the values out instead');
  seen.add(value);
  for (const item of Object.values(value)) refuseSharedValues(item, seen);
}

/** Parses a YAML document that must be a mapping (or empty); `lineOffset` places errors in the file. */
export function parseYamlMapping(yaml: string, lineOffset = 0): Record<string, unknown> {
  if (yaml.trim() === '') return {};
  let value: unknown;
  try {
    value = load(yaml, { schema: CORE_SCHEMA });
  } catch (error) {
    if (error instanceof YAMLException) throw new FrontmatterError(describeYamlError(yaml, error, lineOffset));
    throw error;
  }
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new FrontmatterError('expected "field: value" lines, got a single value');
  }
  refuseSharedValues(value);
  return value as Record<string, unknown>;
}

/**
 * Writes a Markdown file (the inverse of splitFrontmatter): YAML frontmatter with the fields that
 * are set, in the order given, then the body. Used by the importer and the scaffolding tool.
 */
export function markdownFile(data: Record<string, unknown>, body: string): string {
  const fields = Object.fromEntries(
    Object.entries(data).filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0)),
  );
  const yaml = Object.keys(fields).length > 0 ? dump(fields, { schema: CORE_SCHEMA, lineWidth: -1, noRefs: true }) : '';
  const text = body.trim();
  return `---\n${yaml}---\n${text === '' ? '' : `${text}\n`}`;
}
