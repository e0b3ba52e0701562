import { useEffect, useState } from 'react';
import type { ApiClient } from '../client/api-client';
import { CategoriesReply } from '../schemas/api';
import type { CategoryView } from '../schemas/views';
import { useT } from './i18n';

/**
 * The hall's categories in the page's language. Names and items change only with the hall's
 * set-up, so they are fetched whenever the line to the server comes up (and when the language
 * changes); until then, and when a fetch fails, the last list stands.
 */
export function useCategories(api: ApiClient, connected: boolean): CategoryView[] {
  const { locale } = useT();
  const [categories, setCategories] = useState<CategoryView[]>([]);
  useEffect(() => {
    if (!connected) return;
    let current = true;
    api.request('GET', '/api/categories', CategoriesReply, { locale }).then(
      (reply) => current && setCategories(reply.categories),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [api, connected, locale]);
  return categories;
}
