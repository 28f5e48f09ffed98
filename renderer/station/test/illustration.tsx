// A challenge's illustration: a package image the station stored in the candidate's sandbox (asked
// for like a file, by its hash). If it cannot be shown, its description is, with what to do: report it,
// or, once a report of the question is pending (« Signaler un problème » disabled), tell the invigilator.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Illustration as IllustrationData } from '../../../core/challenge/challenge.ts';
import { useStationApi } from '../state/station-context.tsx';

/** The description of an illustration that cannot be shown, and what to do about it. */
export function MissingIllustration({ alt, reported }: { alt: string; reported: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice-warning illustration-missing" data-testid="illustration-missing">
      <p className="notice-title">
        {t(reported ? 'test.illustrationMissingReported' : 'test.illustrationMissing')}
      </p>
      <p>{alt}</p>
    </div>
  );
}

export function Illustration({
  challengeId,
  image,
  reported,
}: {
  challengeId: string;
  image: IllustrationData;
  /** A report of this question is pending. */
  reported: boolean;
}) {
  const { t } = useTranslation();
  const api = useStationApi();
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    void api.openAttachment({ challengeId, hash: image.hash }).then((result) => {
      if (!live) return;
      if (result.ok && result.value.viewer === 'image') setUrl(result.value.url);
      else setFailed(true);
    });
    return () => {
      live = false;
    };
  }, [api, challengeId, image.hash]);

  if (failed) return <MissingIllustration alt={image.alt} reported={reported} />;
  return (
    <figure className="illustration">
      {url ? (
        <img src={url} alt={image.alt} onError={() => setFailed(true)} data-testid="illustration" />
      ) : (
        <p role="status" className="muted">
          {t('common.loading')}
        </p>
      )}
    </figure>
  );
}
