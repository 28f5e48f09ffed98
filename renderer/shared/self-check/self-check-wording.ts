// The station self-check's findings in the reader's language (issue 8): each line carries a code and
// its parameters (core/contracts/station-self-check-codes.ts), worded here in French and English, with
// numbers and dates formatted for the language. The station's "Vérifier ce poste" screen and the back
// office's station list both word lines through this table. A line without a known code (a station
// older than the codes, or newer than this screen), or whose parameters do not fit its code, keeps the
// station's French sentence: `lang` then says 'fr', for screen readers.
import {
  isSelfCheckCode,
  selfCheckParamsFit,
  SELF_CHECK_TLS_REASONS_FR,
  type SelfCheckCode,
  type SelfCheckDisplayRule,
  type SelfCheckParams,
  type SelfCheckParamsOf,
  type SelfCheckTlsError,
} from '../../../core/contracts/station-self-check-codes.ts';
import type { SelfCheckStatus } from '../../../core/contracts/station-self-check.ts';

export type SelfCheckLanguage = 'fr' | 'en';

/** The wording's language for an i18next language tag ("en", "en-GB", "fr"…): French unless English. */
export function selfCheckLanguage(tag: string): SelfCheckLanguage {
  return tag.startsWith('en') ? 'en' : 'fr';
}

/** Numbers, measures and dates as a reader of the language writes them. */
export interface SelfCheckFormats {
  /** "1,5" / "1.5". */
  number(value: number, digits?: number): string;
  /** "12 s", "3,2 ms", "1,5 Go" / "12 seconds", "3.2 ms", "1.5 GB". */
  unit(
    value: number,
    unit: 'second' | 'millisecond' | 'gigabyte' | 'day',
    display?: 'short' | 'long',
  ): string;
  /** A calendar day (YYYY-MM-DD) in words, "12 mars 2025" / "12 March 2025"; other text as it is. */
  day(text: string): string;
}

export function selfCheckFormats(language: SelfCheckLanguage): SelfCheckFormats {
  const locale = language === 'en' ? 'en-GB' : 'fr-FR';
  return {
    number: (value, digits = 1) =>
      new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value),
    unit: (value, unit, display = 'short') =>
      new Intl.NumberFormat(locale, {
        style: 'unit',
        unit,
        unitDisplay: display,
        maximumFractionDigits: 1,
      }).format(value),
    day: (text) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
      const date = new Date(`${text}T00:00:00Z`);
      if (Number.isNaN(date.getTime())) return text;
      return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
    },
  };
}

type Sentence<C extends SelfCheckCode> = (params: SelfCheckParamsOf<C>, f: SelfCheckFormats) => string;

/** What was found, and what to do about it when the line is a warning or a failure. */
export interface SelfCheckSentences<C extends SelfCheckCode> {
  detail: Sentence<C>;
  action?: Sentence<C>;
}

export type SelfCheckWordingTable = { [C in SelfCheckCode]: SelfCheckSentences<C> };

type LayerParams = SelfCheckParamsOf<'settings.ok'>;
type StationParams = SelfCheckParamsOf<'enrollment.confirmed'>;
type JournalParams = SelfCheckParamsOf<'journal.ok'>;
type BrowserParams = SelfCheckParamsOf<'browser.ok'>;

const GB = 1024 ** 3;

// ------------------------------------------------------------------ French

const FR_TLS = SELF_CHECK_TLS_REASONS_FR;

const FR_DOC = 'voir docs/it/reglages.md';
/** The proxy that carried (or would have carried) the station's request to its server. */
const frVia = (p: { via?: string }) => (p.via === undefined ? '' : ` — par le proxy ${p.via}`);
const enVia = (p: { via?: string }) => (p.via === undefined ? '' : ` — through the proxy ${p.via}`);

const FR_NETWORK =
  'Vérifiez le réseau du poste, le pare-feu et le proxy (le poste doit joindre le serveur en HTTPS).';
const FR_ENROLL =
  'Inscrivez le poste avec un code d’inscription du centre : réglage enrollmentCode, ou « --enroll CODE » (voir docs/it/inscription.md).';
const FR_LEAKS =
  'Le filtrage laisse passer des sites interdits pendant l’examen : reprenez la liste de blocage livrée dans urlPolicy (docs/lockdown/configuration.md).';
const FR_CLOCK =
  'Synchronisez l’heure du poste (Windows : w32tm /resync ; Linux : timedatectl set-ntp true ; macOS : Réglages > Général > Date et heure, réglage automatique).';
const FR_SOURCES: Record<string, string> = {
  managed: 'des réglages gérés',
  machine: 'des réglages machine',
  user: 'du profil du compte',
  default: 'des valeurs par défaut',
};
const FR_RULES: Record<SelfCheckDisplayRule, string> = {
  cover: 'règle : écrans en plus couverts',
  refuse: 'règle : écrans en plus refusés',
};
const FR_JOURNAL: Record<JournalParams['journal'], (p: JournalParams) => string> = {
  none: () => 'pas encore de journal',
  intact: () => 'journal existant intact',
  inUse: () => 'journal existant en cours d’utilisation',
  readOnly: (p) => `le journal ${p.journalFile ?? ''} n’est pas modifiable par ce compte`,
  damaged: (p) => `journal existant endommagé (${p.problem ?? '?'})`,
  unreadable: (p) => `journal existant illisible (${p.problem ?? '?'})`,
};

function frLayers(p: LayerParams): string {
  const layer = (name: string, origin: string | undefined, keys: string | undefined) =>
    origin === undefined ? [] : [`${name} : ${origin} (${keys ? keys : 'aucune valeur retenue'})`];
  const found = [...layer('gérés', p.managed, p.managedKeys), ...layer('machine', p.machine, p.machineKeys)];
  return found.length > 0 ? found.join(' ; ') : 'aucun réglage géré ni machine';
}

function frStation(p: StationParams): string {
  return p.name !== undefined
    ? `« ${p.name} »${p.centre !== undefined ? `, centre ${p.centre}` : ''}, identifiant ${p.stationId}`
    : p.stationId;
}

function frJournal(p: JournalParams, f: SelfCheckFormats): string {
  const measured = `écriture durable : ${f.unit(p.medianMs, 'millisecond')} (médiane de ${f.number(p.commits)}, au plus ${f.unit(p.maxMs, 'millisecond')})`;
  return `${measured} ; ${FR_JOURNAL[p.journal](p)}`;
}

function frBrowser(p: BrowserParams): string {
  return (
    [
      p.reached && `joignables : ${p.reached}`,
      p.blocked && `bloquées par le filtrage : ${p.blocked}`,
      p.unreachable && `injoignables : ${p.unreachable}`,
      p.erroring && `répondent par une erreur : ${p.erroring}`,
      p.leaks && `non bloqués : ${p.leaks}`,
    ]
      .filter(Boolean)
      .join(' ; ') || 'aucune adresse essayée'
  );
}

const FR: SelfCheckWordingTable = {
  'skipped.noServerUrl': { detail: () => 'pas d’adresse de serveur configurée' },
  'skipped.serverUnreachable': { detail: () => 'serveur injoignable : rien à comparer' },

  'settings.ok': { detail: (p) => frLayers(p) },
  'settings.fileRefused': {
    detail: (p) => `fichier de réglages ignoré : ${p.origin} ${p.problem}`,
    action: () =>
      `Corrigez le fichier (propriétaire administrateur, non modifiable par les autres comptes, JSON valide), ${FR_DOC}.`,
  },
  'settings.noServerUrl': {
    detail: (p) => `pas d’adresse de serveur (serverUrl) ; ${frLayers(p)}`,
    action: () =>
      `Indiquez serverUrl (adresse du serveur de certification du centre) dans les réglages gérés, ${FR_DOC}.`,
  },
  'settings.nothingFound': {
    detail: () => 'aucun réglage trouvé',
    action: () =>
      `Indiquez serverUrl (adresse du serveur de certification du centre) dans les réglages gérés, ${FR_DOC}.`,
  },
  'settings.badValues': {
    detail: (p) => `valeurs ignorées : ${p.values}`,
    action: (p) => `Corrigez ces valeurs dans ${p.origin}, ${FR_DOC}.`,
  },
  'settings.badLockdownValues': {
    detail: (p) => `réglages de verrouillage invalides, remplacés par les valeurs par défaut : ${p.values}`,
    action: (p) =>
      `Corrigez ces valeurs dans ${p.origin} avant l’épreuve : la valeur par défaut est moins stricte que celle voulue (liste de blocage livrée, pas de code surveillant…), ${FR_DOC}.`,
  },
  'settings.noSystemSettings': {
    detail: (p) => `aucun réglage géré ni machine : serverUrl vient ${FR_SOURCES[p.source] ?? p.source}`,
    action: () =>
      `Déployez les réglages par stratégie (Windows), /etc/pix-certification (Linux) ou profil géré (macOS), ${FR_DOC}.`,
  },
  'settings.userServerUrl': {
    detail: (p) => `l’adresse du serveur vient du profil du compte (modifiable par lui) ; ${frLayers(p)}`,
    action: () => `Fixez serverUrl dans les réglages gérés, ${FR_DOC}.`,
  },

  'server.ok': {
    detail: (p, f) =>
      `${p.url} répond en ${f.unit(p.ms, 'millisecond')}${p.serverVersion !== undefined ? ` (serveur ${p.serverVersion})` : ''}${frVia(p)}`,
  },
  'server.tlsRefused': {
    detail: (p) => `${p.url} : ${FR_TLS[p.tlsError]}${frVia(p)}`,
    action: () =>
      'Installez sur le serveur un certificat valide pour son nom, émis par une autorité que le système du poste reconnaît.',
  },
  'server.timeout': {
    detail: (p, f) => `${p.url} ne répond pas en ${f.unit(p.seconds, 'second')}${frVia(p)}`,
    action: () => FR_NETWORK,
  },
  'server.notFound': {
    detail: (p) => `${p.url} introuvable : le DNS ne connaît pas ce nom de serveur${frVia(p)}`,
    action: () => 'Vérifiez l’adresse (serverUrl) et le DNS du poste.',
  },
  'server.unreachable': {
    detail: (p) => `${p.url} injoignable${p.error !== undefined ? ` (${p.error})` : ''}${frVia(p)}`,
    action: () => FR_NETWORK,
  },
  'server.notPix': {
    detail: (p) => `${p.url} répond ${p.status}, mais pas comme un serveur de certification Pix${frVia(p)}`,
    action: () => 'Vérifiez l’adresse (serverUrl) : un proxy ou un autre site répond à sa place.',
  },

  'clock.noServerTime': { detail: () => 'le serveur ne donne pas son heure' },
  'clock.inSync': { detail: () => 'à l’heure du serveur (moins d’une seconde d’écart)' },
  'clock.behind': {
    detail: (p, f) => `${f.unit(p.seconds, 'second')} en retard sur le serveur`,
    action: () => FR_CLOCK,
  },
  'clock.ahead': {
    detail: (p, f) => `${f.unit(p.seconds, 'second')} en avance sur le serveur`,
    action: () => FR_CLOCK,
  },

  'version.serverTooOld': {
    detail: (p) =>
      `version ${p.version} : le serveur ne dit pas quelles versions il accepte (serveur plus ancien que la station)`,
    action: () => 'Mettez à jour le serveur de certification.',
  },
  'version.serverOlder': {
    detail: (p) =>
      `version ${p.version} : le serveur (version ${p.serverVersion}) est plus ancien que la station et peut refuser ses résultats`,
    action: () => 'Mettez à jour le serveur de certification avant les postes (voir docs/it/mise-a-jour.md).',
  },
  'version.refused': {
    detail: (p) =>
      `version ${p.version} refusée : le serveur demande la version ${p.minimum} ou plus récente`,
    action: (p) => `Installez la station ${p.minimum} ou plus récente (voir docs/it/mise-a-jour.md).`,
  },
  'version.accepted': { detail: (p) => `version ${p.version} acceptée (minimum ${p.minimum})` },
  'version.acceptedAny': {
    detail: (p) => `version ${p.version} acceptée (le serveur accepte toutes les versions)`,
  },

  'tls.badUrl': { detail: () => 'adresse du serveur invalide' },
  'tls.plainHttp': {
    detail: (p) => `connexion non chiffrée (${p.origin})`,
    action: () =>
      'Servez le serveur de certification en HTTPS ; le HTTP ne convient qu’à un réseau interne fermé.',
  },
  'tls.notTls': {
    detail: (p) => FR_TLS[p.tlsError],
    action: () => 'Vérifiez que l’adresse et le port servent bien HTTPS.',
  },
  'tls.noConnection': {
    detail: (p) => `pas de connexion TLS possible (${p.error ?? 'serveur injoignable'})`,
  },
  'tls.refused': {
    detail: (p) => FR_TLS[p.tlsError],
    action: () =>
      'Installez sur le serveur un certificat valide pour ce nom, avec sa chaîne complète, émis par une autorité publique ou par l’autorité de l’établissement installée dans le magasin de certificats du système.',
  },
  'tls.refusedOther': {
    detail: (p) => `certificat refusé (${p.error ?? 'raison inconnue'})`,
    action: () =>
      'Installez sur le serveur un certificat valide pour ce nom, avec sa chaîne complète, émis par une autorité publique ou par l’autorité de l’établissement installée dans le magasin de certificats du système.',
  },
  'tls.valid': { detail: () => 'certificat valide' },
  'tls.validUntil': {
    detail: (p, f) => `certificat valide jusqu’au ${f.day(p.until)} (${p.issuer ?? 'émetteur inconnu'})`,
  },
  'tls.expiresSoon': {
    detail: (p, f) =>
      `certificat valide jusqu’au ${f.day(p.until)} (${p.issuer ?? 'émetteur inconnu'}) : ${p.days === 0 ? 'expire aujourd’hui' : `expire dans ${f.unit(p.days, 'day', 'long')}`}`,
    action: () => 'Renouvelez le certificat du serveur avant le jour de l’examen.',
  },

  'enrollment.keyUnreadable': {
    detail: (p) => `clé du poste illisible : ${p.problem}`,
    action: () =>
      'Ne réinscrivez pas le poste et ne supprimez pas sa clé : les résultats en attente en dépendent. Ouvrez la session du compte d’examen pour lequel la station a été installée, trousseau déverrouillé ; si la clé reste illisible, restaurez-la (station-key.sealed ou station-key.der) depuis une sauvegarde du dossier de données de ce poste (voir docs/it/depannage.md).',
  },
  'enrollment.noKey': {
    detail: () => 'le poste n’a pas encore de clé : jamais inscrit',
    action: () => FR_ENROLL,
  },
  'enrollment.notEnrolled': {
    detail: (p) => `poste ${p.stationId} non inscrit`,
    action: () => FR_ENROLL,
  },
  'enrollment.otherKey': {
    detail: (p) =>
      `l’inscription enregistrée (${p.enrolledId}) n’est pas celle de la clé du poste (${p.stationId})`,
    action: () => FR_ENROLL,
  },
  'enrollment.otherServer': {
    detail: (p) =>
      `poste inscrit auprès de ${p.enrolledServer}, pas de ${p.serverUrl ?? '(aucun serveur configuré)'}`,
    action: () => FR_ENROLL,
  },
  'enrollment.localOk': { detail: () => 'inscription locale valide' },
  'enrollment.confirmed': { detail: (p) => `${frStation(p)} (confirmé par le serveur)` },
  'enrollment.unconfirmed': {
    detail: (p) => `${frStation(p)} : non confirmé (serveur injoignable)`,
    action: () => 'Refaites la vérification quand le serveur répond.',
  },
  'enrollment.refused': {
    detail: (p) => `${frStation(p)} : refusé par le serveur (${p.message})`,
    action: () => `Le poste est inconnu ou révoqué : ${FR_ENROLL}`,
  },
  'enrollment.refusedClock': {
    detail: (p) => `${frStation(p)} : refusé par le serveur (${p.message})`,
    action: () => 'Mettez le poste à l’heure, puis refaites la vérification.',
  },
  'enrollment.notConfirmed': {
    detail: (p) => `${frStation(p)} : non confirmé (${p.message})`,
    action: () => 'Refaites la vérification ; si cela persiste, voir docs/it/depannage.md.',
  },

  'displays.notMeasurable': {
    detail: () =>
      'non mesurable hors de l’application : lancez la vérification depuis la station (--check ou « Vérifier ce poste »)',
  },
  'displays.unreadable': { detail: (p) => `écrans illisibles (${p.error ?? 'erreur'})` },
  'displays.none': {
    detail: () => 'aucun écran détecté',
    action: () => 'Branchez un écran et allumez-le.',
  },
  'displays.extraRefused': {
    detail: (p, f) => `${f.number(p.count)} écrans (${FR_RULES[p.rule]}) : l’examen serait refusé`,
    action: (p) =>
      `Le centre n’autorise qu’un écran pendant le test : débranchez ${p.offending}. (Ou choisissez extraDisplays: "cover" dans les réglages gérés.)`,
  },
  'displays.mirrorRefused': {
    detail: (p, f) => `${f.number(p.count)} écrans (${FR_RULES[p.rule]}) : l’examen serait refusé`,
    action: (p) =>
      `L’écran est recopié sur ${p.offending} ; le centre ne l’autorise pas. Désactivez la recopie d’écran. (Ou choisissez extraDisplays: "cover" dans les réglages gérés.)`,
  },
  'displays.covered': {
    detail: (p, f) =>
      `${f.number(p.count)} écrans (${FR_RULES[p.rule]}) : ${p.extra} sera couvert d’un écran vide`,
    action: () =>
      'Débranchez les écrans en plus si possible : le surveillant voit moins bien ce qu’ils affichent.',
  },
  'displays.mirrored': {
    detail: (p, f) =>
      `${f.number(p.count)} écrans (${FR_RULES[p.rule]}) : ${p.extra} recopie l’écran d’examen (signalé au surveillant)`,
    action: () =>
      'Débranchez les écrans en plus si possible : le surveillant voit moins bien ce qu’ils affichent.',
  },
  'displays.ok': { detail: (p) => `1 écran : ${p.display} (${FR_RULES[p.rule]})` },

  'disk.ok': { detail: (p, f) => `${f.unit(p.bytes / GB, 'gigabyte')} libres pour ${p.folder}` },
  'disk.low': {
    detail: (p, f) => `${f.unit(p.bytes / GB, 'gigabyte')} libres pour ${p.folder}`,
    action: (_p, f) =>
      `Libérez de l’espace sur ce disque (au moins ${f.unit(1, 'gigabyte')}) avant le jour de l’examen.`,
  },
  'disk.unreadable': {
    detail: (p) => `espace libre illisible pour ${p.folder} (${p.error ?? 'erreur'})`,
    action: () => 'Vérifiez que le dossier de données de la station est sur un disque accessible.',
  },

  'journal.ok': { detail: frJournal },
  'journal.slow': {
    detail: frJournal,
    action: () =>
      'Disque lent : installez la station sur un disque local (pas un dossier réseau) et vérifiez l’antivirus (exclusion du dossier de données).',
  },
  'journal.unusable': {
    detail: frJournal,
    action: () =>
      'Ne supprimez pas le journal (c’est une preuve) : copiez le dossier de données et contactez le support Pix.',
  },
  'journal.notWritable': {
    detail: (p) => `écriture impossible dans ${p.folder} (${p.error ?? 'erreur'})`,
    action: () =>
      'Donnez au compte de la station le droit d’écrire dans son dossier de données, sur un disque local.',
  },

  'browser.ok': { detail: frBrowser },
  'browser.blocked': {
    detail: frBrowser,
    action: () =>
      'Ajoutez une règle « allow » pour ces adresses dans urlPolicy (docs/lockdown/configuration.md).',
  },
  'browser.unreachable': {
    detail: frBrowser,
    action: () => 'Autorisez ces sites dans le pare-feu et le proxy de l’établissement pour ce poste.',
  },
  'browser.erroring': {
    detail: frBrowser,
    action: () => 'Vérifiez ces sites : ils répondent par une erreur.',
  },
  'browser.leaks': { detail: frBrowser, action: () => FR_LEAKS },
  'browser.noUrls': {
    detail: () =>
      'aucune adresse d’épreuve à essayer (ni browserHomeUrl, ni règle « allow » nommant un site)',
  },
  'browser.noUrlsLeaks': {
    detail: (p) =>
      `aucune adresse d’épreuve à essayer (ni browserHomeUrl, ni règle « allow » nommant un site) ; non bloqués : ${p.leaks}`,
    action: () => FR_LEAKS,
  },
};

// ------------------------------------------------------------------ English

const EN_TLS: Record<SelfCheckTlsError, string> = {
  CERT_HAS_EXPIRED: 'the server’s certificate has expired',
  CERT_NOT_YET_VALID: 'the server’s certificate is not valid yet (or the station’s clock is wrong)',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the server’s certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'the server’s certificate is issued by an authority the station does not know',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    'the server’s certificate is issued by an authority the station does not know',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    'the server’s certificate chain is incomplete (an intermediate certificate is missing)',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the server’s certificate does not bear this server name',
  CERT_REVOKED: 'the server’s certificate is revoked',
  EPROTO: 'the server does not speak TLS on this port',
  ERR_SSL_WRONG_VERSION_NUMBER: 'the server does not speak TLS on this port',
};

const EN_DOC = 'see docs/it/reglages.md';
const EN_NETWORK =
  'Check the station’s network, firewall and proxy (the station must reach the server over HTTPS).';
const EN_ENROLL =
  'Enroll the station with an enrollment code from the centre: the enrollmentCode setting, or “--enroll CODE” (see docs/it/inscription.md).';
const EN_LEAKS =
  'The filter lets through websites forbidden during the exam: start again from the block list shipped in urlPolicy (docs/lockdown/configuration.md).';
const EN_CLOCK =
  'Synchronise the station’s clock (Windows: w32tm /resync; Linux: timedatectl set-ntp true; macOS: System Settings > General > Date & Time, set automatically).';
const EN_CERTIFICATE =
  'Install on the server a valid certificate for this name, with its full chain, issued by a public authority or by the establishment’s authority installed in the system’s certificate store.';
const EN_SOURCES: Record<string, string> = {
  managed: 'the managed settings',
  machine: 'the machine settings',
  user: 'the account’s profile',
  default: 'the defaults',
};
const EN_RULES: Record<SelfCheckDisplayRule, string> = {
  cover: 'rule: extra displays covered',
  refuse: 'rule: extra displays refused',
};
const EN_JOURNAL: Record<JournalParams['journal'], (p: JournalParams) => string> = {
  none: () => 'no journal yet',
  intact: () => 'existing journal intact',
  inUse: () => 'existing journal in use',
  readOnly: (p) => `this account cannot write to the journal ${p.journalFile ?? ''}`,
  damaged: (p) => `existing journal damaged (${p.problem ?? '?'})`,
  unreadable: (p) => `existing journal unreadable (${p.problem ?? '?'})`,
};

function enLayers(p: LayerParams): string {
  const layer = (name: string, origin: string | undefined, keys: string | undefined) =>
    origin === undefined ? [] : [`${name}: ${origin} (${keys ? keys : 'no value kept'})`];
  const found = [
    ...layer('managed', p.managed, p.managedKeys),
    ...layer('machine', p.machine, p.machineKeys),
  ];
  return found.length > 0 ? found.join('; ') : 'no managed or machine settings';
}

function enStation(p: StationParams): string {
  return p.name !== undefined
    ? `“${p.name}”${p.centre !== undefined ? `, centre ${p.centre}` : ''}, ID ${p.stationId}`
    : p.stationId;
}

function enJournal(p: JournalParams, f: SelfCheckFormats): string {
  const measured = `durable write: ${f.unit(p.medianMs, 'millisecond')} (median of ${f.number(p.commits)}, at most ${f.unit(p.maxMs, 'millisecond')})`;
  return `${measured}; ${EN_JOURNAL[p.journal](p)}`;
}

function enBrowser(p: BrowserParams): string {
  return (
    [
      p.reached && `reached: ${p.reached}`,
      p.blocked && `blocked by the filter: ${p.blocked}`,
      p.unreachable && `unreachable: ${p.unreachable}`,
      p.erroring && `answering with an error: ${p.erroring}`,
      p.leaks && `not blocked: ${p.leaks}`,
    ]
      .filter(Boolean)
      .join('; ') || 'no address tried'
  );
}

const EN: SelfCheckWordingTable = {
  'skipped.noServerUrl': { detail: () => 'no server address configured' },
  'skipped.serverUnreachable': { detail: () => 'server unreachable: nothing to compare with' },

  'settings.ok': { detail: (p) => enLayers(p) },
  'settings.fileRefused': {
    detail: (p) => `settings file ignored: ${p.origin} ${p.problem}`,
    action: () =>
      `Fix the file (owned by an administrator, not writable by other accounts, valid JSON); ${EN_DOC}.`,
  },
  'settings.noServerUrl': {
    detail: (p) => `no server address (serverUrl); ${enLayers(p)}`,
    action: () =>
      `Set serverUrl (the address of the centre’s certification server) in the managed settings; ${EN_DOC}.`,
  },
  'settings.nothingFound': {
    detail: () => 'no settings found',
    action: () =>
      `Set serverUrl (the address of the centre’s certification server) in the managed settings; ${EN_DOC}.`,
  },
  'settings.badValues': {
    detail: (p) => `values ignored: ${p.values}`,
    action: (p) => `Fix these values in ${p.origin}; ${EN_DOC}.`,
  },
  'settings.badLockdownValues': {
    detail: (p) => `invalid lockdown settings, replaced by the defaults: ${p.values}`,
    action: (p) =>
      `Fix these values in ${p.origin} before the exam: the default is less strict than the one intended (the shipped block list, no invigilator code…); ${EN_DOC}.`,
  },
  'settings.noSystemSettings': {
    detail: (p) => `no managed or machine settings: serverUrl comes from ${EN_SOURCES[p.source] ?? p.source}`,
    action: () =>
      `Deploy the settings by policy (Windows), in /etc/pix-certification (Linux) or as a managed profile (macOS); ${EN_DOC}.`,
  },
  'settings.userServerUrl': {
    detail: (p) =>
      `the server address comes from the account’s profile (which the account can change); ${enLayers(p)}`,
    action: () => `Set serverUrl in the managed settings; ${EN_DOC}.`,
  },

  'server.ok': {
    detail: (p, f) =>
      `${p.url} answers in ${f.unit(p.ms, 'millisecond')}${p.serverVersion !== undefined ? ` (server ${p.serverVersion})` : ''}${enVia(p)}`,
  },
  'server.tlsRefused': {
    detail: (p) => `${p.url}: ${EN_TLS[p.tlsError]}${enVia(p)}`,
    action: () =>
      'Install on the server a valid certificate for its name, issued by an authority that the station’s system trusts.',
  },
  'server.timeout': {
    detail: (p, f) => `${p.url} does not answer within ${f.unit(p.seconds, 'second', 'long')}${enVia(p)}`,
    action: () => EN_NETWORK,
  },
  'server.notFound': {
    detail: (p) => `${p.url} not found: the DNS does not know this server name${enVia(p)}`,
    action: () => 'Check the address (serverUrl) and the station’s DNS.',
  },
  'server.unreachable': {
    detail: (p) => `${p.url} unreachable${p.error !== undefined ? ` (${p.error})` : ''}${enVia(p)}`,
    action: () => EN_NETWORK,
  },
  'server.notPix': {
    detail: (p) => `${p.url} answers ${p.status}, but not as a Pix certification server${enVia(p)}`,
    action: () => 'Check the address (serverUrl): a proxy or another website answers in its place.',
  },

  'clock.noServerTime': { detail: () => 'the server does not give its time' },
  'clock.inSync': { detail: () => 'on the server’s time (less than a second apart)' },
  'clock.behind': {
    detail: (p, f) => `${f.unit(p.seconds, 'second', 'long')} behind the server`,
    action: () => EN_CLOCK,
  },
  'clock.ahead': {
    detail: (p, f) => `${f.unit(p.seconds, 'second', 'long')} ahead of the server`,
    action: () => EN_CLOCK,
  },

  'version.serverTooOld': {
    detail: (p) =>
      `version ${p.version}: the server does not say which versions it accepts (the server is older than the station)`,
    action: () => 'Update the certification server.',
  },
  'version.serverOlder': {
    detail: (p) =>
      `version ${p.version}: the server (version ${p.serverVersion}) is older than the station and may refuse its results`,
    action: () => 'Update the certification server before the stations (see docs/it/mise-a-jour.md).',
  },
  'version.refused': {
    detail: (p) => `version ${p.version} refused: the server requires version ${p.minimum} or later`,
    action: (p) => `Install station version ${p.minimum} or later (see docs/it/mise-a-jour.md).`,
  },
  'version.accepted': { detail: (p) => `version ${p.version} accepted (minimum ${p.minimum})` },
  'version.acceptedAny': {
    detail: (p) => `version ${p.version} accepted (the server accepts every version)`,
  },

  'tls.badUrl': { detail: () => 'invalid server address' },
  'tls.plainHttp': {
    detail: (p) => `unencrypted connection (${p.origin})`,
    action: () =>
      'Serve the certification server over HTTPS; HTTP is only fit for a closed internal network.',
  },
  'tls.notTls': {
    detail: (p) => EN_TLS[p.tlsError],
    action: () => 'Check that the address and port really serve HTTPS.',
  },
  'tls.noConnection': {
    detail: (p) => `no TLS connection possible (${p.error ?? 'server unreachable'})`,
  },
  'tls.refused': { detail: (p) => EN_TLS[p.tlsError], action: () => EN_CERTIFICATE },
  'tls.refusedOther': {
    detail: (p) => `certificate refused (${p.error ?? 'unknown reason'})`,
    action: () => EN_CERTIFICATE,
  },
  'tls.valid': { detail: () => 'valid certificate' },
  'tls.validUntil': {
    detail: (p, f) => `certificate valid until ${f.day(p.until)} (${p.issuer ?? 'unknown issuer'})`,
  },
  'tls.expiresSoon': {
    detail: (p, f) =>
      `certificate valid until ${f.day(p.until)} (${p.issuer ?? 'unknown issuer'}): ${p.days === 0 ? 'expires today' : `expires in ${f.unit(p.days, 'day', 'long')}`}`,
    action: () => 'Renew the server’s certificate before exam day.',
  },

  'enrollment.keyUnreadable': {
    detail: (p) => `the station’s key cannot be read: ${p.problem}`,
    action: () =>
      'Do not enroll the station again nor delete its key: pending results depend on it. Open the session of the exam account the station was installed for, with its keyring unlocked; if the key still cannot be read, restore it (station-key.sealed or station-key.der) from a backup of this station’s data folder (see docs/it/depannage.md).',
  },
  'enrollment.noKey': {
    detail: () => 'the station has no key yet: never enrolled',
    action: () => EN_ENROLL,
  },
  'enrollment.notEnrolled': {
    detail: (p) => `station ${p.stationId} not enrolled`,
    action: () => EN_ENROLL,
  },
  'enrollment.otherKey': {
    detail: (p) =>
      `the recorded enrollment (${p.enrolledId}) is not the one of the station’s key (${p.stationId})`,
    action: () => EN_ENROLL,
  },
  'enrollment.otherServer': {
    detail: (p) =>
      `station enrolled with ${p.enrolledServer}, not with ${p.serverUrl ?? '(no server configured)'}`,
    action: () => EN_ENROLL,
  },
  'enrollment.localOk': { detail: () => 'local enrollment valid' },
  'enrollment.confirmed': { detail: (p) => `${enStation(p)} (confirmed by the server)` },
  'enrollment.unconfirmed': {
    detail: (p) => `${enStation(p)}: not confirmed (server unreachable)`,
    action: () => 'Run the check again when the server answers.',
  },
  'enrollment.refused': {
    detail: (p) => `${enStation(p)}: refused by the server (${p.message})`,
    action: () => `The station is unknown or revoked: ${EN_ENROLL}`,
  },
  'enrollment.refusedClock': {
    detail: (p) => `${enStation(p)}: refused by the server (${p.message})`,
    action: () => 'Set the station’s clock right, then run the check again.',
  },
  'enrollment.notConfirmed': {
    detail: (p) => `${enStation(p)}: not confirmed (${p.message})`,
    action: () => 'Run the check again; if it goes on, see docs/it/depannage.md.',
  },

  'displays.notMeasurable': {
    detail: () =>
      'cannot be measured outside the application: run the check from the station (--check or “Check this station”)',
  },
  'displays.unreadable': { detail: (p) => `displays cannot be read (${p.error ?? 'error'})` },
  'displays.none': {
    detail: () => 'no display detected',
    action: () => 'Connect a display and switch it on.',
  },
  'displays.extraRefused': {
    detail: (p, f) => `${f.number(p.count)} displays (${EN_RULES[p.rule]}): the exam would be refused`,
    action: (p) =>
      `The centre allows only one display during the test: disconnect ${p.offending}. (Or choose extraDisplays: "cover" in the managed settings.)`,
  },
  'displays.mirrorRefused': {
    detail: (p, f) => `${f.number(p.count)} displays (${EN_RULES[p.rule]}): the exam would be refused`,
    action: (p) =>
      `The display is mirrored on ${p.offending}, which the centre does not allow. Turn off display mirroring. (Or choose extraDisplays: "cover" in the managed settings.)`,
  },
  'displays.covered': {
    detail: (p, f) =>
      `${f.number(p.count)} displays (${EN_RULES[p.rule]}): ${p.extra} will be covered with a blank window`,
    action: () => 'Disconnect the extra displays if you can: the invigilator sees less well what they show.',
  },
  'displays.mirrored': {
    detail: (p, f) =>
      `${f.number(p.count)} displays (${EN_RULES[p.rule]}): ${p.extra} mirrors the exam display (the invigilator is told)`,
    action: () => 'Disconnect the extra displays if you can: the invigilator sees less well what they show.',
  },
  'displays.ok': { detail: (p) => `1 display: ${p.display} (${EN_RULES[p.rule]})` },

  'disk.ok': { detail: (p, f) => `${f.unit(p.bytes / GB, 'gigabyte')} free for ${p.folder}` },
  'disk.low': {
    detail: (p, f) => `${f.unit(p.bytes / GB, 'gigabyte')} free for ${p.folder}`,
    action: (_p, f) => `Free some space on this disk (at least ${f.unit(1, 'gigabyte')}) before exam day.`,
  },
  'disk.unreadable': {
    detail: (p) => `free space cannot be read for ${p.folder} (${p.error ?? 'error'})`,
    action: () => 'Check that the station’s data folder is on a disk it can reach.',
  },

  'journal.ok': { detail: enJournal },
  'journal.slow': {
    detail: enJournal,
    action: () =>
      'Slow disk: install the station on a local disk (not a network folder) and check the antivirus (exclude the data folder).',
  },
  'journal.unusable': {
    detail: enJournal,
    action: () => 'Do not delete the journal (it is evidence): copy the data folder and contact Pix support.',
  },
  'journal.notWritable': {
    detail: (p) => `cannot write in ${p.folder} (${p.error ?? 'error'})`,
    action: () => 'Give the station’s account the right to write in its data folder, on a local disk.',
  },

  'browser.ok': { detail: enBrowser },
  'browser.blocked': {
    detail: enBrowser,
    action: () => 'Add an “allow” rule for these addresses in urlPolicy (docs/lockdown/configuration.md).',
  },
  'browser.unreachable': {
    detail: enBrowser,
    action: () => 'Allow these websites in the establishment’s firewall and proxy for this station.',
  },
  'browser.erroring': {
    detail: enBrowser,
    action: () => 'Check these websites: they answer with an error.',
  },
  'browser.leaks': { detail: enBrowser, action: () => EN_LEAKS },
  'browser.noUrls': {
    detail: () => 'no test address to try (neither browserHomeUrl nor an “allow” rule naming a website)',
  },
  'browser.noUrlsLeaks': {
    detail: (p) =>
      `no test address to try (neither browserHomeUrl nor an “allow” rule naming a website); not blocked: ${p.leaks}`,
    action: () => EN_LEAKS,
  },
};

/** The sentences for every code, in each language. */
export const SELF_CHECK_WORDING: Record<SelfCheckLanguage, SelfCheckWordingTable> = { fr: FR, en: EN };

/** A line as the screens receive it: from the station (report) or from the server (back office). */
export interface SelfCheckFindingText {
  status: SelfCheckStatus;
  code?: string;
  params?: SelfCheckParams;
  /** The station's French sentence (the back office's holds the action too). */
  detail: string;
  action?: string | null;
}

export interface WordedSelfCheckLine {
  detail: string;
  /** What to do; null when the line is ok or skipped, or nothing is to be done. */
  action: string | null;
  /** The language the words are in: French when the station's own sentence is shown. */
  lang: SelfCheckLanguage;
}

/** One line in `language`, from its code; the station's French sentence when the code is unknown. */
export function wordSelfCheckLine(
  line: SelfCheckFindingText,
  language: SelfCheckLanguage,
): WordedSelfCheckLine {
  const fallback: WordedSelfCheckLine = { detail: line.detail, action: line.action ?? null, lang: 'fr' };
  const { code } = line;
  const params = line.params ?? {};
  if (!isSelfCheckCode(code) || !selfCheckParamsFit(code, params)) return fallback;
  const sentences = SELF_CHECK_WORDING[language][code] as SelfCheckSentences<SelfCheckCode>;
  const typed = params as SelfCheckParamsOf<SelfCheckCode>;
  const f = selfCheckFormats(language);
  try {
    const toDo = line.status === 'warning' || line.status === 'failure';
    return {
      detail: sentences.detail(typed, f),
      action: toDo && sentences.action ? sentences.action(typed, f) : null,
      lang: language,
    };
  } catch {
    return fallback;
  }
}
