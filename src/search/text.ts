/** Tokenising for search: words, stems, stopwords and the interview boilerplate that carries no meaning. */
import { stemmer } from 'stemmer';

/** Common English words that never decide a match. */
export const STOPWORDS = new Set(
  ('a about above after again against all am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each few for from further had has have having he her here hers herself him ' +
    'himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other ' +
    'our ours ourselves out over own same she should so some such than that the their theirs them themselves then there ' +
    'these they this those through to too under until up very was we were what when where which while who whom why will ' +
    'with would you your yours yourself yourselves also ever may might must shall us get got let lets like one really ' +
    'thing things way ve ll re d s t m don didn doesn isn wasn weren won wouldn couldn shouldn hadn hasn haven aren')
    .split(/\s+/),
);

/**
 * Interview boilerplate: phrases that frame a question but say nothing about which story answers it.
 * Longest first so "tell me about a time when you" goes before "tell me about".
 */
const BOILERPLATE = [
  'tell me about a time when you', 'tell me about a time you', 'tell me about a time', 'tell me about a situation where',
  'tell me about an occasion when', 'tell me about a project where', 'tell me about a project', 'tell me about your',
  'tell me about', 'tell us about', 'describe a time when you', 'describe a time you', 'describe a time',
  'describe a situation where you', 'describe a situation when', 'describe a situation where', 'describe a situation',
  'describe an occasion', 'describe how you', 'describe your', 'describe', 'give me an example of a time',
  'give me an example of', 'give me an example', 'give an example of', 'give an example', 'can you give an example',
  'can you tell me about', 'can you describe', 'can you share', 'could you tell me', 'could you describe',
  'walk me through', 'talk me through', 'talk about a time', 'share an example', 'share a time', 'share a story',
  'have you ever', 'what did you do', 'what did you learn', 'how did you handle', 'how did you deal with', 'how did you',
  'how do you handle', 'how do you deal with', 'how do you', 'what would you do', 'what was the outcome', 'what happened',
  'a time when', 'a time you', 'a situation where', 'an example of', 'an experience', 'in your career', 'in your last role',
  'at work', 'in the past',
].sort((a, b) => b.length - a.length);

const BOILERPLATE_WORDS = new Set(['time', 'times', 'example', 'examples', 'situation', 'occasion', 'experience', 'story', 'instance', 'tell', 'describe', 'share', 'explain', 'ever', 'recall', 'remember', 'specific', 'particular', 'discuss', 'talk']);

/** Lowercase words of a text, diacritics removed; "c++" and "c#" kept whole. */
export function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .match(/[a-z0-9][a-z0-9]*(?:[+#]+|['’][a-z]+)?/g) ?? []
  ).map((w) => w.replace(/['’][a-z]+$/, ''));
}

const stemCache = new Map<string, string>();

/** The Porter stem of a word (cached). */
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    // Porter leaves "disagreed" as "disagre" but "disagreement" as "disagr": drop a final e so both meet.
    s = /[0-9+#]/.test(word) ? word : stemmer(word).replace(/(?<=..)e$/, '');
    if (stemCache.size < 200_000) stemCache.set(word, s);
  }
  return s;
}

/** Stems of the meaningful words of a text (stopwords dropped). */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) if (!STOPWORDS.has(w) && w.length > 1) out.push(stem(w));
  return out;
}

/** How a question was read: the words kept, the words dropped as boilerplate or stopwords. */
export interface ReadQuestion {
  kept: string[];
  dropped: string[];
}

/** Remove interview boilerplate and stopwords from a question, remembering what was dropped. */
export function readQuestion(question: string): ReadQuestion {
  let q = ' ' + words(question).join(' ') + ' ';
  const dropped: string[] = [];
  for (const phrase of BOILERPLATE) {
    const needle = ' ' + phrase + ' ';
    while (q.includes(needle)) {
      dropped.push(phrase);
      q = q.replace(needle, ' ');
    }
  }
  const kept: string[] = [];
  for (const w of q.split(' ').filter(Boolean)) {
    if (STOPWORDS.has(w) || BOILERPLATE_WORDS.has(w) || w.length < 2) dropped.push(w);
    else kept.push(w);
  }
  return { kept, dropped };
}
