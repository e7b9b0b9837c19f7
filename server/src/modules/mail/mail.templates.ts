import type { Locale } from '@hpen/db/enums';
import type { MailMessage } from './mail.service.js';

const SIGNATURE = {
  vi: 'Mạng lưới Trí thức Hải Phòng',
  en: 'Hai Phong Expert Network',
};

interface LinkMail {
  to: string;
  name: string;
  link: string;
  locale: Locale;
}

/** Each template is bilingual, user's language first: the reader may not have chosen one yet. */
function bilingual(locale: Locale, vi: string, en: string): string {
  const [first, second] = locale === 'en' ? [en, vi] : [vi, en];
  return `${first}\n\n----\n\n${second}\n`;
}

export function verifyEmailMail({ to, name, link, locale }: LinkMail): MailMessage {
  return {
    to,
    subject: locale === 'en' ? 'Confirm your e-mail address' : 'Xác nhận địa chỉ e-mail',
    text: bilingual(
      locale,
      `Kính gửi ${name},\n\nVui lòng xác nhận địa chỉ e-mail của bạn bằng liên kết sau (hiệu lực 48 giờ):\n${link}\n\nNếu bạn không đăng ký, hãy bỏ qua thư này.\n\n${SIGNATURE.vi}`,
      `Dear ${name},\n\nPlease confirm your e-mail address with this link (valid for 48 hours):\n${link}\n\nIf you did not sign up, ignore this message.\n\n${SIGNATURE.en}`,
    ),
  };
}

export function resetPasswordMail({ to, name, link, locale }: LinkMail): MailMessage {
  return {
    to,
    subject: locale === 'en' ? 'Reset your password' : 'Đặt lại mật khẩu',
    text: bilingual(
      locale,
      `Kính gửi ${name},\n\nĐể đặt lại mật khẩu, hãy mở liên kết sau (hiệu lực 1 giờ):\n${link}\n\nNếu bạn không yêu cầu, hãy bỏ qua thư này; mật khẩu của bạn không thay đổi.\n\n${SIGNATURE.vi}`,
      `Dear ${name},\n\nTo reset your password, open this link (valid for 1 hour):\n${link}\n\nIf you did not ask for this, ignore this message; your password is unchanged.\n\n${SIGNATURE.en}`,
    ),
  };
}

export function invitationMail({
  to,
  name,
  link,
  locale,
  organisation,
  role,
}: LinkMail & { organisation: string; role: string }): MailMessage {
  return {
    to,
    subject: locale === 'en' ? 'You are invited to the Hai Phong Expert Network' : 'Lời mời tham gia Mạng lưới Trí thức Hải Phòng',
    text: bilingual(
      locale,
      `Kính gửi ${name},\n\nBạn được mời tham gia với vai trò "${role}" thuộc ${organisation}. Hãy đặt mật khẩu bằng liên kết sau (hiệu lực 7 ngày):\n${link}\n\n${SIGNATURE.vi}`,
      `Dear ${name},\n\nYou are invited to join as "${role}" of ${organisation}. Set your password with this link (valid for 7 days):\n${link}\n\n${SIGNATURE.en}`,
    ),
  };
}

export function claimProfileMail({ to, name, link, locale, claimant }: LinkMail & { claimant: string }): MailMessage {
  return {
    to,
    subject: locale === 'en' ? 'Confirm that this expert profile is yours' : 'Xác nhận hồ sơ chuyên gia của bạn',
    text: bilingual(
      locale,
      `Kính gửi ${name},\n\nTài khoản "${claimant}" yêu cầu nhận hồ sơ chuyên gia mang tên bạn trên Mạng lưới Trí thức Hải Phòng. Nếu đó là bạn, hãy mở liên kết sau khi đã đăng nhập (hiệu lực 48 giờ):\n${link}\n\nNếu không phải bạn, hãy bỏ qua thư này; hồ sơ không thay đổi.\n\n${SIGNATURE.vi}`,
      `Dear ${name},\n\nThe account "${claimant}" asked to take over the expert profile in your name on the Hai Phong Expert Network. If that is you, open this link while signed in (valid for 48 hours):\n${link}\n\nIf it is not you, ignore this message; the profile stays as it is.\n\n${SIGNATURE.en}`,
    ),
  };
}

/** A short bilingual notice (no link): decisions on memberships and verifications. */
export function noticeMail({
  to,
  locale,
  subject,
  vi,
  en,
}: {
  to: string;
  locale: Locale;
  subject: { vi: string; en: string };
  vi: string;
  en: string;
}): MailMessage {
  return {
    to,
    subject: locale === 'en' ? subject.en : subject.vi,
    text: bilingual(locale, `${vi}\n\n${SIGNATURE.vi}`, `${en}\n\n${SIGNATURE.en}`),
  };
}
