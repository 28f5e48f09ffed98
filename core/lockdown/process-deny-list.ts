// The process deny list (LOCKDOWN.md, "what SEB offers"): software that lets someone else see or drive
// the station, records or shares its screen, brings messages in, or answers for the candidate. The
// station lists running processes every ~2 s during a test and reports those that match
// (main/station/lockdown/process-watch.ts). Pure: the station's platform and the process listing come in.
//
// "Matched even when renamed": a process is matched by its name (case-insensitive, `.exe` ignored) and
// also by what the listing gives beyond the name, searched as whole words: on Windows the executable's
// version information (company, product, description, original file name), which a renamed copy keeps;
// on Linux and macOS the executable's path and the program named on its command line.
import { z } from 'zod';

export const PROCESS_CATEGORIES = ['remoteControl', 'screenSharing', 'messaging', 'aiAssistant'] as const;
export const ProcessCategorySchema = z.enum(PROCESS_CATEGORIES);
export type ProcessCategory = z.infer<typeof ProcessCategorySchema>;

/** Category names for the reports (French first). */
export const PROCESS_CATEGORY_LABELS: Record<ProcessCategory, { fr: string; en: string }> = {
  remoteControl: { fr: 'prise de main à distance', en: 'remote control' },
  screenSharing: { fr: 'partage ou enregistrement d’écran', en: 'screen sharing or recording' },
  messaging: { fr: 'messagerie', en: 'messaging' },
  aiAssistant: { fr: 'assistant d’intelligence artificielle', en: 'AI assistant' },
};

export const PROCESS_OSES = ['windows', 'linux', 'macos'] as const;
export type ProcessOs = (typeof PROCESS_OSES)[number];

const ProcessEntryIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,47}$/, 'must be lower-case letters, digits and dashes, e.g. "my-tool"');

/** An executable's file name as a process listing shows it (no folder). */
const ProcessNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine((name) => !/[/\\]/.test(name), 'must be a file name, without a folder');

const NameListSchema = z.array(ProcessNameSchema).max(40).default([]);

export const ProcessDenyEntrySchema = z
  .object({
    id: ProcessEntryIdSchema,
    /** The software's name as the invigilator knows it ("AnyDesk"). */
    label: z.string().trim().min(1).max(80),
    category: ProcessCategorySchema,
    /** Executable names per system. */
    names: z.object({ windows: NameListSchema, linux: NameListSchema, macos: NameListSchema }).strict(),
    /**
     * Words found in the version information (Windows) or the executable's path (Linux, macOS) of the
     * software, whatever its file is called: "AnyDesk", "TeamViewer", "/opt/zoom/".
     */
    markers: z.array(z.string().trim().min(3).max(120)).max(40).default([]),
  })
  .strict()
  .refine(
    (e) => e.markers.length + e.names.windows.length + e.names.linux.length + e.names.macos.length > 0,
    'needs at least one name or marker',
  );
export type ProcessDenyEntry = z.infer<typeof ProcessDenyEntrySchema>;
type EntryInput = z.input<typeof ProcessDenyEntrySchema>;

export const FORBIDDEN_PROCESS_ACTIONS = ['report', 'lock'] as const;

// Names are written as each system shows them; markers as whole words of the vendor's product or
// company name, or of its install folder.
const SHIPPED: readonly EntryInput[] = [
  // ---------------------------------------------------------------- remote control
  {
    id: 'teamviewer',
    label: 'TeamViewer',
    category: 'remoteControl',
    names: {
      windows: [
        'TeamViewer.exe',
        'TeamViewer_Service.exe',
        'TeamViewerQS.exe',
        'TeamViewer_Desktop.exe',
        'tv_w32.exe',
        'tv_x64.exe',
      ],
      linux: ['teamviewer', 'teamviewerd', 'TeamViewer_Desktop'],
      macos: ['TeamViewer', 'TeamViewer_Desktop', 'TeamViewer_Service'],
    },
    markers: ['TeamViewer'],
  },
  {
    id: 'anydesk',
    label: 'AnyDesk',
    category: 'remoteControl',
    names: { windows: ['AnyDesk.exe'], linux: ['anydesk'], macos: ['AnyDesk'] },
    markers: ['AnyDesk', 'philandro'],
  },
  {
    id: 'rustdesk',
    label: 'RustDesk',
    category: 'remoteControl',
    names: { windows: ['rustdesk.exe'], linux: ['rustdesk'], macos: ['RustDesk', 'rustdesk'] },
    markers: ['RustDesk'],
  },
  {
    id: 'vnc',
    label: 'VNC (serveur ou visionneuse)',
    category: 'remoteControl',
    names: {
      windows: [
        'winvnc.exe',
        'winvnc4.exe',
        'tvnserver.exe',
        'tvnviewer.exe',
        'vncserver.exe',
        'vncviewer.exe',
        'uvnc_service.exe',
      ],
      linux: [
        'x11vnc',
        'vncserver',
        'Xvnc',
        'Xtightvnc',
        'Xtigervnc',
        'vncviewer',
        'xtigervncviewer',
        'krfb',
        'vino-server',
        'wayvnc',
        'remmina',
      ],
      macos: ['vncserver', 'vncviewer', 'VNC Viewer', 'VNC Server'],
    },
    markers: ['RealVNC', 'TightVNC', 'UltraVNC', 'TigerVNC', 'TurboVNC', 'x11vnc', 'Remmina'],
  },
  {
    id: 'chrome-remote-desktop',
    label: 'Bureau à distance Chrome',
    category: 'remoteControl',
    names: {
      windows: ['remoting_host.exe', 'remoting_desktop.exe', 'remote_assistance_host.exe'],
      linux: ['chrome-remote-desktop-host', 'chrome-remote-desktop', 'remoting_user_session'],
      macos: ['remoting_me2me_host', 'ChromeRemoteDesktopHost'],
    },
    markers: ['Chrome Remote Desktop', 'chrome-remote-desktop'],
  },
  {
    id: 'splashtop',
    label: 'Splashtop',
    category: 'remoteControl',
    names: {
      windows: ['SRServer.exe', 'SRManager.exe', 'SRService.exe', 'SRFeature.exe', 'strwinclt.exe'],
      linux: ['SRStreamer', 'splashtop-streamer'],
      macos: ['Splashtop Streamer', 'SRStreamer', 'Splashtop Business'],
    },
    markers: ['Splashtop'],
  },
  {
    id: 'parsec',
    label: 'Parsec',
    category: 'remoteControl',
    names: { windows: ['parsecd.exe', 'pservice.exe'], linux: ['parsecd'], macos: ['parsecd', 'Parsec'] },
    markers: ['Parsec Cloud'],
  },
  {
    id: 'screenconnect',
    label: 'ScreenConnect (ConnectWise Control)',
    category: 'remoteControl',
    names: {
      windows: ['ScreenConnect.ClientService.exe', 'ScreenConnect.WindowsClient.exe'],
      linux: [],
      macos: [],
    },
    markers: ['ScreenConnect', 'ConnectWise Control'],
  },
  {
    id: 'logmein',
    label: 'LogMeIn / GoTo Resolve',
    category: 'remoteControl',
    names: {
      windows: ['LogMeIn.exe', 'LMIGuardianSvc.exe', 'GoToAssist.exe'],
      linux: [],
      macos: ['LogMeIn'],
    },
    markers: ['LogMeIn', 'GoTo Resolve'],
  },
  {
    id: 'nomachine',
    label: 'NoMachine',
    category: 'remoteControl',
    names: {
      windows: ['nxservice64.exe', 'nxplayer.exe', 'nxserver.exe'],
      linux: ['nxserver', 'nxnode', 'nxplayer'],
      macos: ['nxplayer', 'nxserver'],
    },
    markers: ['NoMachine'],
  },
  {
    id: 'remote-utilities',
    label: 'Ammyy Admin, Supremo, Remote Utilities',
    category: 'remoteControl',
    names: {
      windows: ['AA_v3.exe', 'Supremo.exe', 'SupremoService.exe', 'rutserv.exe', 'rfusclient.exe'],
      linux: [],
      macos: [],
    },
    markers: ['Ammyy', 'Supremo', 'Remote Utilities'],
  },
  {
    id: 'quick-assist',
    label: 'Assistance rapide (Quick Assist)',
    category: 'remoteControl',
    names: { windows: ['QuickAssist.exe'], linux: [], macos: [] },
    markers: ['Quick Assist'],
  },
  // ---------------------------------------------------------------- screen sharing, recording, calls
  {
    id: 'obs',
    label: 'OBS Studio',
    category: 'screenSharing',
    names: { windows: ['obs64.exe', 'obs32.exe', 'obs.exe'], linux: ['obs'], macos: ['OBS', 'obs'] },
    markers: ['OBS Studio', 'obs-studio'],
  },
  {
    id: 'zoom',
    label: 'Zoom',
    category: 'screenSharing',
    names: {
      windows: ['Zoom.exe', 'CptHost.exe'],
      linux: ['zoom', 'ZoomLauncher', 'zoom.real'],
      macos: ['zoom.us', 'CptHost'],
    },
    markers: ['Zoom Video Communications', 'zoom.us', '/opt/zoom/'],
  },
  {
    id: 'teams',
    label: 'Microsoft Teams',
    category: 'screenSharing',
    names: {
      windows: ['Teams.exe', 'ms-teams.exe'],
      linux: ['teams', 'teams-for-linux'],
      macos: ['Microsoft Teams', 'MSTeams'],
    },
    markers: ['Microsoft Teams', 'teams-for-linux'],
  },
  {
    id: 'discord',
    label: 'Discord',
    category: 'screenSharing',
    names: { windows: ['Discord.exe'], linux: ['Discord', 'discord'], macos: ['Discord'] },
    markers: ['Discord'],
  },
  {
    id: 'skype',
    label: 'Skype',
    category: 'screenSharing',
    names: { windows: ['Skype.exe'], linux: ['skypeforlinux'], macos: ['Skype'] },
    markers: ['Skype'],
  },
  {
    id: 'webex',
    label: 'Webex',
    category: 'screenSharing',
    names: {
      windows: ['CiscoCollabHost.exe', 'webexmta.exe', 'atmgr.exe', 'Webex.exe'],
      linux: ['webex', 'CiscoCollabHost'],
      macos: ['Webex', 'Cisco Webex Meetings'],
    },
    markers: ['Webex'],
  },
  {
    id: 'sharex',
    label: 'ShareX',
    category: 'screenSharing',
    names: { windows: ['ShareX.exe'], linux: [], macos: [] },
    markers: ['ShareX'],
  },
  {
    id: 'loom',
    label: 'Loom',
    category: 'screenSharing',
    names: { windows: ['Loom.exe'], linux: [], macos: ['Loom'] },
    markers: ['Loom'],
  },
  {
    id: 'screen-recorders',
    label: 'Enregistreur d’écran',
    category: 'screenSharing',
    names: {
      windows: [
        'bdcam.exe',
        'CamtasiaStudio.exe',
        'CamRecorder.exe',
        'Snagit32.exe',
        'SnagitEditor.exe',
        'ScreenRec.exe',
      ],
      linux: [
        'simplescreenrecorder',
        'kazam',
        'vokoscreenNG',
        'vokoscreen',
        'kooha',
        'peek',
        'gpu-screen-recorder',
        'wf-recorder',
        'recordmydesktop',
        'gtk-recordmydesktop',
        'green-recorder',
      ],
      macos: ['Camtasia', 'Snagit', 'ScreenFlow', 'Kap'],
    },
    markers: ['Bandicam', 'Camtasia', 'Snagit', 'SimpleScreenRecorder', 'Kazam', 'vokoscreen', 'ScreenFlow'],
  },
  // ---------------------------------------------------------------- messaging
  {
    id: 'whatsapp',
    label: 'WhatsApp',
    category: 'messaging',
    names: {
      windows: ['WhatsApp.exe', 'WhatsApp.Root.exe'],
      linux: ['whatsapp-for-linux', 'whatsapp-desktop', 'zapzap'],
      macos: ['WhatsApp'],
    },
    markers: ['WhatsApp'],
  },
  {
    id: 'telegram',
    label: 'Telegram',
    category: 'messaging',
    names: { windows: ['Telegram.exe'], linux: ['telegram-desktop', 'Telegram'], macos: ['Telegram'] },
    markers: ['Telegram'],
  },
  {
    id: 'signal',
    label: 'Signal',
    category: 'messaging',
    names: { windows: ['Signal.exe'], linux: ['signal-desktop'], macos: ['Signal'] },
    markers: ['Signal Messenger', 'signal-desktop'],
  },
  {
    id: 'slack',
    label: 'Slack',
    category: 'messaging',
    names: { windows: ['slack.exe'], linux: ['slack'], macos: ['Slack'] },
    markers: ['Slack'],
  },
  {
    id: 'messenger',
    label: 'Messenger',
    category: 'messaging',
    names: { windows: ['Messenger.exe'], linux: [], macos: ['Messenger'] },
    markers: ['Facebook Messenger'],
  },
  {
    id: 'other-messaging',
    label: 'Messagerie (Viber, Element, Wire, Snapchat)',
    category: 'messaging',
    names: {
      windows: ['Viber.exe', 'Element.exe', 'Wire.exe'],
      linux: ['ViberPC', 'viber', 'element-desktop', 'wire-desktop'],
      macos: ['Viber', 'Element', 'Wire'],
    },
    markers: ['Viber', 'element-desktop', 'Element.app', 'wire-desktop'],
  },
  // ---------------------------------------------------------------- AI assistants
  {
    id: 'chatgpt',
    label: 'ChatGPT',
    category: 'aiAssistant',
    names: { windows: ['ChatGPT.exe'], linux: ['chatgpt'], macos: ['ChatGPT'] },
    markers: ['ChatGPT', 'OpenAI'],
  },
  {
    id: 'claude',
    label: 'Claude',
    category: 'aiAssistant',
    names: { windows: ['claude.exe'], linux: ['claude', 'claude-desktop'], macos: ['Claude', 'claude'] },
    markers: ['Anthropic', 'claude-desktop', 'Claude.app'],
  },
  {
    id: 'copilot',
    label: 'Microsoft Copilot',
    category: 'aiAssistant',
    names: {
      windows: ['Copilot.exe', 'Microsoft.Copilot.exe'],
      linux: [],
      macos: ['Copilot', 'Microsoft Copilot'],
    },
    markers: ['Microsoft Copilot'],
  },
  {
    id: 'perplexity',
    label: 'Perplexity',
    category: 'aiAssistant',
    names: { windows: ['Perplexity.exe'], linux: [], macos: ['Perplexity'] },
    markers: ['Perplexity'],
  },
  {
    id: 'local-llm',
    label: 'Modèle de langage local (Ollama, LM Studio, GPT4All)',
    category: 'aiAssistant',
    names: {
      windows: ['ollama.exe', 'ollama app.exe', 'LM Studio.exe'],
      linux: ['ollama', 'lm-studio', 'gpt4all'],
      macos: ['Ollama', 'ollama', 'LM Studio', 'gpt4all'],
    },
    markers: ['Ollama', 'LM Studio', 'GPT4All', 'Nomic AI'],
  },
];

/** The shipped list, validated (and copied: callers may not change the module's own). */
export function shippedDenyList(): ProcessDenyEntry[] {
  return SHIPPED.map((entry) => ProcessDenyEntrySchema.parse(entry));
}

const SHIPPED_IDS: ReadonlySet<string> = new Set(SHIPPED.map((e) => e.id));

/**
 * The centre's choices (setting `processDenyList`): what happens on a detection, shipped entries
 * switched off by id, and its own entries (one with a shipped id replaces that entry).
 */
export const ProcessDenyListSettingSchema = z
  .object({
    /** `report`: the invigilator is told; `lock`: the test also pauses until the invigilator resumes it. */
    onDetect: z.enum(FORBIDDEN_PROCESS_ACTIONS).default('report'),
    disabled: z.array(ProcessEntryIdSchema).max(200).default([]),
    entries: z.array(ProcessDenyEntrySchema).max(200).default([]),
  })
  .strict()
  .superRefine((setting, ctx) => {
    const own = new Set<string>();
    setting.entries.forEach((entry, i) => {
      if (own.has(entry.id)) {
        ctx.addIssue({ code: 'custom', path: ['entries', i, 'id'], message: `id "${entry.id}" given twice` });
      }
      own.add(entry.id);
    });
    setting.disabled.forEach((id, i) => {
      if (!SHIPPED_IDS.has(id) && !own.has(id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['disabled', i],
          message: `unknown id "${id}" (shipped ids: ${[...SHIPPED_IDS].join(', ')})`,
        });
      }
    });
  });
export type ProcessDenyListSetting = z.infer<typeof ProcessDenyListSettingSchema>;

export function defaultProcessDenyListSetting(): ProcessDenyListSetting {
  return { onDetect: 'report', disabled: [], entries: [] };
}

/** The entries in force: shipped ones (minus the disabled, replaced by the centre's), then the centre's. */
export function effectiveDenyList(setting: ProcessDenyListSetting): ProcessDenyEntry[] {
  const disabled = new Set(setting.disabled);
  const own = new Map(setting.entries.map((e) => [e.id, e]));
  const shipped = shippedDenyList()
    .filter((e) => !own.has(e.id))
    .filter((e) => !disabled.has(e.id));
  return [...shipped, ...setting.entries.filter((e) => !disabled.has(e.id))];
}

// ------------------------------------------------------------------------------------------ matching

/** One running process as a listing gives it. */
export interface ListedProcess {
  pid: number;
  /** Linux: /proc/<pid>/comm (at most 15 characters); macOS: ps's comm; Windows: the process name. */
  name: string;
  /** The executable's full path, when readable. */
  executable: string | null;
  /**
   * More that identifies the program, whatever its file is called: Windows version information
   * (company, product, description, original file name); Linux the program on its command line.
   */
  details: readonly string[];
}

interface CompiledEntry {
  entry: ProcessDenyEntry;
  names: ReadonlySet<string>;
  markers: readonly string[];
}

export interface CompiledDenyList {
  readonly os: ProcessOs;
  readonly entries: readonly CompiledEntry[];
}

/** Linux keeps only the first 15 bytes of a process name (TASK_COMM_LEN - 1). */
const LINUX_COMM_LENGTH = 15;

/** Lower case, no folder, no trailing `.exe`. */
export function normalizeProcessName(name: string): string {
  const base = name.trim().split(/[/\\]/).pop() ?? '';
  return base.toLowerCase().replace(/\.exe$/, '');
}

export function compileDenyList(entries: readonly ProcessDenyEntry[], os: ProcessOs): CompiledDenyList {
  return {
    os,
    entries: entries.map((entry) => ({
      entry,
      names: new Set(entry.names[os].map(normalizeProcessName).filter((n) => n.length > 0)),
      markers: entry.markers.map((m) => m.toLowerCase()),
    })),
  };
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** `marker` appears in `text` (both lower case) as whole words: "zoom" is in "/opt/zoom/zoom", not in "zoomit". */
function containsWords(text: string, marker: string): boolean {
  let from = 0;
  for (;;) {
    const at = text.indexOf(marker, from);
    if (at < 0) return false;
    const before = text[at - 1];
    const after = text[at + marker.length];
    const startOk = !isWordChar(marker[0]) || !isWordChar(before);
    const endOk = !isWordChar(marker[marker.length - 1]) || !isWordChar(after);
    if (startOk && endOk) return true;
    from = at + 1;
  }
}

function nameMatches(listed: ReadonlySet<string>, candidate: string, os: ProcessOs): boolean {
  if (candidate.length === 0) return false;
  if (listed.has(candidate)) return true;
  // A Linux comm cut at 15 characters: "simplescreenrec" is simplescreenrecorder.
  if (os === 'linux' && candidate.length === LINUX_COMM_LENGTH) {
    for (const name of listed) if (name.startsWith(candidate)) return true;
  }
  return false;
}

export interface ForbiddenMatch {
  entry: ProcessDenyEntry;
  /** The name to show: the one that matched ("anydesk" started as ./anydesk), else the process's. */
  shownAs: string;
}

const baseName = (name: string) => name.trim().split(/[/\\]/).pop() ?? '';

/** The deny-list entry this process belongs to, or null. */
export function findForbidden(process: ListedProcess, list: CompiledDenyList): ForbiddenMatch | null {
  const shown = [process.name, process.executable ?? '', ...process.details];
  const candidates = shown.map(normalizeProcessName);
  const texts = [process.executable ?? '', ...process.details]
    .filter((t) => t.length > 0)
    .map((t) => t.toLowerCase());
  for (const { entry, names, markers } of list.entries) {
    const byName = candidates.findIndex((c) => nameMatches(names, c, list.os));
    if (byName >= 0) return { entry, shownAs: baseName(shown[byName] ?? '') };
    if (markers.some((m) => texts.some((t) => containsWords(t, m)))) {
      return { entry, shownAs: baseName(process.name) };
    }
  }
  return null;
}

/** "AnyDesk (anydesk.exe, prise de main à distance)": what the invigilator and the jury read. */
export function describeForbidden(entry: ProcessDenyEntry, processNames: readonly string[]): string {
  const names = [...new Set(processNames)].slice(0, 3).join(', ');
  return `${entry.label} (${names ? `${names}, ` : ''}${PROCESS_CATEGORY_LABELS[entry.category].fr})`;
}
