import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import { badRequest } from '../../app/errors.js';
import { vietnamesePasswordWords } from './password-words-vi.js';

/** zxcvbn's 0–4 scale: 0–1 fall to an online or a throttled guess within hours (too easy). */
const MIN_SCORE = 2;
/** Past this length the estimate costs time and adds nothing: a long passphrase is judged by its start. */
const CHECKED_LENGTH = 64;

let factory: ZxcvbnFactory | undefined;

/**
 * Built on first use and kept. Leaner than zxcvbn's full English set: its 89 000 English surnames
 * and Wikipedia words tripled the build time (~0.5 s) for little gain with Vietnamese users. No
 * Levenshtein matching: it made one check take seconds here; exact, l33t and reversed matches do.
 */
function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: {
      ...common.dictionary,
      'commonWords-en': en.dictionary['commonWords-en'],
      'firstnames-en': en.dictionary['firstnames-en'],
      vietnamese: vietnamesePasswordWords,
    },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  });
  return factory;
}

export interface PasswordStrength {
  score: 0 | 1 | 2 | 3 | 4;
  acceptable: boolean;
  /** zxcvbn's English warning, if any ("This is a frequently used password."). */
  warning: string | null;
}

/** `context` holds what the account itself says (e-mail, name): a password built from it is weak too. */
export function estimatePasswordStrength(password: string, context: Array<string | undefined> = []): PasswordStrength {
  const inputs = context.filter((v): v is string => Boolean(v)).flatMap((v) => [v, ...v.split(/[@.\s_-]+/)]);
  const result = estimator().check(password.slice(0, CHECKED_LENGTH), inputs);
  return { score: result.score, acceptable: result.score >= MIN_SCORE, warning: result.feedback.warning ?? null };
}

/** Throws a 400 naming the field when the password is among the weakest. */
export function ensureStrongPassword(field: string, password: string, context: Array<string | undefined> = []): void {
  const strength = estimatePasswordStrength(password, context);
  if (strength.acceptable) return;
  const why = strength.warning ? ` ${strength.warning}` : '';
  const message = `This password is too easy to guess.${why} Use a few unrelated words or a longer phrase.`;
  throw badRequest('validation_failed', 'Choose a stronger password', [{ path: field, code: 'password_weak', message }]);
}
