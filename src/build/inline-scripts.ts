import { GATE_PASSED, GATE_SKIP_ALL_KEY, GATE_STORY_KEY_PREFIX } from '../lib/content-gate';
import { parseReadingPosition, READING_POSITION_PREFIX } from '../lib/reading-position';
import { applySettings, LEGIBLE_FONT_FAMILY, SETTING_LIST, SETTINGS, syncBrowserColours } from '../lib/settings';
import { PARAGRAPH_ID_PREFIX } from '../lib/urls';
import { contentGateScript } from '../scripts/inline/content-gate';
import { continueReadingScript } from '../scripts/inline/continue-reading';
import { inlineScript, type InlineScript } from './inline-script';
import { settingsScript } from '../scripts/inline/settings';

/**
 * Every inline script the pages use, with what each needs passed in. Every page's Content Security
 * Policy allows all of them (src/build/content-security-policy.ts: the policy is written before the
 * body's components render, so they cannot add a hash themselves); each is placed by:
 * - `settings`: the layout, first in `<body>`;
 * - `contentGate`: src/components/ContentGate.astro, first inside a gate;
 * - `continueReading`: after the last "Continue reading" link (src/components/StoryList.astro, the story page).
 */
export const INLINE_SCRIPTS = {
  settings: inlineScript(
    settingsScript,
    applySettings,
    syncBrowserColours,
    SETTING_LIST,
    SETTINGS.theme.attribute,
    SETTINGS.font.attribute,
    `1em "${LEGIBLE_FONT_FAMILY}"`,
  ),
  contentGate: inlineScript(contentGateScript, GATE_PASSED, GATE_SKIP_ALL_KEY, GATE_STORY_KEY_PREFIX),
  continueReading: inlineScript(continueReadingScript, READING_POSITION_PREFIX, PARAGRAPH_ID_PREFIX, parseReadingPosition),
} as const satisfies Record<string, InlineScript>;
