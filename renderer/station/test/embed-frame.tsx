// An embedded simulator: a web page in a sandboxed frame (scripts and forms only: no same-origin
// access, no popups, no top navigation). It may post the answer itself with postMessage; only
// messages from this frame are read, and only a short text is taken. The frame is created once the
// question has been painted: its page loads on its own time, and creating it (a frame, often its own
// process) must not hold back the question the candidate is waiting for.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Embed } from '../../../core/challenge/challenge.ts';
import { afterPaint } from './after-paint.ts';

const MAX_POSTED_ANSWER = 2000;

export function EmbedFrame({
  embed,
  onAnswer,
}: {
  embed: Embed;
  onAnswer: ((answer: string) => void) | null;
}) {
  const { t } = useTranslation();
  const frame = useRef<HTMLIFrameElement>(null);
  const onAnswerRef = useRef(onAnswer);
  onAnswerRef.current = onAnswer;
  const [shown, setShown] = useState(false);
  useEffect(() => afterPaint(() => setShown(true)), []);

  useEffect(() => {
    const listener = (event: MessageEvent) => {
      if (!frame.current || event.source !== frame.current.contentWindow) return;
      const answer = postedAnswer(event.data);
      if (answer !== null) onAnswerRef.current?.(answer);
    };
    window.addEventListener('message', listener);
    return () => window.removeEventListener('message', listener);
  }, []);

  return (
    <section className="embed" aria-labelledby="embed-title">
      <h2 id="embed-title" className="section-title">
        {t('test.embed.title')}
      </h2>
      {shown ? (
        <iframe
          ref={frame}
          className="embed-frame"
          src={embed.url}
          title={embed.title}
          height={embed.height}
          sandbox="allow-scripts allow-forms"
          referrerPolicy="no-referrer"
          allow=""
        />
      ) : (
        // The frame's place is kept, so nothing moves when it appears.
        <div className="embed-frame embed-frame-waiting" style={{ height: embed.height }} role="status">
          {t('common.loading')}
        </div>
      )}
    </section>
  );
}

/** A simulator posts either the answer text or `{ answer: text }` (Pix embeds' convention). */
export function postedAnswer(data: unknown): string | null {
  const value =
    typeof data === 'string'
      ? data
      : typeof data === 'object' && data !== null && typeof (data as { answer?: unknown }).answer === 'string'
        ? (data as { answer: string }).answer
        : null;
  if (value === null || value.length > MAX_POSTED_ANSWER) return null;
  return value;
}
