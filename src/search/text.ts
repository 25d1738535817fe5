/**
 * The first two stages of matching. `analyse`: the one tokeniser, stemmer and stop-list used for stories, questions,
 * the lexicon and the question bank alike, so a word is never normalised two ways. `stripFrame`: the interview
 * boilerplate around a question ("tell me about a time when you ..."), and what the frame asks for.
 */
import { stemmer } from 'stemmer';

/** Common English words that never decide a match. */
export const STOPWORDS = new Set(
  ('a about above after again against all am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each few for from further had has have having he her here hers herself him ' +
    'himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other ' +
    'our ours ourselves out over own same she should so some such than that the their theirs them themselves then there ' +
    'these they this those through to too under until up very was we were what when where which while who whom why will ' +
    'with would you your yours yourself yourselves also ever may might must shall us get got let lets like one really ' +
    'thing things way ve ll re d s t m don didn doesn isn wasn weren won wouldn couldn shouldn hadn hasn haven aren ' +
    // Light verbs: they carry the sentence, not its topic ("made a mistake", "took responsibility").
    'make makes made making take takes took taken taking go goes went gone going come came put gave given see saw seen know knew something someone')
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

/**
 * Words that frame a question rather than say what it is about: dropped from the question's terms, and never enough
 * on their own to tie a question to a bank question ("how do you think about ..." says nothing).
 */
export const FRAME_WORDS = new Set([
  'time', 'times', 'example', 'examples', 'situation', 'occasion', 'experience', 'story', 'instance', 'tell', 'describe',
  'share', 'explain', 'ever', 'recall', 'remember', 'specific', 'particular', 'discuss', 'talk', 'think', 'handle', 'deal',
  'approach', 'biggest', 'greatest', 'best', 'usually', 'typically', 'give',
]);

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
  for (const w of words(text)) if (!STOPWORDS.has(w) && (w.length > 1 || /\d/.test(w))) out.push(stem(w));
  return out;
}

/** What a question's frame asks for: a story ("tell me about a time"), a talking point ("what is your ..."), or either. */
export type Asks = 'story' | 'talking-point' | 'either';

/** How a question was read: the words kept, the words dropped as boilerplate or stopwords, and what it asks for. */
export interface ReadQuestion {
  kept: string[];
  dropped: string[];
  asks: Asks;
}

const ASKS_STORY = /\b(time|times|situation|example|occasion|project|when you)\b/;
const ASKS_POINT = /^(what (is|are|would) (your|you)|what do you (want|look)|why (do|should|would) (you|we)|where do you see|how would you describe yourself)\b/;

/** Remove interview boilerplate and stopwords from a question, remembering what was dropped and what it asks for. */
export function readQuestion(question: string): ReadQuestion {
  const all = words(question).join(' ');
  let q = ' ' + all + ' ';
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
    if (STOPWORDS.has(w) || FRAME_WORDS.has(w) || (w.length < 2 && !/\d/.test(w))) dropped.push(w);
    else kept.push(w);
  }
  const asks: Asks = dropped.some((d) => ASKS_STORY.test(d)) ? 'story' : ASKS_POINT.test(all) ? 'talking-point' : 'either';
  return { kept, dropped, asks };
}
