import { createHash } from 'node:crypto';
import { applySettings, LEGIBLE_FONT_FAMILY, SETTING_LIST, SETTINGS, syncBrowserColours } from './settings';

/** A function's source on one line, to keep every page small (its statements end in semicolons). */
const oneLine = (fn: (...args: never[]) => unknown): string => fn.toString().replace(/\n\s*/g, '');

/**
 * The inline settings script, first in `<body>`: marks the document as scripted (so the controls
 * show) and applies every stored setting before first paint, with the very functions the settings
 * panel uses; then applies them again whenever another tab changes them (the `storage` event), on
 * every page, panel or not. When the reader chose the legible font, it starts loading it at once,
 * so the swap comes as early as possible. It must stay small and never throw (storage may be denied).
 */
export const settingsScript = `(()=>{const d=document,r=d.documentElement;r.classList.add('js');const s=${JSON.stringify(SETTING_LIST)};const a=()=>{const v={};for(const x of s){try{v[x.key]=localStorage.getItem(x.key)}catch{}}(${oneLine(applySettings)})(d,s,v);return r.hasAttribute(${JSON.stringify(SETTINGS.theme.attribute)})},c=${oneLine(syncBrowserColours)};if(a())c(d,true);addEventListener('storage',e=>{if(e.key===null||s.some(x=>x.key===e.key))c(d,a())});if(r.getAttribute(${JSON.stringify(SETTINGS.font.attribute)})==='legible')d.fonts?.load(${JSON.stringify(`1em "${LEGIBLE_FONT_FAMILY}"`)}).catch(()=>{})})()`;

/** The script's hash for the Content Security Policy, so it runs without 'unsafe-inline'. */
export const settingsScriptHash = `sha256-${createHash('sha256').update(settingsScript).digest('base64')}` as const;
