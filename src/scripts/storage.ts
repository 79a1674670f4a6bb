/**
 * localStorage that never throws: private modes and sandboxed frames can deny it, and the page
 * must keep working. When storage is unavailable, values live in memory for this page.
 */
const memory = new Map<string, string>();

export function readSetting(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return memory.get(key) ?? null;
  }
}

export function writeSetting(key: string, value: string): void {
  memory.set(key, value);
  try {
    localStorage.setItem(key, value);
  } catch {
    // Remembered for this page only.
  }
}
