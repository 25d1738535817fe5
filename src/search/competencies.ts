/**
 * The built-in competency lexicon and question bank: general English about behavioral interviews, not about any
 * one user's notes. `words` are what people say for the competency (stems are matched, so "disagree" also covers
 * "disagreed"); `questions` are common interview questions for it.
 */
import { MORE_QUESTIONS, MORE_WORDS } from './question-bank.js';

/** A behavioral competency interviewers probe, with its vocabulary and typical questions. */
export interface Competency {
  id: string;
  name: string;
  /** Whether the answer is a STAR story or a talking point (a note such as a list of strengths). */
  answer?: 'story' | 'note';
  words: string[];
  questions: string[];
}

/** The core of each competency: its name, first words and best-known questions. */
const CORE: readonly Competency[] = [
  {
    id: 'conflict',
    name: 'Conflict',
    words: ['conflict', 'heated', 'tense', 'disagree', 'disagreement', 'argue', 'argument', 'pushback', 'push back', 'tension', 'dispute', 'clash', 'friction', 'objection', 'challenge a decision', 'difficult coworker', 'difficult colleague', 'opposed', 'compromise', 'consensus', 'different opinion', 'convince'],
    questions: [
      'Tell me about a time you worked with someone you did not get along with.',
      'Tell me about a time you disagreed with a coworker.',
      'Describe a conflict with a teammate and how you resolved it.',
      'Tell me about a time you pushed back on a senior engineer or your manager.',
      'How do you handle disagreements about technical direction?',
      'Give an example of working with a difficult colleague.',
    ],
  },
  {
    id: 'failure',
    name: 'Failure and mistakes',
    words: ['failure', 'fail', 'failed', 'mistake', 'took down', 'brought down', 'my fault', 'wrong', 'accident', 'accidentally', 'outage', 'incident', 'broke', 'bug', 'regret', 'postmortem', 'blameless', 'root cause', 'rollback', 'went wrong', 'learned the hard way', 'oversight'],
    questions: [
      'Tell me about a time you made a bad decision.',
      'Tell me about a project that did not go as planned.',
      'Tell me about a time you failed.',
      'Describe a mistake you made and what you learned from it.',
      'Tell me about a time something you shipped broke production.',
      'What is the biggest professional mistake you have made?',
    ],
  },
  {
    id: 'leadership',
    name: 'Leadership',
    words: ['lead', 'led', 'leader', 'leadership', 'leading', 'drove', 'spearheaded', 'organized', 'coordinated', 'initiative', 'vision', 'rallied', 'team lead', 'tech lead', 'owner of the project', 'working group', 'roadmap', 'kicked off', 'cross-team'],
    questions: [
      'Tell me about a time you had to motivate a team.',
      'Tell me about a time you led a project.',
      'Describe a time you took the lead without being asked.',
      'Give an example of leading a team through a difficult change.',
      'Tell me about a project you drove across several teams.',
    ],
  },
  {
    id: 'influence',
    name: 'Influence without authority',
    words: ['influence', 'persuade', 'persuaded', 'convince', 'convinced', 'buy-in', 'buy in', 'advocate', 'champion', 'sell the idea', 'proposal', 'proposed', 'stakeholders', 'alignment', 'adoption', 'adopt', 'win over', 'demonstrate', 'proof of concept', 'poc'],
    questions: [
      'Describe a time you led without formal authority.',
      'Tell me about a time you convinced others to adopt your idea.',
      'How have you influenced a decision when you had no authority?',
      'Describe a time you had to get buy-in from other teams.',
      'Tell me about a time you changed someone\'s mind.',
    ],
  },
  {
    id: 'ownership',
    name: 'Ownership',
    words: ['ownership', 'owned', 'own', 'took over', 'stepped up', 'responsibility', 'accountable', 'abandoned', 'on my own', 'beyond my role', 'picked up', 'adopted', 'maintenance', 'on-call', 'end to end'],
    questions: [
      'Tell me about a time you took on something significant outside your area of responsibility.',
      'Tell me about a time you took ownership of something outside your role.',
      'Describe a time you went beyond what was expected of you.',
      'Tell me about a problem nobody owned that you fixed.',
      'Give an example of being accountable for a result end to end.',
    ],
  },
  {
    id: 'ambiguity',
    name: 'Dealing with ambiguity',
    words: ['ambiguity', 'ambiguous', 'vague', 'unclear', 'uncertain', 'uncertainty', 'unknown', 'undefined', 'requirements', 'scope', 'clarify', 'discovery', 'open-ended', 'no clear', 'figure out', 'explore', 'exploration', 'incomplete information'],
    questions: [
      'Tell me about a time you had to decide without having all the data.',
      'Tell me about a time you worked on a project with unclear requirements.',
      'How do you handle ambiguity?',
      'Describe a time you had to make progress without all the information.',
      'Tell me about a vague request you turned into a concrete plan.',
    ],
  },
  {
    id: 'prioritization',
    name: 'Prioritization and deadlines',
    words: ['prioritize', 'prioritization', 'priority', 'priorities', 'deadline', 'deadlines', 'pressure', 'tight timeline', 'launch date', 'cut scope', 'scope', 'trade-off', 'tradeoff', 'time management', 'competing', 'urgent', 'crunch', 'ship on time', 'mvp', 'phased'],
    questions: [
      'Tell me about a time you had too many things to do and had to prioritize.',
      'Tell me about a time you had to meet a tight deadline.',
      'How do you prioritize when everything is urgent?',
      'Describe a time you had to cut scope to ship.',
      'Tell me about juggling competing priorities.',
    ],
  },
  {
    id: 'mentoring',
    name: 'Mentoring and growing others',
    words: ['mentor', 'mentoring', 'mentored', 'mentee', 'coach', 'coaching', 'teach', 'taught', 'teaching', 'onboard', 'onboarding', 'junior', 'new hire', 'pairing', 'pair programming', 'grow', 'develop others', 'feedback'],
    questions: [
      'Tell me about a time you helped a teammate improve.',
      'Tell me about a time you mentored someone.',
      'How have you helped a junior engineer grow?',
      'Describe how you onboarded a new teammate.',
      'Tell me about a time you gave someone difficult feedback.',
    ],
  },
  {
    id: 'customer-focus',
    name: 'Customer focus',
    words: ['customer', 'customers', 'client', 'clients', 'user', 'users', 'user experience', 'ux', 'support tickets', 'feedback', 'complaints', 'empathy', 'usability', 'sla', 'onboarding', 'end users', 'satisfaction'],
    questions: [
      'Tell me about a time you went above and beyond for a customer.',
      'Tell me about a time you put the customer first.',
      'Describe a time you used customer feedback to change a product.',
      'Tell me about a time you improved the experience for your users.',
      'How do you balance customer needs with engineering constraints?',
    ],
  },
  {
    id: 'data-driven',
    name: 'Data-driven decisions',
    words: ['data', 'data-driven', 'metrics', 'measure', 'measured', 'analysis', 'analyze', 'analytics', 'experiment', 'a/b test', 'hypothesis', 'statistics', 'statistical', 'evidence', 'dashboard', 'benchmark', 'numbers'],
    questions: [
      'Tell me about a time you used data to solve a problem.',
      'Tell me about a decision you made based on data.',
      'Describe a time you used metrics to change someone\'s mind.',
      'How do you decide when you have conflicting data?',
      'Tell me about an analysis that changed your team\'s direction.',
    ],
  },
  {
    id: 'performance',
    name: 'Performance and optimization',
    words: ['performance', 'optimize', 'optimization', 'optimized', 'latency', 'throughput', 'faster', 'slow', 'speed', 'bottleneck', 'profiling', 'profiled', 'memory', 'ram', 'cpu', 'scalability', 'scale', 'efficient', 'load testing', 'index', 'cache', 'caching'],
    questions: [
      'Tell me about a time you optimized a slow process.',
      'Tell me about a time you improved the performance of a system.',
      'Describe a bottleneck you found and how you fixed it.',
      'Tell me about a time you made something faster.',
      'How did you approach scaling a system under load?',
    ],
  },
  {
    id: 'cost',
    name: 'Cost and efficiency',
    words: ['cost', 'costs', 'costly', 'expensive', 'savings', 'saved', 'budget', 'spend', 'cloud bill', 'efficiency', 'frugal', 'frugality', 'reduce costs', 'cheaper', 'waste'],
    questions: [
      'Tell me about a time you reduced waste.',
      'Tell me about a time you saved your company money.',
      'Describe a time you reduced infrastructure costs.',
      'Tell me about a time you did more with less.',
    ],
  },
  {
    id: 'security',
    name: 'Security',
    words: ['security', 'secure', 'vulnerability', 'breach', 'credential', 'credentials', 'secret', 'secrets', 'encryption', 'encrypt', 'keys', 'private key', 'authentication', 'oauth', 'compliance', 'audit', 'threat', 'infosec', 'least privilege', 'rotate'],
    questions: [
      'Tell me about a time you found a security problem.',
      'Tell me about a time you improved the security of a system.',
      'Describe how you handled a security incident.',
      'Tell me about a time you balanced security against speed of delivery.',
    ],
  },
  {
    id: 'technical-depth',
    name: 'Technical challenge',
    words: ['technical', 'complex', 'complexity', 'architecture', 'design', 'designed', 'system design', 'hard problem', 'difficult problem', 'challenging', 'debug', 'debugging', 'root cause', 'migration', 'upgrade', 'refactor', 'legacy', 'implementation', 'built'],
    questions: [
      'Tell me about a difficult technical problem you solved.',
      'Tell me about the most technically challenging project you have worked on.',
      'Describe a complex system you designed.',
      'Tell me about a hard bug you tracked down.',
      'Walk me through a difficult migration you led.',
    ],
  },
  {
    id: 'innovation',
    name: 'Innovation and initiative',
    words: ['innovate', 'innovation', 'new idea', 'idea', 'creative', 'initiative', 'proactive', 'proposed', 'automate', 'automated', 'automation', 'invented', 'prototype', 'improve', 'improvement', 'side project', 'hackathon', 'on my own initiative'],
    questions: [
      'Tell me about a time you simplified a complex process.',
      'Tell me about a time you came up with a new idea.',
      'Describe something you automated that nobody asked you to.',
      'Tell me about a time you improved a process on your own initiative.',
    ],
  },
  {
    id: 'collaboration',
    name: 'Teamwork and collaboration',
    words: ['team', 'teamwork', 'collaborate', 'collaboration', 'together', 'cross-functional', 'partner', 'partnered', 'silo', 'siloed', 'communication', 'coordinate', 'helped', 'support', 'shared', 'across teams', 'alignment'],
    questions: [
      'Tell me about a time you had to rely on others to get a project done.',
      'Tell me about a time you worked with another team to deliver something.',
      'Describe a successful collaboration you were part of.',
      'How do you work with people whose goals differ from yours?',
      'Tell me about breaking down silos between teams.',
    ],
  },
  {
    id: 'communication',
    name: 'Communication',
    words: ['communicate', 'communication', 'communications', 'explain', 'explained', 'presentation', 'present', 'presented', 'document', 'documentation', 'docs', 'writing', 'wrote', 'design doc', 'public speaking', 'talk', 'talks', 'non-technical', 'audience', 'speaker'],
    questions: [
      'Tell me about a time you explained a technical topic to a non-technical audience.',
      'Describe a time clear communication made the difference.',
      'Tell me about a presentation or talk you gave.',
      'How do you keep stakeholders informed?',
    ],
  },
  {
    id: 'learning',
    name: 'Learning and growth',
    words: ['learn', 'learned', 'learning', 'new technology', 'unfamiliar', 'knew little', 'ramp up', 'self-taught', 'study', 'grow', 'growth', 'curiosity', 'skill', 'skills', 'improve myself', 'out of my comfort zone', 'first time', 'courses'],
    questions: [
      'Tell me about a time you stepped outside your comfort zone.',
      'Tell me about a time you had to learn something quickly.',
      'Describe a time you worked with a technology you did not know.',
      'How do you keep your skills current?',
      'What skills are you working on right now?',
    ],
  },
  {
    id: 'adaptability',
    name: 'Adaptability and change',
    words: ['adapt', 'adaptability', 'change', 'changed', 'changing', 'pivot', 'reorg', 'reorganization', 'shifting', 'unexpected', 'flexible', 'resilience', 'setback', 'turnover', 'new direction'],
    questions: [
      'Tell me about a time you had to adapt to a new situation quickly.',
      'Tell me about a time you had to adapt to a big change.',
      'Describe a time plans changed at the last minute.',
      'How did you handle a setback on a project?',
    ],
  },
  {
    id: 'quality',
    name: 'Quality and high standards',
    words: ['quality', 'standards', 'high bar', 'testing', 'tests', 'test coverage', 'coverage', 'qa', 'reliability', 'reliable', 'correctness', 'best practices', 'code review', 'craftsmanship', 'stability', 'zero downtime', 'regression'],
    questions: [
      'Tell me about a time you were not satisfied with the status quo.',
      'Tell me about a time you raised the quality bar on your team.',
      'Describe a time you refused to compromise on quality.',
      'How do you make sure what you ship is reliable?',
    ],
  },
  {
    id: 'decision-making',
    name: 'Judgment and trade-offs',
    words: ['decision', 'decide', 'decided', 'judgment', 'judgement', 'trade-off', 'tradeoff', 'tradeoffs', 'edge case', 'risk', 'risky', 'weigh', 'options', 'alternatives', 'good enough', 'simplicity', 'complexity', 'pragmatic'],
    questions: [
      'Tell me about a time you had to make a decision quickly.',
      'Tell me about a difficult trade-off you had to make.',
      'Describe a decision you made with incomplete information.',
      'How do you choose between a simple solution and a complete one?',
      'Tell me about a risky decision you made.',
    ],
  },
  {
    id: 'crisis',
    name: 'Working under pressure',
    words: ['pressure', 'crisis', 'emergency', 'incident', 'outage', 'on-call', 'firefight', 'stress', 'stressful', 'urgent', 'escalation', 'production issue', 'critical', 'downtime', 'recover', 'recovery'],
    questions: [
      'Tell me about the most stressful situation you have been in at work.',
      'Tell me about a time you worked under a lot of pressure.',
      'Describe how you handled a production emergency.',
      'Tell me about a high-stakes situation and how you stayed calm.',
    ],
  },
  {
    id: 'proudest',
    name: 'Proudest achievement',
    words: ['proud', 'proudest', 'accomplishment', 'achievement', 'achieved', 'success', 'successful', 'milestone', 'impact', 'highlight', 'best work', 'recognition', 'award'],
    questions: [
      'What is the project you are most proud of?',
      'What is the accomplishment you are most proud of?',
      'Tell me about your biggest professional achievement.',
      'Which project had the most impact?',
    ],
  },
  {
    id: 'strengths',
    answer: 'note',
    name: 'Strengths',
    words: ['strength', 'strengths', 'strong', 'good at', 'best at', 'superpower', 'excel', 'skills', 'bring to the team'],
    questions: [
      'What is your greatest strength?',
      'What are you best at?',
      'What would your teammates say you do well?',
    ],
  },
  {
    id: 'weaknesses',
    answer: 'note',
    name: 'Weaknesses',
    words: ['weakness', 'weaknesses', 'weak', 'improve', 'improvement', 'working on', 'struggle', 'area for growth', 'development area', 'not good at', 'boundaries', 'balance'],
    questions: [
      'What is your greatest weakness?',
      'What are you working to improve?',
      'What feedback have you received that was hard to hear?',
    ],
  },
  {
    id: 'motivation',
    answer: 'note',
    name: 'Why this company',
    words: ['why', 'motivation', 'motivates', 'motivated', 'why this company', 'why here', 'work here', 'join', 'joining', 'looking for', 'mission', 'culture', 'values', 'excites', 'excited', 'interest', 'passion', 'what i look for'],
    questions: [
      'Why do you want to work here?',
      'Why are you interested in this role?',
      'What motivates you?',
      'What are you looking for in your next team?',
    ],
  },
  {
    id: 'career-goals',
    answer: 'note',
    name: 'Career goals',
    words: ['career', 'career goals', 'goals', 'long term', 'long-term', 'five years', 'future', 'aspiration', 'ambition', 'next step', 'grow into', 'staff', 'promotion', 'path'],
    questions: [
      'Where do you see yourself in five years?',
      'What are your long-term career goals?',
      'What role do you want to grow into?',
    ],
  },
  {
    id: 'questions-for-us',
    answer: 'note',
    name: 'Questions for the interviewer',
    words: ['questions for us', 'questions i like to ask', 'ask the interviewer', 'ask us', 'questions to ask', 'any questions', 'curious about'],
    questions: [
      'Do you have any questions for us?',
      'What would you like to ask me?',
      'Is there anything you want to know about the team?',
    ],
  },
];

/** The competencies prep knows, in the order coverage reports them: the core plus the wider bank of question-bank.ts. */
export const COMPETENCIES: readonly Competency[] = CORE.map((c) => ({
  ...c,
  words: [...c.words, ...(MORE_WORDS[c.id] ?? [])],
  questions: [...c.questions, ...(MORE_QUESTIONS[c.id] ?? [])],
}));
