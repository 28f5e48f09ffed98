// `--adopt-results OLD_URL`: the centre's server changed address (http to https, a new name, a new
// port) while results taken on it still wait on this station. Each test belongs to the address it was
// taken on (sync/server-origin.ts), so they would wait for the old one for ever, and enrolling on the
// new address is refused meanwhile. IT says the old address and the new one (serverUrl) are one server:
// those tests then go to serverUrl. Never done by the station itself: another server would refuse them.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { AnswerJournal } from '../journal/answer-journal.ts';
import { JOURNAL_FILE_NAME } from '../station-services.ts';
import { serverOrigin } from '../sync/server-origin.ts';

export interface AdoptResultsOutcome {
  exitCode: number;
  text: string;
}

/** Exit codes, as --enroll's: 0 done (or nothing to do), 2 refused, 3 nothing to work with. */
export async function adoptResults(options: {
  dataDir: string;
  serverUrl: string | null;
  from: string;
}): Promise<AdoptResultsOutcome> {
  if (options.serverUrl === null) {
    return {
      exitCode: 3,
      text: 'Pas d’adresse de serveur (serverUrl) dans les réglages : déposez la nouvelle adresse, puis relancez.\n',
    };
  }
  const to = serverOrigin(options.serverUrl);
  const from = serverOrigin(options.from);
  if (from === to) {
    return {
      exitCode: 2,
      text: `L’ancienne adresse est celle des réglages (${to}) : indiquez l’adresse que le serveur avait avant.\n`,
    };
  }
  const file = path.join(options.dataDir, JOURNAL_FILE_NAME);
  if (!existsSync(file)) return { exitCode: 0, text: 'Aucun test sur ce poste : rien à faire.\n' };
  const journal = AnswerJournal.open({ file, serverOrigin: to });
  try {
    const waiting = journal.resultsOfOtherServers(to).find((r) => r.serverOrigin === from)?.testIds ?? [];
    const moved = journal.moveTestsToServer(from, to);
    if (moved === 0) {
      return { exitCode: 0, text: `Aucun test de ce poste n’a été passé sur ${from} : rien à faire.\n` };
    }
    return {
      exitCode: 0,
      text:
        `${moved} test(s) passé(s) sur ${from} appartiennent désormais à ${to}` +
        (waiting.length > 0 ? `, dont ${waiting.length} dont le résultat attend d’être envoyé` : '') +
        ' : la station les enverra à cette adresse dès son prochain démarrage.\n',
    };
  } finally {
    journal.close();
  }
}
