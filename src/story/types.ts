/** The four parts of a STAR story. */
export type StarPart = 'situation' | 'task' | 'action' | 'result';

/** All STAR parts in telling order. */
export const STAR_PARTS: readonly StarPart[] = ['situation', 'task', 'action', 'result'];

/** Whether an entry is a STAR story or a talking-point answer without STAR parts. */
export type StoryKind = 'star' | 'note';

/** Where a story or finding sits in the user's files (1-based line). */
export interface SourceRef {
  file: string;
  line: number;
}

/** A named part of a story that is not one of S/T/A/R ("Takeaways", "Challenges", ...). */
export interface StorySection {
  name: string;
  text: string;
}

/** A story (or note) read from the user's markdown, normalised. */
export interface Story {
  id: string;
  title: string;
  kind: StoryKind;
  summary: string;
  situation: string;
  task: string;
  action: string;
  result: string;
  sections: StorySection[];
  path: string[];
  tags: string[];
  competencies: string[];
  questions: string[];
  source: SourceRef;
  words: number;
  speakingSeconds: number;
}

/** How serious a finding is; errors make `prep check` exit 1. */
export type Severity = 'error' | 'warning' | 'info';

/** A problem found in the user's notes, located by file and line. */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  rule: string;
  severity: Severity;
  message: string;
  storyId?: string;
}

/** Result of parsing one file: stories plus what was wrong with it. */
export interface ParseResult {
  stories: Story[];
  diagnostics: Diagnostic[];
}

/** Speaking pace used for `speakingSeconds`. */
export const WORDS_PER_MINUTE = 150;
