// A centre's quota is read, then its files written: two uploads (or an upload and a bank import) for the
// same centre at the same instant would each see the room the other is about to take. They wait their
// turn here, per centre; other centres go on. The repository's calls are asynchronous (a PostgreSQL
// store would wait on the network between the read and the write), so this holds on any backend served
// by one server process.
const queues = new WeakMap<object, Map<string, Promise<unknown>>>();

/** Runs `work` once the centre's earlier quota-checked writes on this server have ended. */
export async function withCentreContent<T>(
  server: object,
  centreId: string,
  work: () => Promise<T>,
): Promise<T> {
  let byCentre = queues.get(server);
  if (!byCentre) queues.set(server, (byCentre = new Map()));
  const before = byCentre.get(centreId) ?? Promise.resolve();
  const turn = before.then(work);
  const settled = turn.catch(() => undefined);
  byCentre.set(centreId, settled);
  try {
    return await turn;
  } finally {
    // The last in line clears the centre's entry, so the map holds only centres with writes in course.
    if (byCentre.get(centreId) === settled) byCentre.delete(centreId);
  }
}
