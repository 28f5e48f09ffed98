// The back office's messages, in their own i18next namespace (see shared/i18n/namespace-messages.ts).
import {
  namespaceMessages,
  type MessageKeyOf,
  type TranslateWith,
} from '../../shared/i18n/namespace-messages.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';

export const NAMESPACE = 'backoffice';

export type MessageKey = MessageKeyOf<typeof fr>;
export type Translate = TranslateWith<MessageKey>;

const messages = namespaceMessages(NAMESPACE, fr, en);
export const addBackOfficeMessages = messages.addMessages;
export const translator = messages.translator;
export const useT = messages.useT;

/** The screen's language as a BCP 47 tag for Intl formatting (shared with the invigilator's screen). */
export { useLocale } from '../../shared/use-locale.ts';
