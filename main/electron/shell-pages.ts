// The shell's own pages, served at app://station/__shell/ (no Electron import: tested in plain Node).
// They need no script at all: the invigilator-code prompt is a plain form posted back to the protocol
// handler, and the notice page refreshes itself with a meta tag, so they work with no preload and the
// strictest policy. French, because that is who reads them: the invigilator and the candidate (the
// start-failure page adds English below, for IT).
import type { StartFailure, StartFailureKind } from './start-failure.ts';

export const SHELL_PATH = '/__shell/';
export const QUIT_PAGE = `${SHELL_PATH}quit`;
export const NOTICE_PAGE = `${SHELL_PATH}notice`;
export const FAILURE_PAGE = `${SHELL_PATH}failure`;
export const SHELL_STYLE = `${SHELL_PATH}shell.css`;

export const SHELL_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "style-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

function page(title: string, body: string, head = ''): string {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${SHELL_STYLE}">
${head}
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

export const SHELL_CSS = `
:root { color-scheme: light; font-family: system-ui, "Segoe UI", Roboto, Arial, sans-serif; }
body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: #f4f6fb; color: #111827; }
main { max-width: 40rem; padding: 2rem; background: #fff; border: 2px solid #1f2a44; border-radius: 12px; }
h1 { font-size: 1.6rem; margin: 0 0 1rem; }
p { font-size: 1.15rem; line-height: 1.5; }
label { display: block; font-size: 1.15rem; font-weight: 600; margin: 1rem 0 0.5rem; }
input { font-size: 1.3rem; padding: 0.5rem; width: 100%; box-sizing: border-box; border: 2px solid #1f2a44; border-radius: 6px; }
button { margin-top: 1rem; font-size: 1.15rem; padding: 0.6rem 1.2rem; border-radius: 6px; border: 2px solid #1f2a44; background: #1f2a44; color: #fff; cursor: pointer; }
button.secondary { background: #fff; color: #1f2a44; margin-left: 0.5rem; }
:focus-visible { outline: 3px solid #b45309; outline-offset: 2px; }
.error { color: #991b1b; font-weight: 600; }
.it { font-size: 1rem; color: #374151; overflow-wrap: anywhere; }
hr { border: none; border-top: 1px solid #9ca3af; margin: 1.5rem 0; }
`;

export type QuitPromptState =
  | { kind: 'ask'; codeSet: boolean }
  | { kind: 'wrong' }
  | { kind: 'wait'; seconds: number }
  | { kind: 'closing' }
  | { kind: 'refused'; reason: string };

/** The invigilator-code prompt (shown in its own small window above the exam). */
export function quitPromptPage(state: QuitPromptState): string {
  if (state.kind === 'closing') {
    return page(
      'Fermeture de la station',
      '<h1>Fermeture de la station</h1><p role="status">La station se ferme.</p>',
    );
  }
  if (state.kind === 'refused') {
    return page(
      'Fermeture impossible',
      `<h1>Fermeture impossible</h1><p role="alert">${escapeHtml(state.reason)}</p>
<form method="post" action="${QUIT_PAGE}"><button type="submit" name="action" value="cancel">Retour</button></form>`,
    );
  }
  if (state.kind === 'ask' && !state.codeSet) {
    return page(
      'Fermer la station',
      `<h1>Fermer la station</h1>
<p>Aucun code surveillant n’est configuré sur ce poste : il peut être fermé entre deux candidats.</p>
<form method="post" action="${QUIT_PAGE}">
<button type="submit" name="action" value="quit" autofocus>Fermer la station</button>
<button type="submit" name="action" value="cancel" class="secondary">Annuler</button>
</form>`,
    );
  }
  const message =
    state.kind === 'wrong'
      ? '<p class="error" role="alert">Ce code n’est pas le bon. Vérifiez-le et réessayez.</p>'
      : state.kind === 'wait'
        ? `<p class="error" role="alert">Trop d’essais : attendez ${state.seconds} secondes avant de réessayer.</p>`
        : '';
  return page(
    'Fermer la station',
    `<h1>Fermer la station</h1>
<p>Réservé au surveillant. Saisissez le code surveillant du centre pour fermer la station.</p>
${message}
<form method="post" action="${QUIT_PAGE}">
<label for="code">Code surveillant</label>
<input id="code" name="code" type="password" autocomplete="off" autofocus required maxlength="128">
<button type="submit" name="action" value="quit">Fermer la station</button>
<button type="submit" name="action" value="cancel" class="secondary" formnovalidate>Annuler</button>
</form>`,
  );
}

/** A blocking notice (display rule refused, configuration problem); re-checked every few seconds. */
export function noticePage(notice: { title: string; message: string; refreshSeconds?: number }): string {
  const refresh = notice.refreshSeconds
    ? `<meta http-equiv="refresh" content="${notice.refreshSeconds}">`
    : '';
  return page(
    notice.title,
    `<h1>${escapeHtml(notice.title)}</h1><p role="alert">${escapeHtml(notice.message)}</p>`,
    refresh,
  );
}

/** Reads the posted prompt form (application/x-www-form-urlencoded). */
export function readQuitForm(body: string): { action: 'quit' | 'cancel'; code: string } {
  const form = new URLSearchParams(body);
  return {
    action: form.get('action') === 'quit' ? 'quit' : 'cancel',
    code: (form.get('code') ?? '').slice(0, 128),
  };
}

/** What happened, for everyone; and, when IT has more to do than keep the journal, what (`it`). */
const FAILURE_REASONS: Record<StartFailureKind, { fr: string; en: string; it?: { fr: string; en: string } }> =
  {
    journalDamaged: {
      fr: 'Le journal des réponses de ce poste est endommagé (par exemple après une coupure de courant).',
      en: 'The answer journal on this station is damaged (for example after a power cut).',
    },
    diskFull: {
      fr: 'Le disque de ce poste est plein : la station ne peut pas enregistrer de réponses.',
      en: 'This station’s disk is full: the station cannot record answers.',
    },
    notWritable: {
      fr: 'Le dossier des données de la station est en lecture seule ou inaccessible : la station ne peut pas enregistrer de réponses.',
      en: 'The station’s data folder is read-only or out of reach: the station cannot record answers.',
    },
    keyStoreLocked: {
      fr: 'La clé de ce poste est protégée par le trousseau du système, qui ne peut pas l’ouvrir maintenant : la station ne peut pas signer les résultats.',
      en: 'This station’s key is protected by the system’s keyring, which cannot open it now: the station cannot sign results.',
      it: {
        fr: 'ouvrez la session du compte d’examen pour lequel la station a été installée, trousseau déverrouillé ; sous Windows, après une réinitialisation du mot de passe du compte, restaurez le dossier de données depuis une sauvegarde. Ne supprimez pas la clé : les résultats en attente en dépendent.',
        en: 'open the session of the exam account the station was installed for, with its keyring unlocked; on Windows, after the account’s password was reset, restore the data folder from a backup. Do not delete the key: pending results depend on it.',
      },
    },
    keyUnreadable: {
      fr: 'Le fichier de la clé de ce poste est endommagé ou ne lui appartient pas : la station ne peut pas signer les résultats.',
      en: 'This station’s key file is damaged or belongs to another station: the station cannot sign results.',
      it: {
        fr: 'restaurez la clé (station-key.sealed ou station-key.der) depuis une sauvegarde du dossier de données de ce poste, puis relancez la station. Ne supprimez pas la clé et ne copiez pas celle d’un autre poste : les résultats en attente en dépendent.',
        en: 'restore the key (station-key.sealed or station-key.der) from a backup of this station’s data folder, then restart the station. Do not delete the key nor copy another station’s: pending results depend on it.',
      },
    },
    keyMissing: {
      fr: 'La clé de ce poste a disparu alors que des résultats de candidats doivent encore être envoyés avec elle : aucune nouvelle clé n’a été créée.',
      en: 'This station’s key is gone while candidates’ results still have to be sent with it: no new key was created.',
      it: {
        fr: 'restaurez la clé (station-key.sealed ou station-key.der) depuis une sauvegarde du dossier de données, puis relancez la station ; à défaut, mettez de côté le dossier de données entier (ne le supprimez pas : il contient les réponses), remettez-le au centre et au support Pix, puis réinscrivez le poste.',
        en: 'restore the key (station-key.sealed or station-key.der) from a backup of the data folder, then restart the station; failing that, move the whole data folder aside (do not delete it: it holds the answers), hand it to the centre and Pix support, then enroll the station again.',
      },
    },
    lockdownSettings: {
      fr: 'Les réglages de verrouillage de ce poste, fixés par le service informatique, sont invalides : la station ne peut pas garantir les conditions de l’épreuve.',
      en: 'This station’s lockdown settings, set by IT, are invalid: the station cannot guarantee the test’s conditions.',
      it: {
        fr: 'lancez la vérification du poste (--check) : elle nomme le fichier ou la clé de registre et chaque valeur refusée ; corrigez-les (docs/it/reglages.md), puis relancez la station.',
        en: 'run the station check (--check): it names the file or registry key and each refused value; correct them (docs/it/reglages.md), then restart the station.',
      },
    },
    other: {
      fr: 'Une erreur empêche la station de démarrer.',
      en: 'An error prevents the station from starting.',
    },
  };

/**
 * The station could not start (journal damaged, disk full…): what it means and what to do, French
 * first, English below. Only the error's code and the journal's path, for IT: never a stack trace.
 */
export function startFailurePage(failure: StartFailure): string {
  const reason = FAILURE_REASONS[failure.kind];
  const code = escapeHtml(failure.code);
  const journal = escapeHtml(failure.journalFile);
  const itAction = (lang: 'fr' | 'en') =>
    reason.it
      ? `\n<p class="it">${lang === 'fr' ? 'À faire :' : 'To do:'} ${escapeHtml(reason.it[lang])}</p>`
      : '';
  return page(
    'Ce poste ne peut pas démarrer',
    `<h1>Ce poste ne peut pas démarrer</h1>
<p role="alert">${escapeHtml(reason.fr)}</p>
<p><strong>Prévenez le surveillant : ce poste ne peut pas accueillir de candidat. Le journal des réponses est conservé pour le jury.</strong></p>
<p>Surveillant : installez le candidat sur un autre poste, puis fermez celui-ci avec le raccourci et le code surveillant.</p>
<p class="it">Service informatique : code d’erreur <code>${code}</code> ; journal des réponses <code>${journal}</code> (ne le supprimez pas et ne le modifiez pas ; le détail est dans le journal de la station, <code>logs/station.log</code>, dans le même dossier).</p>${itAction('fr')}
<hr>
<section lang="en">
<h2>This station cannot start</h2>
<p>${escapeHtml(reason.en)}</p>
<p><strong>Tell the invigilator: this station cannot take a candidate. The answer journal is kept for the jury.</strong></p>
<p>Invigilator: seat the candidate at another station, then close this one with the invigilator shortcut and code.</p>
<p class="it">IT: error code <code>${code}</code>; answer journal <code>${journal}</code> (do not delete or change it; the details are in the station’s log, <code>logs/station.log</code>, in the same folder).</p>${itAction('en')}
</section>`,
  );
}
