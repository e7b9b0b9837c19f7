import { useSyncExternalStore } from 'react';
import { getSession, subscribeSession } from './session-store';

export function useSession() {
  return useSyncExternalStore(subscribeSession, getSession, getSession);
}
