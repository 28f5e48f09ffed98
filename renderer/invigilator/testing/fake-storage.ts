// Test helper: a tab's storage (sessionStorage) in memory, or one that refuses everything (private
// mode, full or blocked storage).
import type { TabStorage } from '../state/tab-storage.ts';

export class FakeStorage implements TabStorage {
  readonly items = new Map<string, string>();

  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }

  removeItem(key: string): void {
    this.items.delete(key);
  }
}

export const refusingStorage: TabStorage = {
  getItem() {
    throw new DOMException('blocked', 'SecurityError');
  },
  setItem() {
    throw new DOMException('full', 'QuotaExceededError');
  },
  removeItem() {
    throw new DOMException('blocked', 'SecurityError');
  },
};
