// `--resend-refused`: the server refused results (or live records) of this station for good, and the
// cause is gone: a server restored from a backup, a server bug fixed, a test package issued again. The
// station keeps what was refused and never sends it again by itself; IT asks it to, once. Everything
// refused is then sent again at the next start and verified anew by the server: what it accepts is
// stored, what it still refuses is refused again (and shown again in the room). Never done by the
// station itself: a refusal that holds would be sent for ever.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { AnswerJournal, type ClearedRefusal } from '../journal/answer-journal.ts';
import { JOURNAL_FILE_NAME } from '../station-services.ts';
import { serverOrigin } from '../sync/server-origin.ts';

export interface ResendRefusedOutcome {
  exitCode: number;
  text: string;
}

function line({ testId, subject, refusal }: ClearedRefusal): string {
  const what = subject === 'result' ? 'résultat refusé' : 'suivi en direct refusé';
  const when = new Date(refusal.refusedAt).toISOString();
  return `- test ${testId} : ${what} le ${when} (${refusal.code} : ${refusal.message})\n`;
}

/**
 * Exit codes, as --adopt-results's: 0 done (or nothing to do). `serverUrl`: the server in the settings;
 * tests taken on another one go only to that one (sync/server-origin.ts), and are named apart.
 */
export function resendRefused(options: { dataDir: string; serverUrl: string | null }): ResendRefusedOutcome {
  const file = path.join(options.dataDir, JOURNAL_FILE_NAME);
  if (!existsSync(file)) return { exitCode: 0, text: 'Aucun test sur ce poste : rien à faire.\n' };
  const current = options.serverUrl === null ? null : serverOrigin(options.serverUrl);
  const journal = AnswerJournal.open({ file });
  try {
    const cleared = journal.clearServerRefusals();
    if (cleared.length === 0) {
      return { exitCode: 0, text: 'Le serveur n’a rien refusé de ce poste : rien à faire.\n' };
    }
    const serverOf = (c: ClearedRefusal) => journal.testServer(c.testId);
    const here = cleared.filter((c) => serverOf(c) === null || serverOf(c) === current);
    const elsewhere = cleared.filter((c) => !here.includes(c));
    const tests = (list: ClearedRefusal[]) => new Set(list.map((c) => c.testId)).size;
    let text = '';
    if (here.length > 0) {
      text +=
        `${tests(here)} test(s) refusé(s) par le serveur seront envoyés de nouveau au prochain démarrage de ` +
        `la station ; le serveur les vérifiera une nouvelle fois :\n${here.map(line).join('')}`;
    }
    for (const origin of new Set(elsewhere.map(serverOf))) {
      const of = elsewhere.filter((c) => serverOf(c) === origin);
      text +=
        `${tests(of)} test(s) passé(s) sur ${String(origin)} seront envoyés de nouveau quand la station ` +
        `sera de nouveau réglée sur ce serveur (ou avec --adopt-results s’il a changé d’adresse) :\n` +
        of.map(line).join('');
    }
    return { exitCode: 0, text };
  } finally {
    journal.close();
  }
}
