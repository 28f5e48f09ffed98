// Figure: the renderer JavaScript the station loads first, gzipped (target ≤ 200 KB). Builds the
// candidate screens as `npm run build` does (production, dist/renderer) and weighs every asset; the
// size of a build is deterministic, so one build gives the figure. Also lists the heaviest packages
// (minified bytes, measured with an esbuild metafile of the same entry), to watch zod and i18n
// weight. No assertion: the target is printed beside.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'dist', 'renderer');
const TARGET_KB = 200;

execFileSync(
  process.execPath,
  [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
  {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: 'inherit',
  },
);

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const assets = readdirSync(path.join(out, 'assets')).map((name) => {
  const bytes = readFileSync(path.join(out, 'assets', name));
  return { name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
});
const js = assets.filter((a) => a.name.endsWith('.js'));
const css = assets.filter((a) => a.name.endsWith('.css'));
const sum = (list: typeof assets, key: 'raw' | 'gzip') => list.reduce((total, a) => total + a[key], 0);

// The first load: index.html's scripts and what they import statically. Chunks reached only through
// import() (the spreadsheet and document viewers, with their parsers) load when a file is opened.
const firstLoad = new Set<string>();
const pending = [
  ...readFileSync(path.join(out, 'index.html'), 'utf8').matchAll(/src="\.?\/?assets\/([^"]+\.js)"/g),
].map((m) => m[1] ?? '');
for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
  if (firstLoad.has(name)) continue;
  firstLoad.add(name);
  const code = readFileSync(path.join(out, 'assets', name), 'utf8');
  for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[^()'"`]*?from\s*)?["'`]\.\/([^"'`]+\.js)["'`]/g))
    pending.push(m[1] ?? '');
}
const initial = js.filter((a) => firstLoad.has(a.name));
const onDemand = js.filter((a) => !firstLoad.has(a.name));

console.log('Renderer bundle (dist/renderer, production build)');
for (const a of assets)
  console.log(
    `  ${a.name.padEnd(32)} ${kb(a.raw).padStart(8)} KB raw  ${kb(a.gzip).padStart(7)} KB gzip${onDemand.includes(a) ? '  (on demand)' : ''}`,
  );
console.log(
  `  JavaScript first load: ${kb(sum(initial, 'gzip'))} KB gzipped (target ≤ ${TARGET_KB} KB), ${kb(sum(initial, 'raw'))} KB raw`,
);
console.log(`  JavaScript on demand (office viewers): ${kb(sum(onDemand, 'gzip'))} KB gzipped`);
console.log(`  CSS total:        ${kb(sum(css, 'gzip'))} KB gzipped`);
const code = initial.map((a) => readFileSync(path.join(out, 'assets', a.name), 'utf8')).join('\n');
console.log(
  `  zod in the bundle: ${/ZodError|\$ZodType/.test(code) ? 'yes (check for value imports from core)' : 'no'}`,
);

const meta = await build({
  entryPoints: [path.join(root, 'renderer', 'station', 'main.tsx')],
  bundle: true,
  minify: true,
  write: false,
  metafile: true,
  format: 'esm',
  target: 'chrome140',
  jsx: 'automatic',
  loader: { '.css': 'empty' },
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'silent',
});
const byPackage = new Map<string, number>();
for (const output of Object.values(meta.metafile.outputs)) {
  for (const [input, info] of Object.entries(output.inputs)) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
    const name =
      match?.[1] ??
      (input.startsWith('renderer/')
        ? 'renderer (our screens)'
        : input.startsWith('core/') || input.startsWith('preload/')
          ? 'core (our shared code)'
          : 'other');
    byPackage.set(name, (byPackage.get(name) ?? 0) + info.bytesInOutput);
  }
}
console.log('  Heaviest parts (minified, before gzip):');
for (const [name, bytes] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 10)) {
  console.log(`    ${name.padEnd(28)} ${kb(bytes).padStart(7)} KB`);
}
