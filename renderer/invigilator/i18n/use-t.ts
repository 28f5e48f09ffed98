// The invigilator screen's messages, in their own i18next namespace (see shared/i18n/namespace-messages.ts).

import {
  namespaceMessages,
  type MessageKeyOf,
  type TranslateWith,
} from '../../shared/i18n/namespace-messages.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';

export const NAMESPACE = 'invigilator';

export type MessageKey = MessageKeyOf<typeof fr>;
export type Translate = TranslateWith<MessageKey>;

const messages = namespaceMessages(NAMESPACE, fr, en);
export const addInvigilatorMessages = messages.addMessages;
export const translator = messages.translator;
export const useT = messages.useT;
