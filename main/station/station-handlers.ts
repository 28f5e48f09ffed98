// Binds every StationApi method to the station services: the exam runtime, the challenge browser and
// the attachment viewer. Transport-free: Electron's IPC and the browser harness both dispatch here.
import type { Attachment, PackagedChallenge } from '../../core/challenge/challenge.ts';
import { illustrationContent } from './attachments/attachment-store.ts';
import type { BrowserState, StationResult } from '../../core/contracts/station-api.ts';
import type { SelfCheckReport } from '../../core/contracts/station-self-check.ts';
import type { z } from 'zod';
import type { ViewerKindSchema } from '../../core/contracts/station-api.ts';
import type { ExamRuntime } from './runtime/exam-runtime.ts';
import type { StationHandlers } from './station-dispatcher.ts';

export type BrowserBounds = { x: number; y: number; width: number; height: number };

/** The challenge browser: a view owned by the main process in Electron, a fake in tests. */
export interface ChallengeBrowser {
  navigate(url: string): Promise<StationResult<BrowserState>>;
  back(): Promise<StationResult<BrowserState>>;
  forward(): Promise<StationResult<BrowserState>>;
  reload(): Promise<StationResult<BrowserState>>;
  home(): Promise<StationResult<BrowserState>>;
  setBounds(bounds: BrowserBounds | null): Promise<void> | void;
  /** Gives the keyboard to the page; false when no page is shown. Absent where it cannot (harness). */
  focus?(): boolean;
}

/** Copies an attachment into the candidate's sandbox and says how to show it. */
export interface AttachmentViewer {
  open(
    testId: string,
    attachment: Attachment,
  ): Promise<StationResult<{ viewer: z.infer<typeof ViewerKindSchema>; url: string }>>;
}

/** The host's self-check (main/station/self-check/), for the referent's "Vérifier ce poste" screen. */
export type SelfCheckPort = () => Promise<SelfCheckReport>;

export function createStationHandlers(
  runtime: ExamRuntime,
  browser: ChallengeBrowser,
  viewer: AttachmentViewer,
  selfCheck?: SelfCheckPort,
): StationHandlers {
  return {
    getStatus: () => ({ ok: true, value: runtime.status() }),
    signIn: (request) => runtime.signIn(request),
    cancelSignIn: () => runtime.cancelSignIn(),
    acceptInstructions: () => runtime.acceptInstructions(),
    getCurrentChallenge: () => runtime.currentChallenge(),
    saveDraft: ({ challengeId, value }) => runtime.saveDraft(challengeId, value),
    submitAnswer: ({ challengeId, value }) => runtime.submitAnswer(challengeId, value),
    skipChallenge: ({ challengeId }) => runtime.skipChallenge(challengeId),
    reportFocusLost: ({ challengeId }) => runtime.reportFocusLost(challengeId),
    raiseAlert: ({ challengeId }) => runtime.raiseAlert(challengeId),
    withdrawAlert: ({ challengeId }) => runtime.withdrawAlert(challengeId),
    openAttachment: async ({ challengeId, hash }) => {
      const current = runtime.currentChallenge();
      if (!current.ok) return current;
      const { challenge } = current.value;
      const attachment =
        challenge.attachments.find((a) => a.hash === hash) ?? illustrationAsAttachment(challenge, hash);
      const testId = runtime.testId;
      if (current.value.challenge.id !== challengeId || !attachment || !testId) {
        return {
          ok: false,
          error: { code: 'UNKNOWN_ATTACHMENT', message: 'this file is not part of the current challenge' },
        };
      }
      const opened = await viewer.open(testId, attachment);
      return opened.ok ? { ok: true, value: { attachment, ...opened.value } } : opened;
    },
    finishTest: () => runtime.finishTest(),
    returnHome: () => runtime.returnHome(),
    browserNavigate: ({ url }) => browser.navigate(url),
    browserBack: () => browser.back(),
    browserForward: () => browser.forward(),
    browserReload: () => browser.reload(),
    browserHome: () => browser.home(),
    browserSetBounds: async ({ bounds }) => {
      await browser.setBounds(bounds);
      return { ok: true, value: {} };
    },
    browserFocus: async () =>
      browser.focus?.()
        ? { ok: true, value: {} }
        : { ok: false, error: { code: 'ILLEGAL_TRANSITION', message: 'No browser page is shown.' } },
    // Between candidates only: a check probes the network and the disk, never during a test.
    runSelfCheck: async () => {
      if (runtime.status().exam.phase !== 'idle') {
        return {
          ok: false,
          error: {
            code: 'ILLEGAL_TRANSITION',
            message: 'The station can be checked only between candidates.',
          },
        };
      }
      if (!selfCheck) {
        return {
          ok: false,
          error: { code: 'STATION_NOT_READY', message: 'This station cannot check itself here.' },
        };
      }
      return { ok: true, value: await selfCheck() };
    },
  };
}

/** The illustration opens like a file (in the image viewer), so the screens load it from the sandbox. */
function illustrationAsAttachment(challenge: PackagedChallenge, hash: string): Attachment | undefined {
  const image = challenge.illustration;
  if (image?.hash !== hash) return undefined;
  // A package gives no size for an illustration: 0 means "not known".
  return { ...illustrationContent(image), size: 0 };
}
