import { translator } from '../translator';

/**
 * The larger areas of messages (profile, search, curation, data rights) are not in the core
 * bundle: each page imports the parts it uses (`import '../../i18n/parts/curation'`), so the
 * home page does not download the curation or editor wording, and the bundle budget test sees
 * every part a page needs among its chunks. Vietnamese (the default and the fallback) comes
 * with the part; another language is a chunk loaded when it is, or becomes, the language.
 */
export interface MessagePart {
  vi: object;
  en: () => Promise<object>;
}

const parts: MessagePart[] = [];
const loadedEn = new Set<MessagePart>();
const pending = new Set<Promise<void>>();

async function loadEnglish(part: MessagePart) {
  if (loadedEn.has(part)) return;
  translator.addMessages('en', await part.en(), true);
  loadedEn.add(part);
}

/** Called once by each part module when a page that needs it is loaded. */
export function addMessages(part: MessagePart) {
  parts.push(part);
  translator.addMessages('vi', part.vi, true);
  if (translator.language !== 'en') return;
  const loading = loadEnglish(part).finally(() => pending.delete(loading));
  pending.add(loading);
}

/** Resolves when the parts added so far are there in the current language (a page waits for it before it renders). */
export async function messagesReady() {
  await Promise.all(pending);
}

/** Before switching language: the parts loaded so far, in that language. */
export async function loadMessageParts(language: string) {
  if (language === 'en') await Promise.all(parts.map(loadEnglish));
}
