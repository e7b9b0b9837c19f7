import { isApiError } from '../api/api-error';
import { describeFieldIssue } from './describe-error';
import { translator, type TFunction } from './translator';

/**
 * A request's field issues by field name, in the user's words: the last segment of the server's path
 * (`texts.results` → `results`, `body.reason` → `reason`), for a form to show each under its input.
 */
export function fieldIssues(error: unknown, t: TFunction = translator.t): Partial<Record<string, string>> {
  const out: Partial<Record<string, string>> = {};
  if (!isApiError(error)) return out;
  for (const issue of error.fields)
    out[issue.path.split(/[./]/).filter(Boolean).pop() ?? ''] ??= describeFieldIssue(issue.code, issue.message, t);
  return out;
}
