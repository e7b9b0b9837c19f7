import { useEffect, useState } from 'react';
import { unreadCount } from '../api/notifications.api';

const CHANGED = 'hpen:notifications-changed';

/** Tells the header badge to look again (the notification centre after marking read). */
export function notificationsChanged() {
  window.dispatchEvent(new Event(CHANGED));
}

/**
 * The header's unread count, asked every minute while signed in and whenever the centre changes
 * it. Plain requests, no query cache: the header is part of every first page, and react-query
 * stays out of the shell (tests/integration/web-bundle-budget.test.ts).
 */
export function useUnreadNotifications(signedIn: boolean): number {
  const [unread, setUnread] = useState(0);
  useEffect(() => {
    if (!signedIn) return;
    let live = true;
    const load = () =>
      unreadCount()
        .then((r) => live && setUnread(r.unread))
        .catch(() => {});
    load();
    const timer = setInterval(load, 60_000);
    window.addEventListener(CHANGED, load);
    return () => {
      live = false;
      clearInterval(timer);
      window.removeEventListener(CHANGED, load);
    };
  }, [signedIn]);
  return signedIn ? unread : 0;
}
