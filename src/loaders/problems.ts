import path from 'node:path';
import type { z } from 'astro/zod';
import { nearest } from '../lib/suggest';

/*
 * How every content problem is worded, for the build, `npm run check` and the importer alike:
 * the file, the field, and what is wrong in the author's terms.
 */

/** One content problem: which file, which field (if any), and what is wrong. */
export interface Problem {
  file: string;
  field?: string | undefined;
  message: string;
}

export const formatProblem = ({ file, field, message }: Problem): string =>
  field ? `${file}: ${field}: ${message}` : `${file}: ${message}`;

/** Thrown once per build with every problem found, so authors fix them all in one go. */
export class ContentProblems extends Error {
  constructor(readonly problems: readonly Problem[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(`The content has ${count}:\n${problems.map((p) => `  - ${formatProblem(p)}`).join('\n')}`);
    this.name = 'ContentProblems';
  }
}

/** A path as authors see it in messages: relative to the project when inside it. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/');
}

const describeExpected = (expected: string): string =>
  ({ string: 'text', boolean: 'true or false', number: 'a number', array: 'a list', object: 'fields' })[expected] ?? expected;

/** The fields a schema knows, to suggest one for a misspelt field. */
const knownFields = (schema: z.ZodType): string[] =>
  'shape' in schema && schema.shape && typeof schema.shape === 'object' ? Object.keys(schema.shape) : [];

/** Describes zod issues in the author's terms: field, what was expected, what was found. */
function describeIssues(file: string, error: z.ZodError, known: readonly string[]): Problem[] {
  return error.issues.flatMap((issue): Problem[] => {
    const field = issue.path.join('.') || undefined;
    switch (issue.code) {
      case 'unrecognized_keys':
        return issue.keys.map((key) => {
          const suggestion = nearest(key, known);
          return {
            file,
            field: key,
            message: `unknown field${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; known fields: ${known.join(', ')}`,
          };
        });
      case 'invalid_value':
        return [
          {
            file,
            field,
            message: `expected one of ${issue.values.map(String).join(', ')}, got ${JSON.stringify(issue.input)}`,
          },
        ];
      case 'invalid_type':
        return [
          {
            file,
            field,
            message: issue.input === undefined ? 'required' : `expected ${describeExpected(issue.expected)}, got ${JSON.stringify(issue.input)}`,
          },
        ];
      case 'invalid_union': {
        // The unions of the schema carry their own "expected ..." messages.
        const input = (issue as { input?: unknown }).input;
        return [{ file, field, message: input === undefined ? 'required' : `${issue.message}, got ${JSON.stringify(input)}` }];
      }
      default:
        return [{ file, field, message: issue.message }];
    }
  });
}

/** Validates data against a schema, recording problems against `file` instead of throwing. */
export function validate<S extends z.ZodType>(file: string, data: unknown, schema: S, problems: Problem[]): z.infer<S> | undefined {
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return result.data;
  problems.push(...describeIssues(file, result.error, knownFields(schema)));
  return undefined;
}
