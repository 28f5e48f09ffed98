// An embedded simulator: a web page in a sandboxed frame (scripts and forms only: no same-origin
// access, no popups, no top navigation). It may post the answer itself with postMessage; only
// messages from this frame are read, and only a short text is taken.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Embed } from '../../../core/challenge/challenge.ts';

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
