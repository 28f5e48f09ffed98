// A queued result e-mail (the publication's, or an update after it) made into a message at the time it
// is sent, from the results as they are then (the back office's view of them, a jury's later correction
// included), with each certified candidate's certificate attached: the same PDF the back office
// downloads (results/certificate-pdf.ts).
import type { ServerContext } from '../context.ts';
import { certificatePdf } from '../results/certificate-pdf.ts';
import { certificateView, resultsView } from '../results/results-view.ts';
import { centreName } from '../sessions/session-service.ts';
import type { StoredResultEmail } from '../storage/repositories.ts';
import {
  MAX_ATTACHED_CERTIFICATES,
  resultEmailMessage,
  type ResultEmailCandidate,
  type ResultEmailMessage,
} from './result-email-message.ts';

export interface ResultEmailAttachment {
  filename: string;
  content: Buffer;
  contentType: 'application/pdf';
}

export interface ComposedResultEmail extends ResultEmailMessage {
  attachments: ResultEmailAttachment[];
}

/** A file name any mail client keeps: the holder's name without accents, and the code. */
function certificateFileName(firstName: string, lastName: string, code: string): string {
  const plain = (text: string) =>
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
  return ['certificat', plain(lastName), plain(firstName), code].filter(Boolean).join('-') + '.pdf';
}

/**
 * The message for `email`, or null when there is nothing left to send: the session is gone or no longer
 * published, or none of its candidates has a result any more.
 */
export async function composeResultEmail(
  ctx: ServerContext,
  email: StoredResultEmail,
  verificationPage: string,
): Promise<ComposedResultEmail | null> {
  const session = await ctx.store.sessions.get(email.sessionId);
  if (!session || session.publishedAt === null) return null;
  const [view, candidates, results, centre] = await Promise.all([
    resultsView(ctx, session),
    ctx.store.candidates.listBySession(session.id),
    ctx.store.results.listBySession(session.id),
    centreName(ctx, session.centreId),
  ]);
  const viewOf = new Map(view.results.map((r) => [r.candidateId, r]));
  const candidateOf = new Map(candidates.map((c) => [c.id, c]));
  const resultOf = new Map(results.map((r) => [r.candidateId, r]));
  const listed: ResultEmailCandidate[] = [];
  const attachments: ResultEmailAttachment[] = [];
  const certified = email.candidateIds.filter((id) => viewOf.get(id)?.status === 'validated').length;
  const certificatesAttached = certified <= MAX_ATTACHED_CERTIFICATES;
  for (const candidateId of email.candidateIds) {
    const shown = viewOf.get(candidateId);
    const candidate = candidateOf.get(candidateId);
    const result = resultOf.get(candidateId);
    if (!shown || !candidate || !result) continue;
    // A certificate only for what the results page calls certified, as its download does.
    const certificate =
      shown.status === 'validated' ? certificateView(result, candidate, session, centre) : null;
    listed.push({
      firstName: shown.firstName,
      lastName: shown.lastName,
      status: shown.status,
      pixScore: shown.pixScore,
      verificationCode: certificate?.verificationCode ?? null,
    });
    if (certificate && certificatesAttached) {
      attachments.push({
        filename: certificateFileName(
          certificate.firstName,
          certificate.lastName,
          certificate.verificationCode,
        ),
        content: await certificatePdf(certificate, { verificationPage }),
        contentType: 'application/pdf',
      });
    }
  }
  if (listed.length === 0) return null;
  // An update names its candidate as the results now do (an identity correction: the corrected name),
  // with their status now, against which the message checks that its cause still holds.
  const about = email.update === null ? null : viewOf.get(email.update.candidateId);
  const message = resultEmailMessage({
    update:
      email.update === null || !about
        ? null
        : {
            causes: email.update.causes,
            firstName: about.firstName,
            lastName: about.lastName,
            status: about.status,
          },
    sessionNumber: session.number,
    date: session.date,
    time: session.time,
    centre,
    candidates: listed,
    verificationPage,
    certificatesAttached,
  });
  return { ...message, attachments };
}
