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
