import i18next, { type TFunction } from 'i18next';
import '../../i18n/parts/audit';

/** The action as people read it ("Đăng nhập" for auth.signed_in); a code without a label yet shows as itself. */
export function auditActionLabel(action: string, t: TFunction): string {
  const key = `auditActions.${action}`;
  return i18next.exists(key) ? (t(key as never) as string) : action;
}
