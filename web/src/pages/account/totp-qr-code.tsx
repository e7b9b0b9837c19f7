import { useEffect, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';

/**
 * The otpauth:// URL as a QR image. The QR library is imported here, on demand, so it is a
 * chunk of its own that only someone setting up two-step sign-in downloads.
 */
export function TotpQrCode({ value }: { value: string }) {
  const { t } = useTranslation();
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void import('qrcode')
      .then((qr) => qr.toDataURL(value, { margin: 1, width: 220, errorCorrectionLevel: 'M' }))
      .then((url) => {
        if (live) setSrc(url);
      })
      .catch(() => {
        // The secret is shown as text beside the image: typing it in still works.
      });
    return () => {
      live = false;
    };
  }, [value]);
  return src ? (
    <img className="totp-qr" src={src} width={220} height={220} alt={t('security.qrAlt')} data-testid="totp-qr" />
  ) : (
    <div className="totp-qr totp-qr-placeholder" aria-hidden="true" />
  );
}
