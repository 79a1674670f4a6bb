import { createHash } from 'node:crypto';
import { DEFAULT_TEXT_SIZE, TEXT_SCALE_PROPERTY, TEXT_SIZE_KEY, TEXT_SIZE_STEPS } from './settings';

/**
 * The inline settings script, first in `<body>`: applies the stored text size before first paint and marks the
 * document as scripted (so the controls show). It must stay tiny and never throw.
 */
export const settingsScript = `(()=>{const d=document.documentElement;d.classList.add('js');let v;try{v=localStorage.getItem(${JSON.stringify(TEXT_SIZE_KEY)})}catch{}const s=${JSON.stringify(TEXT_SIZE_STEPS)};const n=parseFloat(v);if(s.includes(n)&&n!==${DEFAULT_TEXT_SIZE}){d.style.setProperty(${JSON.stringify(TEXT_SCALE_PROPERTY)},String(n/100));d.dataset.textSize=String(n)}})()`;

/** The script's hash for the Content Security Policy, so it runs without 'unsafe-inline'. */
export const settingsScriptHash = `sha256-${createHash('sha256').update(settingsScript).digest('base64')}` as const;
