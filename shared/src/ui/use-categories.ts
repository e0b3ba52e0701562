import { useEffect, useState } from 'react';
import type { ApiClient } from '../client/api-client';
import { retryUntilDone } from '../client/retry';
import { CategoriesReply } from '../schemas/api';
import type { CategoryView } from '../schemas/views';
import { useT } from './i18n';

/**
 * The hall's categories in the page's language. Names and items change only with the hall's
 * set-up, so they are fetched whenever the line to the server comes up, when the language
 * changes, and when the snapshot's `setupVersion` says the set-up changed; until then the last
 * list stands, and a failed fetch is tried again.
 */
export function useCategories(api: ApiClient, connected: boolean, setupVersion: number | undefined): CategoryView[] {
  const { locale } = useT();
  const [categories, setCategories] = useState<CategoryView[]>([]);
  useEffect(() => {
    if (!connected) return;
    // A refused or failed fetch is tried again, backing off, while the line stays up.
    const stop = { stopped: false };
    void retryUntilDone(() => api.request('GET', '/api/categories', CategoriesReply, { locale }), { signal: stop }).then((reply) =>
      setCategories(reply.categories),
    );
    return () => {
      stop.stopped = true;
    };
  }, [api, connected, locale, setupVersion]);
  return categories;
}
