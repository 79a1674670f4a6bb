import { describe, expect, it } from 'vitest';
import { GATE_PASSED, GATE_SKIP_ALL_KEY, gateNotice, gatePassed, gateStoryKey, isGated, realWarnings } from '../../src/lib/content-gate';
import { TEXT_SIZE_KEY } from '../../src/lib/settings';
import { INLINE_SCRIPTS } from '../../src/build/inline-scripts';

const { code: contentGateScript, hash: contentGateScriptHash } = INLINE_SCRIPTS.contentGate;

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

  it('count a story as agreed to when the reader continued past its gate, or past every gate', () => {
    const stored = (entries: Record<string, string>) => (key: string) => entries[key] ?? null;
    expect(gatePassed('tale', stored({}))).toBe(false);
    expect(gatePassed('tale', stored({ [gateStoryKey('tale')]: GATE_PASSED }))).toBe(true);
    expect(gatePassed('tale', stored({ [gateStoryKey('other')]: GATE_PASSED }))).toBe(false);
    expect(gatePassed('tale', stored({ [GATE_SKIP_ALL_KEY]: GATE_PASSED }))).toBe(true);
    expect(gatePassed('tale', stored({ [gateStoryKey('tale')]: 'yes' }))).toBe(false);
  });

  it('state a gate in one line: the rating, and the warnings that warn', () => {
    expect(gateNotice('Mature', ['Violence', 'No Archive Warnings Apply'])).toBe('Rated Mature. Warnings: Violence.');
    expect(gateNotice('Explicit', [])).toBe('Rated Explicit.');
  });

  it('store choices under quire: keys that never collide with each other or the settings', () => {
    const keys = [gateStoryKey('salt-and-ledger'), gateStoryKey('all'), gateStoryKey('skip-all'), GATE_SKIP_ALL_KEY, TEXT_SIZE_KEY];
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^quire:/);
  });

  it('decide the gate in a tiny inline script: open unless this story or every story was passed', () => {
    expect(contentGateScript.length).toBeLessThan(400);
    expect(contentGateScriptHash).toMatch(/^sha256-[A-Za-z0-9+/]{43}=$/);
    /** Runs the script as the browser would, with this storage, and returns the state it set. */
    const stateWith = (storage: Record<string, string> | 'throws'): string | undefined => {
      const gate = { dataset: { story: 'mature-story' } as Record<string, string> };
      const localStorage =
        storage === 'throws'
          ? undefined
          : { getItem: (key: string) => storage[key] ?? null };
      const window = {
        document: { currentScript: { parentElement: gate } },
        get localStorage() {
          if (!localStorage) throw new Error('SecurityError');
          return localStorage;
        },
      };
      new Function('window', `with (window) { ${contentGateScript} }`)(window);
      return gate.dataset.state;
    };
    expect(stateWith({})).toBe('open');
    expect(stateWith({ [gateStoryKey('other-story')]: GATE_PASSED })).toBe('open');
    expect(stateWith({ [gateStoryKey('mature-story')]: GATE_PASSED })).toBe('passed');
    expect(stateWith({ [GATE_SKIP_ALL_KEY]: GATE_PASSED })).toBe('passed');
    expect(stateWith({ [gateStoryKey('mature-story')]: 'no' })).toBe('open');
    expect(stateWith('throws')).toBe('open');
  });
});
