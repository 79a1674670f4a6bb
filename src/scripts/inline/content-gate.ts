/**
 * The inline gate script, first inside `<quire-content-gate data-story="…">`: before the notice and
 * the text are parsed (so before either is painted), it marks the gate `open` or `passed` from the
 * stored choices: passed when the skip-all key or the story's key holds `passed` (as `gatePassed`
 * in src/lib/content-gate.ts asks). Unreadable storage means open. It must stay tiny and never
 * throw; if it does not run, the gate has no state and shows as the no-JavaScript notice above the
 * text. Self-contained: see `inlineScript`.
 */
export function contentGateScript(passed: string, skipAllKey: string, storyKeyPrefix: string): void {
  try {
    const gate = document.currentScript?.parentElement;
    if (!gate) return;
    let isPassed = false;
    try {
      const storage = localStorage;
      isPassed = storage.getItem(skipAllKey) === passed || storage.getItem(storyKeyPrefix + gate.dataset.story) === passed;
    } catch {
      // Storage denied: the gate is open.
    }
    gate.dataset.state = isPassed ? 'passed' : 'open';
  } catch {
    // Never throw: without a state the gate is the no-JavaScript notice.
  }
}
