import type { Language } from '@kapitel/domain';
import { de as deCore } from './de';
import { deAbbreviations } from './de-abbreviations';
import { deAccount } from './de-account';
import { deCaptions } from './de-captions';
import { deCrossRefs } from './de-cross-refs';
import { deEndings } from './de-endings';
import { deFailures } from './de-failures';
import { deFigureRefs } from './de-figure-refs';
import { deFootnotes } from './de-footnotes';
import { deImages } from './de-images';
import { deMyWork } from './de-my-work';
import { dePdf } from './de-pdf';
import { deReading } from './de-reading';
import { deProtocol } from './de-protocol';
import { deReview } from './de-review';
import { deSearch } from './de-search';
import { deSession } from './de-session';
import { deSources } from './de-sources';
import { deSuggestions } from './de-suggestions';
import { deLength } from './de-length';
import { deOdt } from './de-odt';
import { deImport } from './de-import';
import { deMembers } from './de-members';
import { deTables } from './de-tables';
import { deToolbar } from './de-toolbar';
import { en as enCore } from './en';
import { enAbbreviations } from './en-abbreviations';
import { enAccount } from './en-account';
import { enCaptions } from './en-captions';
import { enCrossRefs } from './en-cross-refs';
import { enEndings } from './en-endings';
import { enFailures } from './en-failures';
import { enFigureRefs } from './en-figure-refs';
import { enFootnotes } from './en-footnotes';
import { enImages } from './en-images';
import { enMyWork } from './en-my-work';
import { enPdf } from './en-pdf';
import { enReading } from './en-reading';
import { enProtocol } from './en-protocol';
import { enReview } from './en-review';
import { enSearch } from './en-search';
import { enSession } from './en-session';
import { enSources } from './en-sources';
import { enSuggestions } from './en-suggestions';
import { enLength } from './en-length';
import { enOdt } from './en-odt';
import { enImport } from './en-import';
import { enMembers } from './en-members';
import { enTables } from './en-tables';
import { enToolbar } from './en-toolbar';

// Feature dictionaries registered here rather than in de.ts/en.ts, so that adding one does
// not touch the big files. A key both in de.ts and in such a dictionary would be overwritten
// by the spread without a word: this line stops compiling when there is one.
const coreKeysAreNotRegisteredHere: [keyof typeof deCore & (keyof typeof deImages | keyof typeof deEndings | keyof typeof deFootnotes | keyof typeof deCaptions | keyof typeof deSession | keyof typeof dePdf | keyof typeof deSearch | keyof typeof deAccount | keyof typeof deReview | keyof typeof deFailures | keyof typeof deTables | keyof typeof deToolbar | keyof typeof deMyWork | keyof typeof deProtocol | keyof typeof deCrossRefs | keyof typeof deFigureRefs | keyof typeof deAbbreviations | keyof typeof deReading | keyof typeof deSources | keyof typeof deSuggestions | keyof typeof deLength | keyof typeof deOdt | keyof typeof deImport | keyof typeof deMembers)] extends [never]
  ? true
  : never = true;
void coreKeysAreNotRegisteredHere;

const de = { ...deCore, ...deImages, ...deEndings, ...deFootnotes, ...deCaptions, ...deSession, ...dePdf, ...deSearch, ...deAccount, ...deReview, ...deFailures, ...deTables, ...deToolbar, ...deMyWork, ...deProtocol, ...deCrossRefs, ...deFigureRefs, ...deAbbreviations, ...deReading, ...deSources, ...deSuggestions, ...deLength, ...deOdt, ...deImport, ...deMembers };

/** Every message key of the app. */
export type MessageKey = keyof typeof de;

/** The shape every dictionary must have: exactly the German keys, each a string. */
export type Messages = Record<MessageKey, string>;

export const DICTIONARIES: Record<Language, Messages> = { de, en: { ...enCore, ...enImages, ...enEndings, ...enFootnotes, ...enCaptions, ...enSession, ...enPdf, ...enSearch, ...enAccount, ...enReview, ...enFailures, ...enTables, ...enToolbar, ...enMyWork, ...enProtocol, ...enCrossRefs, ...enFigureRefs, ...enAbbreviations, ...enReading, ...enSources, ...enSuggestions, ...enLength, ...enOdt, ...enImport, ...enMembers } };

/** The language the app starts in when the user has not chosen one. */
export const DEFAULT_LANGUAGE: Language = 'de';

/** Locales for Intl formatting: British English writes dates day-first, as readers in Europe expect. */
export const INTL_LOCALES: Record<Language, string> = { de: 'de-DE', en: 'en-GB' };
