import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { awardKeys } from '../../api/awards.api';
import { describeError } from '../../i18n/describe-error';

/** A mutation in the awards' working pages: refreshes the award queries afterwards and keeps its error as a sentence. */
export function useAwardAction<A, R = unknown>(run: (arg: A) => Promise<R>, onDone?: (result: R) => void) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: run,
    onMutate: () => setError(null),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: awardKeys.all });
      onDone?.(result);
    },
    onError: (e) => setError(describeError(e, t)),
  });
  return { run: (arg: A) => mutation.mutate(arg), pending: mutation.isPending, error, done: mutation.isSuccess };
}
