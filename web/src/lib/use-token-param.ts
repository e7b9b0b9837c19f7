import { tokenSchema } from '@hpen/server/contracts';
import { useSearchParams } from 'react-router';

/** The one-time token from an e-mailed link, or null when it is missing or malformed. */
export function useTokenParam(): string | null {
  const [params] = useSearchParams();
  const result = tokenSchema.safeParse(params.get('token') ?? '');
  return result.success ? result.data : null;
}
