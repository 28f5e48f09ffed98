// The shape every language of the back office follows: the French messages, texts widened.
import type { fr } from './fr.ts';

type Widen<T> = T extends string ? string : { [K in keyof T]: Widen<T[K]> };

export type BackOfficeMessages = Widen<typeof fr>;
