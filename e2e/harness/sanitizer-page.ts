// A blank Chromium page running the renderer's Markdown code, for the tests of its sanitizer: DOMPurify
// needs a real DOM, which Node has not. The test writes an entry module (paths from the project root)
// that puts the functions it calls on `window`; it is bundled as the screens are (React's production
// code, JSX), with no server, station or screens around it.
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { ROOT } from './renderer-build.ts';

export class SanitizerPage {
  readonly #browser: Browser;
  readonly #page: Page;

  constructor(browser: Browser, page: Page) {
    this.#browser = browser;
    this.#page = page;
  }

  /** What the entry's `window[name]` returns for `args` (both serialized across to and from the page). */
  call<Result>(name: string, ...args: unknown[]): Promise<Result> {
    return this.#page.evaluate(
      ([fn, values]) => {
        const run = (window as unknown as Record<string, ((...a: unknown[]) => Result) | undefined>)[fn];
        if (typeof run !== 'function') throw new Error(`the entry put no ${fn} on window`);
        return run(...values);
      },
      [name, args] as const,
    );
  }

  close(): Promise<void> {
    return this.#browser.close();
  }
}

/** Bundles `entry` and loads it into a blank page of a fresh Chromium. */
export async function openSanitizerPage(entry: string): Promise<SanitizerPage> {
  const bundle = await build({
    stdin: { contents: entry, resolveDir: ROOT, loader: 'tsx' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    write: false,
    logLevel: 'silent',
  });
  // An entry that bundles to nothing would leave every call failing far from the cause.
  const script = bundle.outputFiles[0]?.text;
  if (!script) throw new Error('the sanitizer entry did not bundle');
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html><body></body></html>');
    // A bundle that throws while loading would otherwise surface later as a function missing.
    const failures: Error[] = [];
    page.on('pageerror', (error) => failures.push(error));
    await page.addScriptTag({ content: script });
    if (failures[0]) throw new Error(`the sanitizer entry failed to load: ${failures[0].message}`);
    return new SanitizerPage(browser, page);
  } catch (error) {
    await browser.close();
    throw error;
  }
}
