/**
 * A mock behavioral round: an opening, then questions over different topics (competencies, or a framework's
 * principles), never the same story twice, and a closing "why this company" when asked for one. Planning and the
 * summary are pure; the command plays the round.
 */
import type { Story } from '../story/types.js';
import type { FollowUp } from './followups.js';
import { pickOne, shuffle, type Random } from './random.js';

/** Every knob of a mock round, with why. */
export const MOCK_PARAMS = {
  /** Fewest and most questions: real behavioral rounds ask four to six stories. */
  minQuestions: 4,
  maxQuestions: 6,
  /** Minutes one question takes: a two-minute answer, one or two follow-ups, and the checklist. */
  minutesPerQuestion: 7,
  /** Minutes for the opening and the candidate's own questions at the end. */
  overheadMinutes: 5,
  /** Target seconds: a story answer, a follow-up answer, the opening "tell me about yourself". */
  answerTarget: 120,
  followUpTarget: 60,
  openingTarget: 90,
  /** Default round length in minutes: the usual behavioral interview slot. */
  minutes: 45,
};

/** Tunables of a mock round (see MOCK_PARAMS). */
export type MockParams = typeof MOCK_PARAMS;

/** Something a question can be about: a competency or a framework principle. */
export interface MockTopic {
  id: string;
  name: string;
  questions: readonly string[];
}

/** One question of the round. */
export interface MockQuestion {
  kind: 'opening' | 'story' | 'closing';
  storyId: string;
  question: string;
  /** The topic a story question probes (null for the opening and closing). */
  topic: MockTopic | null;
  target: number;
}

/** The planned round, and why it is shorter than asked when it is. */
export interface MockPlan {
  questions: MockQuestion[];
  /** How many story questions the minutes asked for. */
  wanted: number;
  /** Set when there were fewer stories than questions. */
  shortened: string | null;
}

/** What the planner draws from. */
export interface MockInput {
  stories: readonly Story[];
  /** Topics each story shows, best first (competency ids, or principle ids with a framework). */
  topicsOf: (story: Story) => readonly string[];
  topics: readonly MockTopic[];
  minutes: number;
  company?: string | null;
  /** Ask the topic's question rather than the story's own (a framework's questions name its principle). */
  topicQuestionsFirst?: boolean;
  random: Random;
  params?: Partial<MockParams>;
}

const OPENING = /\b(about (myself|me|yourself)|introduc\w*|elevator|pitch|my (background|story)|who i am)\b/i;
const WHY_COMPANY = /\bwhy (this|the|your)? ?(company|team|role|us|here)\b|\bwhat i look for\b|\bwhy (join|work)\b|\bmotivation\b/i;

/** How many story questions fit `minutes`, within four to six. */
export function questionCount(minutes: number, p: MockParams = MOCK_PARAMS): number {
  return Math.max(p.minQuestions, Math.min(p.maxQuestions, Math.floor((minutes - p.overheadMinutes) / p.minutesPerQuestion)));
}

/** The note that answers "Tell me about yourself", if the notes have one. */
export function openingNote(stories: readonly Story[]): Story | null {
  return stories.find((s) => s.kind === 'note' && OPENING.test(s.title)) ?? null;
}

/** The note that answers "Why this company?", if the notes have one. */
export function whyCompanyNote(stories: readonly Story[]): Story | null {
  return stories.find((s) => s.kind === 'note' && WHY_COMPANY.test(s.title)) ?? null;
}

/**
 * Plan a round: each story question probes a topic not probed yet, with a story not told yet (topics with the fewest
 * stories first, so a topic's only story is not spent on another). The question is the story's own when it has one
 * that fits, else one of the topic's. Fewer stories than questions shortens the round and says so.
 */
export function planMock(input: MockInput): MockPlan {
  const p = { ...MOCK_PARAMS, ...input.params };
  const wanted = questionCount(input.minutes, p);
  const topicById = new Map(input.topics.map((t) => [t.id, t]));
  const pool = shuffle(
    input.stories.filter((s) => s.kind === 'star'),
    input.random,
  );
  const topicsOf = new Map(pool.map((s) => [s.id, input.topicsOf(s).filter((t) => topicById.has(t))]));
  const storiesOf = (topic: string) => pool.filter((s) => topicsOf.get(s.id)!.includes(topic)).length;
  const usedStories = new Set<string>();
  const usedTopics = new Set<string>();
  const questions: MockQuestion[] = [];
  const ask = (story: Story, topic: MockTopic | null) => {
    usedStories.add(story.id);
    if (topic) usedTopics.add(topic.id);
    const own = story.questions.length ? pickOne(story.questions, input.random)! : null;
    const fromTopic = topic && topic.questions.length ? pickOne(topic.questions, input.random)! : null;
    const question = (input.topicQuestionsFirst ? (fromTopic ?? own) : (own ?? fromTopic)) ?? `Tell me about ${story.title.charAt(0).toLowerCase()}${story.title.slice(1)}.`;
    questions.push({ kind: 'story', storyId: story.id, question, topic, target: p.answerTarget });
  };
  // First pass: a new topic each time, rarest topics first.
  const order = [...new Set(pool.flatMap((s) => topicsOf.get(s.id)!))].sort((a, b) => storiesOf(a) - storiesOf(b));
  for (const topic of order) {
    if (questions.length >= wanted) break;
    const story = pool.find((s) => !usedStories.has(s.id) && topicsOf.get(s.id)!.includes(topic));
    if (story && !usedTopics.has(topic)) ask(story, topicById.get(topic)!);
  }
  // Then any story left, on its best topic (repeating topics only when no new one is left).
  for (const story of pool) {
    if (questions.length >= wanted) break;
    if (usedStories.has(story.id)) continue;
    const topics = topicsOf.get(story.id)!;
    const topic = topics.find((t) => !usedTopics.has(t)) ?? topics[0];
    ask(story, topic ? topicById.get(topic)! : null);
  }
  const shortened = questions.length < wanted ? `only ${questions.length} ${questions.length === 1 ? 'story' : 'stories'} to draw from, so the round has ${questions.length} question${questions.length === 1 ? '' : 's'} instead of ${wanted}` : null;
  const opening = openingNote(input.stories);
  const closing = input.company ? whyCompanyNote(input.stories) : null;
  return {
    wanted,
    shortened,
    questions: [
      ...(opening ? [{ kind: 'opening' as const, storyId: opening.id, question: 'Tell me about yourself.', topic: null, target: p.openingTarget }] : []),
      ...questions,
      ...(closing ? [{ kind: 'closing' as const, storyId: closing.id, question: `Why ${input.company}?`, topic: null, target: p.openingTarget }] : []),
    ],
  };
}

/** One answered question of the round, as the summary needs it. */
export interface MockAnswer {
  question: MockQuestion;
  title: string;
  seconds: number;
  followUps: { followUp: FollowUp; seconds: number }[];
}

/** The round's figures: total time, answers over target, topics covered, follow-ups the notes could not support. */
export interface MockSummary {
  answers: number;
  totalSeconds: number;
  overTarget: number;
  topicsCovered: string[];
  unsupported: { title: string; followUp: FollowUp }[];
}

/** Summarise the answers given so far. */
export function summarizeMock(answers: readonly MockAnswer[]): MockSummary {
  return {
    answers: answers.length,
    totalSeconds: answers.reduce((n, a) => n + a.seconds + a.followUps.reduce((m, f) => m + f.seconds, 0), 0),
    overTarget: answers.filter((a) => a.seconds > a.question.target).length,
    topicsCovered: [...new Set(answers.flatMap((a) => (a.question.topic ? [a.question.topic.name] : [])))],
    unsupported: answers.flatMap((a) => a.followUps.filter((f) => !f.followUp.supported).map((f) => ({ title: a.title, followUp: f.followUp }))),
  };
}
