import { createHash } from 'node:crypto';
import { GATE_PASSED, GATE_SKIP_ALL_KEY, GATE_STORY_KEY_PREFIX } from './content-gate';

/**
 * The inline gate script, first inside `<quire-content-gate data-story="…">`: before the notice and
 * the text are parsed (so before either is painted), it marks the gate `open` or `passed` from the
 * stored choices. Unreadable storage means open. It must stay tiny and never throw; if it does not
 * run, the gate has no state and shows as the no-JavaScript notice above the text.
 */
export const contentGateScript = `(()=>{try{const g=document.currentScript.parentElement;let p=false;try{const l=localStorage,v=${JSON.stringify(GATE_PASSED)};p=l.getItem(${JSON.stringify(GATE_SKIP_ALL_KEY)})===v||l.getItem(${JSON.stringify(GATE_STORY_KEY_PREFIX)}+g.dataset.story)===v}catch{}g.dataset.state=p?'passed':'open'}catch{}})()`;

/** The script's hash for the Content Security Policy, so it runs without 'unsafe-inline'. */
export const contentGateScriptHash = `sha256-${createHash('sha256').update(contentGateScript).digest('base64')}` as const;
