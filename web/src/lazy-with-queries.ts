import { lazy, type ComponentType } from 'react';
import { messagesReady } from './i18n/parts/add-messages';

/**
 * A page, or a part a page shows on demand, loaded together with the query cache (query-provider.tsx):
 * pages that load without it (home, search) bring react-query only with the parts that need it.
 * Waits for the message parts the loaded code added, in the current language.
 */
export function lazyWithQueries<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => {
    const [Component, { withQueries }] = await Promise.all([load(), import('./query-provider')]);
    await messagesReady();
    return { default: withQueries(Component) };
  });
}
