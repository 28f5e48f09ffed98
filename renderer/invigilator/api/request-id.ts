// The request id sent with a command or an alert decision (RequestIdSchema): a random UUID (version 4).
// crypto.randomUUID exists only on secure pages (https, localhost); the room may be opened over plain
// http on the school's network, where crypto.getRandomValues still works.
export function newRequestId(
  random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array = (bytes) => crypto.getRandomValues(bytes),
): string {
  const bytes = random(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * What an action asks, as a key for its request id: the candidate, the action (a command, an alert
 * decision) and its parameters, whatever order their fields were written in.
 */
export function actionKey(candidateId: string, action: string, parameters: unknown): string {
  return JSON.stringify([candidateId, action, sorted(parameters)]);
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => [k, sorted(v)]),
  );
}
