import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { consultationKeys } from '../../api/consultations.api';
import { describeError } from '../../i18n/describe-error';

/** A mutation on a case that refreshes it afterwards and keeps its error as a sentence. */
export function useCaseAction<A>(caseId: string, run: (arg: A) => Promise<unknown>, onDone?: () => void) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: run,
    onMutate: () => setError(null),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: consultationKeys.all });
      onDone?.();
    },
    onError: (e) => setError(describeError(e, t)),
  });
  return { run: (arg: A) => mutation.mutate(arg), pending: mutation.isPending, error, caseId };
}
