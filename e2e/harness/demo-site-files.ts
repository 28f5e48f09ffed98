// The offline demo sites (`https://<site>.pix-demo.test/…`, PLAN.md §8) served by the harness from
// the folder of sites, as Electron's demo mode serves them: a directory gives its index.html, and
// nothing outside the site's folder is ever read.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Route } from 'playwright-core';
import { DEMO_SITES_DOMAIN } from '../../core/lockdown/default-block-list.ts';
import { contentTypeOf } from './content-types.ts';

const SITE = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** The file a demo-site address names under `sitesDir`, or null when it is not a demo site. */
export function demoSiteFile(url: string, sitesDir: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const suffix = `.${DEMO_SITES_DOMAIN}`;
  if (parsed.protocol !== 'https:' || !parsed.hostname.endsWith(suffix)) return null;
  const site = parsed.hostname.slice(0, -suffix.length);
  if (!SITE.test(site)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  const root = path.resolve(sitesDir, site);
  const file = path.resolve(root, `.${pathname}`);
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

/** Answers a demo-site request from the folder (404 page when the file does not exist). */
export async function fulfillDemoSite(route: Route, file: string): Promise<void> {
  let target = file;
  try {
    if ((await stat(target)).isDirectory()) target = path.join(target, 'index.html');
    const body = await readFile(target);
    return await route.fulfill({ status: 200, body, contentType: contentTypeOf(target) });
  } catch {
    return route.fulfill({
      status: 404,
      contentType: 'text/html; charset=utf-8',
      body: '<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Page introuvable</title></head><body><h1>Page introuvable</h1><p>Cette page n’existe pas sur ce site.</p></body></html>',
    });
  }
}
