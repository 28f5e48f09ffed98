// Thirty candidates in every state the invigilator meets, for the room's screenshots and checks:
// pending alerts (on questions with an image, a file, embedded content), resume requests (on the same
// station and on another), candidates waiting for presence confirmation, a silent station, lockdown
// events, pauses, tests under way (some with extra time), finished ones (result received or still
// uploading, one ended by the invigilator) and candidates not arrived.
import {
  defaultProcessDenyListSetting,
  describeForbidden,
  effectiveDenyList,
} from '../../core/lockdown/process-deny-list.ts';
import { LockdownWatch, type LockdownReport } from '../../main/station/lockdown/lockdown-watch.ts';
import type { SimulatedRoom, SimulatedStation } from './simulated-room.ts';

export interface MixedRoom {
  /** Keys of the candidates by what they show. */
  roles: Map<string, string>;
  /** The silent station stopped at this time (Date.now()): wait until it reads as missing. */
  silentSince: number;
}

/** What the station's lockdown watch reports for what `act` makes it see (`advance`: time passing). */
async function watched(
  act: (watch: LockdownWatch, advance: (ms: number) => void) => Promise<void>,
): Promise<LockdownReport[]> {
  const reports: LockdownReport[] = [];
  let now = 0;
  const watch = new LockdownWatch({ report: (r) => void reports.push(r), now: () => now });
  await act(watch, (ms) => (now += ms));
  return reports;
}

export async function seedMixedRoom(room: SimulatedRoom): Promise<MixedRoom> {
  const roles = new Map<string, string>();
  const keys = room.keys;
  let next = 0;
  const take = (role: string) => {
    const key = keys[next++];
    if (!key) throw new Error('not enough candidates for the mixed room');
    roles.set(key, role);
    return key;
  };
  const station = (key: string, n: number) => room.station(key, `Poste ${String(n).padStart(2, '0')}`);
  let number = 1;
  const started = async (
    role: string,
    answered: number,
    minutes: number,
  ): Promise<SimulatedStation | null> => {
    const key = take(role);
    const s = await station(key, number++);
    try {
      await s.startTest({ answered, startedMinutesAgo: minutes });
    } catch (error) {
      // The demo session has a candidate who is not certifiable: they cannot join.
      if (String(error).includes('NOT_CERTIFIABLE')) {
        roles.set(key, 'notArrived');
        return null;
      }
      throw error;
    }
    return s;
  };

  // The silent station first, so that its silence is long enough by the end.
  const silent = await started('stationMissing', 14, 30);
  if (silent) silent.beating = false;
  const silentSince = Date.now();

  const image = await started('alert-image', 6, 12);
  await image?.raiseAlert(image.questionWith((c) => c.illustration !== undefined));
  const file = await started('alert-file', 11, 20);
  await file?.raiseAlert(file.questionWith((c) => c.attachments.length > 0));
  const embed = await started('alert-embed', 20, 38);
  await embed?.raiseAlert(embed.questionWith((c) => c.embed !== undefined));

  // Resume on the same station after a relaunch, and on another station after a breakdown.
  const relaunched = await started('resume-same', 17, 33);
  if (relaunched) relaunched.phase = 'resumePending';
  await relaunched?.heartbeat();
  const broken = await started('resume-other', 9, 18);
  if (broken) {
    broken.beating = false;
    const spare = await room.station(broken.key, `Poste ${String(number++).padStart(2, '0')}`);
    await spare.join('resumePending');
    room.stations.set(`${broken.key}-spare`, spare);
  }

  for (let i = 0; i < 3; i += 1) {
    const key = take('waiting');
    await (await station(key, number++)).join('waiting').catch((error: unknown) => {
      if (!String(error).includes('NOT_CERTIFIABLE')) throw error;
      roles.set(key, 'notArrived');
    });
  }
  await (await station(take('signedIn'), number++)).join('signedIn');
  const authorizedKey = take('startAuthorized');
  await (await station(authorizedKey, number++)).join('waiting');
  await room.command(authorizedKey, { type: 'authorizeStart' });

  // The events as the station's own watch reports them (its French sentence and its facts).
  const locked = await started('lockdown-paused', 8, 16);
  for (const report of await watched((watch) => watch.focusLost())) await locked?.lockdown(report, true);
  const forbidden = await started('lockdown-event', 13, 25);
  // Relaunched after a power cut the day before: the last sign of life is said with its date.
  for (const report of await watched((watch) =>
    watch.previousExitWasUnclean(new Date(Date.now() - 30 * 3600_000)),
  ))
    await forbidden?.lockdown(report, false);
  // An older station's record: its French sentence only.
  await forbidden?.lockdown(
    {
      event: 'displayAdded',
      detail: 'Écran branché : DELL U2419H (1920×1080). Il est recouvert par un écran vide.',
    },
    false,
  );
  const teamviewer = effectiveDenyList(defaultProcessDenyListSetting()).find((e) => e.id === 'teamviewer');
  if (!teamviewer) throw new Error('TeamViewer is no longer deny-listed');
  const reports = await watched(async (watch, advance) => {
    await watch.focusLost();
    advance(130_000);
    await watch.focusRegained();
    const processes = ['TeamViewer.exe'];
    const description = describeForbidden(teamviewer, processes);
    await watch.forbiddenProcess({ entry: teamviewer, processes, description, lock: false });
  });
  for (const report of reports) await forbidden?.lockdown(report, report.lock);
  const paused = await started('paused', 10, 21);
  await paused?.pausedByInvigilator('Téléphone sorti');

  for (const [answered, minutes] of [
    [3, 5],
    [7, 14],
    [12, 24],
    [15, 28],
    [22, 41],
    [25, 47],
    [30, 56],
    [36, 70],
  ] as const) {
    await started('inProgress', answered, minutes);
  }

  for (let i = 0; i < 3; i += 1) {
    const done = await started('resultReceived', 30 + i * 3, 80 + i * 5);
    await done?.end('finished', { upload: true });
  }
  const uploading = await started('ended', 40, 104);
  await uploading?.end('timeUp', { upload: false });
  const stopped = await started('endedByInvigilator', 12, 30);
  if (stopped) {
    await stopped.acknowledge(await room.command(stopped.key, { type: 'endTest' }));
    await stopped.end('endedByInvigilator', { upload: true });
  }
  while (next < keys.length) take('notArrived');
  room.startHeartbeats();
  return { roles, silentSince };
}
