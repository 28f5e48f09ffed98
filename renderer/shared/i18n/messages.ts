// The shape every language follows: the French messages with each text widened to `string`.
import type { fr } from './fr.ts';

type Widen<T> = T extends string ? string : { [K in keyof T]: Widen<T[K]> };

export type Messages = Widen<typeof fr>;
