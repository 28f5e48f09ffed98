// The shape every language of the invigilator screen follows: the French messages, texts widened.
import type { fr } from './fr.ts';

type Widen<T> = T extends string ? string : { [K in keyof T]: Widen<T[K]> };

export type InvigilatorMessages = Widen<typeof fr>;
