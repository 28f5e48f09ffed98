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

export interface ResendRefusedOutcome {
  exitCode: number;
  text: string;
}

function line({ testId, subject, refusal }: ClearedRefusal): string {
  const what = subject === 'result' ? 'résultat refusé' : 'suivi en direct refusé';
  const when = new Date(refusal.refusedAt).toISOString();
  return `- test ${testId} : ${what} le ${when} (${refusal.code} : ${refusal.message})\n`;
}

/** Exit codes, as --adopt-results's: 0 done (or nothing to do). */
export function resendRefused(options: { dataDir: string }): ResendRefusedOutcome {
  const file = path.join(options.dataDir, JOURNAL_FILE_NAME);
  if (!existsSync(file)) return { exitCode: 0, text: 'Aucun test sur ce poste : rien à faire.\n' };
  const journal = AnswerJournal.open({ file });
  try {
    const cleared = journal.clearServerRefusals();
    if (cleared.length === 0) {
      return { exitCode: 0, text: 'Le serveur n’a rien refusé de ce poste : rien à faire.\n' };
    }
    const tests = new Set(cleared.map((c) => c.testId)).size;
    return {
      exitCode: 0,
      text:
        `${tests} test(s) refusé(s) par le serveur seront envoyés de nouveau au prochain démarrage de la ` +
        `station ; le serveur les vérifiera une nouvelle fois :\n${cleared.map(line).join('')}`,
    };
  } finally {
    journal.close();
  }
}
