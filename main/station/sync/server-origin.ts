// The server a test belongs to, as the journal records it: the station's serverUrl normalized, so that
// "https://Certif.example.org/" and "https://certif.example.org:443" are one server, while a path
// prefix ("https://x.example.org/certif") stays part of it.
export function serverOrigin(serverUrl: string): string {
  const trimmed = serverUrl.trim();
  try {
    const url = new URL(trimmed);
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return trimmed.replace(/\/+$/, '');
  }
}
