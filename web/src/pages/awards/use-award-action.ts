import { awardKeys } from '../../api/awards.api';
import { useAction } from '../../lib/use-action';

/** A mutation in the awards' working pages: refreshes the award queries afterwards and keeps its error as a sentence. */
export const useAwardAction = <A, R = unknown>(run: (arg: A) => Promise<R>, onDone?: (result: R) => void) =>
  useAction([awardKeys.all], run, onDone);
