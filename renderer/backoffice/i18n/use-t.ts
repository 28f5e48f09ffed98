// The back office's messages, in their own i18next namespace (see shared/i18n/namespace-messages.ts).
import { useTranslation } from 'react-i18next';
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

/** The screen's language as a BCP 47 tag for Intl formatting. */
export function useLocale(): string {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en-GB' : 'fr-FR';
}
