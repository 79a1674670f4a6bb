import { describe, expect, it } from 'vitest';
import { GATE_SKIP_ALL_KEY, gateStoryKey, isGated, realWarnings } from '../../src/lib/content-gate';
import { contentGateScript, contentGateScriptHash } from '../../src/lib/content-gate-script';
import { TEXT_SIZE_KEY } from '../../src/lib/settings';

describe('content gates', () => {
  it('gate mature and explicit stories whatever their warnings', () => {
    expect(isGated({ rating: 'mature', warnings: [] })).toBe(true);
    expect(isGated({ rating: 'explicit', warnings: ['No Archive Warnings Apply'] })).toBe(true);
  });

  it('gate any other rating only when a warning warns of something', () => {
    for (const rating of ['general', 'teen', 'not-rated']) {
      expect(isGated({ rating, warnings: [] }), rating).toBe(false);
      expect(isGated({ rating, warnings: ['Major Character Death'] }), rating).toBe(true);
    }
    expect(isGated({ rating: 'teen', warnings: ['no archive  warnings apply', ' '] })).toBe(false);
    // Choosing not to warn is itself something a reader should know before the text.
    expect(isGated({ rating: 'general', warnings: ['Creator Chose Not To Use Archive Warnings'] })).toBe(true);
  });

  it('keep the warnings that warn, in order', () => {
    expect(realWarnings(['Violence', 'No Archive Warnings Apply', '', 'Character death'])).toEqual(['Violence', 'Character death']);
  });

  it('store choices under quire: keys that never collide with each other or the settings', () => {
    const keys = [gateStoryKey('salt-and-ledger'), gateStoryKey('all'), gateStoryKey('skip-all'), GATE_SKIP_ALL_KEY, TEXT_SIZE_KEY];
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^quire:/);
  });

  it('hash the exact inline script for the Content Security Policy', async () => {
    const { createHash } = await import('node:crypto');
    expect(contentGateScriptHash).toBe(`sha256-${createHash('sha256').update(contentGateScript).digest('base64')}`);
    expect(contentGateScript.length).toBeLessThan(400);
  });
});
