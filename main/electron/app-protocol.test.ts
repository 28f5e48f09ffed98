import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  debuggingSwitches,
  resolveAppAsset,
  resolveSandboxFile,
  sandboxFileUrl,
  sandboxTypeOf,
} from './app-protocol.ts';

const root = path.resolve('/opt/station/renderer');

describe('resolveAppAsset', () => {
  it.each([
    ['app://station/', 'index.html', 'text/html; charset=utf-8'],
    ['app://station/assets/index-abc.js', 'assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['app://station/assets/style.css?v=1', 'assets/style.css', 'text/css; charset=utf-8'],
  ])('serves %s from the renderer folder', (url, file, type) => {
    expect(resolveAppAsset(root, url)).toEqual({ file: path.join(root, file), contentType: type });
  });

  it.each([
    ['an encoded slash escape', 'app://station/assets%2f..%2f..%2fkey.json'],
    ['a backslash', 'app://station/..%5c..%5ckey.json'],
    ['a NUL byte', 'app://station/index.html%00.js'],
    ['another host', 'app://evil/index.html'],
    ['another scheme', 'file:///opt/station/renderer/index.html'],
    ['an unknown file type', 'app://station/run.exe'],
    ['a malformed encoding', 'app://station/%E0%A4%A'],
    ['not a URL', 'station/index.html'],
  ])('refuses %s', (_what, url) => {
    expect(resolveAppAsset(root, url)).toBeNull();
  });

  it.each([
    ['a parent path', 'app://station/../secrets.html', 'secrets.html'],
    ['an encoded parent path', 'app://station/%2e%2e/%2e%2e/etc/passwd.html', 'etc/passwd.html'],
  ])('keeps %s inside the renderer folder (URL parsing removes dot segments)', (_what, url, file) => {
    expect(resolveAppAsset(root, url)?.file).toBe(path.join(root, file));
  });
});

describe('debuggingSwitches', () => {
  it('finds every remote-debugging and inspector switch', () => {
    expect(
      debuggingSwitches([
        'app',
        '--remote-debugging-port=9222',
        '--inspect',
        '--inspect-brk=9229',
        '--kiosk',
        '--js-flags=--x',
      ]),
    ).toEqual(['--remote-debugging-port=9222', '--inspect', '--inspect-brk=9229', '--js-flags=--x']);
  });
  it('accepts a normal command line', () => {
    expect(debuggingSwitches(['/opt/station/pix-station', '--lang=fr'], 'linux')).toEqual([]);
    expect(debuggingSwitches(['C:\\Pix\\station.exe', '--lang=fr'], 'win32')).toEqual([]);
  });
  it('reads switches as Chromium does: one dash, a slash and any case on Windows', () => {
    expect(debuggingSwitches(['-remote-debugging-pipe', '--js-flags=--x', '-inspect'], 'linux')).toEqual([
      '-remote-debugging-pipe',
      '--js-flags=--x',
      '-inspect',
    ]);
    expect(debuggingSwitches(['--Remote-Debugging-Pipe', '/inspect-brk=9229'], 'win32')).toEqual([
      '--Remote-Debugging-Pipe',
      '/inspect-brk=9229',
    ]);
    // On Linux a leading slash is a path, and names are case-sensitive there.
    expect(debuggingSwitches(['/inspect', '--Remote-Debugging-Pipe'], 'linux')).toEqual([]);
  });
  it('refuses the switches that would let another site pass for an allowed one', () => {
    expect(
      debuggingSwitches(
        [
          '--ignore-certificate-errors',
          '--host-resolver-rules=MAP chatgpt.com 1.2.3.4',
          '--proxy-server=http://p:3128',
          '--no-sandbox',
          '--disable-web-security',
        ],
        'linux',
      ),
    ).toHaveLength(5);
  });
});

describe('candidates’ files under app://station/__sandbox/', () => {
  const sandbox = path.resolve('/var/station/sandbox');

  it('maps a stored file to its address and back, with a type that never runs code', () => {
    const file = path.join(sandbox, 'test-1', 'a'.repeat(64), 'relevé de notes.pdf');
    const url = sandboxFileUrl(sandbox, file);
    expect(url).toBe(`app://station/__sandbox/test-1/${'a'.repeat(64)}/relev%C3%A9%20de%20notes.pdf`);
    expect(resolveSandboxFile(sandbox, url ?? '')).toEqual({ file, contentType: 'application/pdf' });
    expect(resolveSandboxFile(sandbox, 'app://station/__sandbox/t/page.html')).toBeNull();
    expect(resolveSandboxFile(sandbox, 'app://station/__sandbox/t/data.json')?.contentType).toBe(
      'text/plain; charset=utf-8',
    );
    // Office files reach the screens' viewers as opaque bytes; old Word files are not served.
    for (const name of ['notes.xlsx', 'notes.ods', 'lettre.docx', 'lettre.odt'])
      expect(resolveSandboxFile(sandbox, `app://station/__sandbox/t/${name}`)?.contentType).toBe(
        'application/octet-stream',
      );
    expect(resolveSandboxFile(sandbox, 'app://station/__sandbox/t/lettre.doc')).toBeNull();
  });

  it.each([
    ['a parent segment', 'app://station/__sandbox/t/..%2F..%2Fkey.pdf'],
    ['an encoded dot-dot segment', 'app://station/__sandbox/%2e%2e/x.pdf'],
    ['a backslash', 'app://station/__sandbox/t/..%5C..%5Cx.pdf'],
    ['an empty segment', 'app://station/__sandbox//x.pdf'],
    ['another host', 'app://other/__sandbox/t/x.pdf'],
    ['outside the sandbox path', 'app://station/x.pdf'],
  ])('refuses %s', (_what, url) => {
    expect(resolveSandboxFile(sandbox, url)).toBeNull();
  });

  it('serves a file by the attachment’s declared media type, its name lacking the extension', () => {
    const file = path.join(sandbox, 'test-1', 'b'.repeat(64), 'releve');
    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const url = sandboxFileUrl(sandbox, file, xlsx) ?? '';
    expect(url).toBe(
      `app://station/__sandbox/test-1/${'b'.repeat(64)}/releve?type=application%2Fvnd.openxmlformats-officedocument.spreadsheetml.sheet`,
    );
    expect(resolveSandboxFile(sandbox, url)).toEqual({ file, contentType: 'application/octet-stream' });
    // Without the type, a name without extension is not served (as before).
    expect(resolveSandboxFile(sandbox, url.split('?')[0] ?? '')).toBeNull();
  });

  it('serves a file with a known extension by it, whatever type the address declares', () => {
    const pdf = sandboxFileUrl(sandbox, path.join(sandbox, 't', 'notes.txt'), 'application/pdf') ?? '';
    expect(resolveSandboxFile(sandbox, pdf)?.contentType).toBe('text/plain; charset=utf-8');
    expect(
      resolveSandboxFile(sandbox, 'app://station/__sandbox/t/photo.png?type=image%2Fsvg%2Bxml')?.contentType,
    ).toBe('image/png');
    expect(
      resolveSandboxFile(sandbox, 'app://station/__sandbox/t/notes.xlsx?type=application%2Fpdf')?.contentType,
    ).toBe('application/octet-stream');
  });

  it('never serves SVG by the address’s type', () => {
    expect(resolveSandboxFile(sandbox, 'app://station/__sandbox/t/dessin?type=image%2Fsvg%2Bxml')).toBeNull();
    expect(resolveSandboxFile(sandbox, 'app://station/__sandbox/t/dessin?type=IMAGE%2FSVG%2BXML')).toBeNull();
    // By its own extension, an .svg is still served as before (the image viewer shows it in an <img>).
    expect(resolveSandboxFile(sandbox, 'app://station/__sandbox/t/dessin.svg')?.contentType).toBe(
      'image/svg+xml',
    );
    // Another image type is served by the address for a file without extension.
    expect(resolveSandboxFile(sandbox, 'app://station/__sandbox/t/photo?type=image%2Fpng')?.contentType).toBe(
      'image/png',
    );
  });

  it('never serves a declared type as HTML or script: only the types by extension', () => {
    expect(sandboxTypeOf('text/html')).toBe('text/plain; charset=utf-8');
    expect(sandboxTypeOf('application/javascript')).toBeNull();
    expect(sandboxTypeOf('image/x-icon')).toBeNull();
    expect(sandboxTypeOf('IMAGE/PNG')).toBe('image/png');
    expect(sandboxTypeOf('text/csv')).toBe('text/plain; charset=utf-8');
    expect(sandboxTypeOf('application/vnd.oasis.opendocument.text')).toBe('application/octet-stream');
    // An unknown type in the address adds no way in: the extension decides, or nothing is served.
    expect(
      resolveSandboxFile(sandbox, 'app://station/__sandbox/t/page.html?type=text%2Fhtml')?.contentType,
    ).toBe('text/plain; charset=utf-8');
    expect(
      resolveSandboxFile(sandbox, 'app://station/__sandbox/t/page.html?type=application%2Fjavascript'),
    ).toBeNull();
    expect(sandboxFileUrl(sandbox, path.join(sandbox, 't', 'x'), 'application/x-msdownload')).toBe(
      'app://station/__sandbox/t/x',
    );
  });

  it('gives no address to a file outside the sandbox', () => {
    expect(sandboxFileUrl(sandbox, '/etc/passwd')).toBeNull();
    expect(sandboxFileUrl(sandbox, sandbox)).toBeNull();
  });
});
