/**
 * The part of a `browser.storage` area this code uses. `browser.storage.local` / `.managed` satisfy it,
 * and so does `@webext-core/fake-browser` in tests.
 */
export interface KeyValueArea {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** Read-only area (browser.storage.managed). */
export type ReadonlyKeyValueArea = Pick<KeyValueArea, 'get'>;
