import '../../i18n/parts/audit';
import { translator, type TFunction } from '../../i18n/translator';

/** The action as people read it ("Đăng nhập" for auth.signed_in); a code without a label yet shows as itself. */
export function auditActionLabel(action: string, t: TFunction): string {
  const key = `auditActions.${action}`;
  return translator.exists(key) ? (t(key as never) as string) : action;
}
