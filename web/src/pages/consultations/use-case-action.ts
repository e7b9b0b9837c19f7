import { consultationKeys } from '../../api/consultations.api';
import { useAction } from '../../lib/use-action';

/** A mutation on a case that refreshes it afterwards and keeps its error as a sentence. */
export const useCaseAction = <A>(run: (arg: A) => Promise<unknown>, onDone?: () => void) => useAction([consultationKeys.all], run, onDone);
