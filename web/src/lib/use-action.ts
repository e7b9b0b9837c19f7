import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '../i18n/describe-error';
import { useTranslation } from '../i18n/use-translation';

/**
 * A mutation of a working page: refreshes the given queries afterwards and keeps its error as a
 * translated sentence (cleared when the next attempt starts).
 */
export function useAction<A, R = unknown>(invalidate: readonly QueryKey[], run: (arg: A) => Promise<R>, onDone?: (result: R) => void) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: run,
    onMutate: () => setError(null),
    onSuccess: (result) => {
      for (const queryKey of invalidate) void queryClient.invalidateQueries({ queryKey });
      onDone?.(result);
    },
    onError: (e) => setError(describeError(e, t)),
  });
  // `failure`: the error itself, for a form that shows the server's field issues under its inputs (fieldIssues).
  return { run: (arg: A) => mutation.mutate(arg), pending: mutation.isPending, error, failure: mutation.error, done: mutation.isSuccess };
}
