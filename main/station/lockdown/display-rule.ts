// The display rule (LOCKDOWN.md): the exam uses one display, the primary one. Any other display is
// either covered with a blank window or makes the station refuse the exam, as the centre chooses
// (`extraDisplays`). Covering is the default: SEB's users complain most about display rules rejecting
// ordinary desktops, and a blank, unfocusable window on the extra display hides it just as well.
// A mirrored display (same area as the exam display) cannot be covered: it shows the exam itself.
import type { ExtraDisplayRule } from '../../../core/lockdown/station-settings.ts';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What the shell reads from Electron's `screen` (a subset of `Electron.Display`). */
export interface DisplayInfo {
  id: number;
  bounds: Rect;
  label?: string;
  internal?: boolean;
}

export type DisplayVerdict =
  | {
      ok: true;
      exam: DisplayInfo;
      /** Displays to hide behind a blank window. */
      cover: DisplayInfo[];
      /** Displays that repeat the exam display: nothing to hide, but the invigilator is told. */
      mirrors: DisplayInfo[];
    }
  | {
      ok: false;
      exam: DisplayInfo;
      reason: 'extraDisplays' | 'mirroredDisplay';
      /** The displays that break the rule. */
      offending: DisplayInfo[];
      /** For the invigilator and the station screen (French). */
      message: string;
    };

function sameArea(a: Rect, b: Rect): boolean {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}

export function describeDisplay(display: DisplayInfo): string {
  const size = `${display.bounds.width}×${display.bounds.height}`;
  return display.label ? `${display.label} (${size})` : `écran ${display.id} (${size})`;
}

/**
 * Applies the rule to the displays Electron reports. `primaryId` is the display the exam window goes
 * to; when it is missing from the list (a race while displays change), the first display is used.
 */
export function evaluateDisplays(
  displays: readonly DisplayInfo[],
  primaryId: number,
  rule: ExtraDisplayRule,
): DisplayVerdict | null {
  const exam = displays.find((d) => d.id === primaryId) ?? displays[0];
  if (!exam) return null;
  const others = displays.filter((d) => d !== exam);
  const mirrors = others.filter((d) => sameArea(d.bounds, exam.bounds));
  const extras = others.filter((d) => !mirrors.includes(d));
  if (rule === 'refuse' && (extras.length > 0 || mirrors.length > 0)) {
    const offending = [...extras, ...mirrors];
    return {
      ok: false,
      exam,
      reason: extras.length > 0 ? 'extraDisplays' : 'mirroredDisplay',
      offending,
      message:
        extras.length > 0
          ? `Ce poste a ${displays.length} écrans ; le centre n’en autorise qu’un pendant le test. Débranchez ${offending.map(describeDisplay).join(', ')}, puis prévenez le surveillant.`
          : `L’écran est recopié sur ${offending.map(describeDisplay).join(', ')} ; le centre ne l’autorise pas. Désactivez la recopie d’écran, puis prévenez le surveillant.`,
    };
  }
  return { ok: true, exam, cover: extras, mirrors };
}

export interface DisplayChange {
  added: DisplayInfo[];
  removed: DisplayInfo[];
}

/** What changed between two readings of the displays (a resolution change is neither). */
export function diffDisplays(before: readonly DisplayInfo[], after: readonly DisplayInfo[]): DisplayChange {
  return {
    added: after.filter((d) => !before.some((b) => b.id === d.id)),
    removed: before.filter((d) => !after.some((a) => a.id === d.id)),
  };
}
