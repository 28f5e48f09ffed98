// The server's public address (--public-url): http(s) only, no query or fragment, kept without its
// trailing slash so that paths join on it ("https://certif.example.fr/pix" + "/verification/").

/** The address as it will be printed, or null when it is not one people could open. */
export function parsePublicUrl(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.search || url.hash || url.username || url.password) return null;
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
