/**
 * Amazon's sixteen Leadership Principles, by their public names. The summaries, words and questions are prep's own
 * wording of what interviewers probe for each, not Amazon's text.
 */
import type { Framework } from './framework.js';

/** The built-in `amazon` framework. */
export const AMAZON: Framework = {
  id: 'amazon',
  name: 'Amazon Leadership Principles',
  principles: [
    {
      id: 'customer-obsession',
      name: 'Customer Obsession',
      summary: 'start from what the customer needs and work back from it',
      words: ['customer', 'customers', 'user', 'users', 'client', 'feedback', 'complaint', 'support ticket', 'user research', 'experience'],
      questions: ['Tell me about a time you went out of your way for a customer.', 'Describe a decision you made by starting from what users needed.', 'Tell me about a time customer feedback changed what you built.'],
    },
    {
      id: 'ownership',
      name: 'Ownership',
      summary: 'act for the long term and take on problems beyond your own area',
      words: ['ownership', 'owned', 'took over', 'orphaned', 'nobody owned', 'on my own', 'long term', 'responsibility', 'stepped up', 'end to end'],
      questions: ['Tell me about a time you took on something outside your job description.', 'Describe a problem nobody owned that you fixed.', 'Tell me about a time you made a decision for the long term over a quick win.'],
    },
    {
      id: 'invent-and-simplify',
      name: 'Invent and Simplify',
      summary: 'look for new and simpler ways of doing things',
      words: ['simplify', 'simpler', 'new approach', 'invented', 'prototype', 'automated', 'automation', 'redesigned', 'idea', 'innovation'],
      questions: ['Tell me about a time you found a much simpler way to solve a problem.', 'Describe something new you built or proposed that others had not tried.', 'Tell me about a process you removed or automated.'],
    },
    {
      id: 'are-right-a-lot',
      name: 'Are Right, A Lot',
      summary: 'make good calls with incomplete information and seek out other views',
      words: ['judgment', 'judgement', 'decision', 'trade-off', 'tradeoff', 'incomplete information', 'hunch', 'weighed', 'options', 'call'],
      questions: ['Tell me about a decision you made with incomplete information.', 'Describe a time your judgment turned out to be right when others disagreed.', 'Tell me about a time you changed your mind after hearing another view.'],
    },
    {
      id: 'learn-and-be-curious',
      name: 'Learn and Be Curious',
      summary: 'keep learning and explore beyond what the task requires',
      words: ['learned', 'learn', 'curious', 'new technology', 'taught myself', 'studied', 'explored', 'course', 'read up', 'unfamiliar'],
      questions: ['Tell me about something you taught yourself recently.', 'Describe a time curiosity led you to an important finding.', 'Tell me about a time you had to learn a new area fast.'],
    },
    {
      id: 'hire-and-develop-the-best',
      name: 'Hire and Develop the Best',
      summary: 'raise the bar when hiring and help people grow',
      words: ['mentor', 'mentored', 'mentoring', 'coached', 'hiring', 'interviewed', 'onboarding', 'new hire', 'grow', 'career', 'feedback'],
      questions: ['Tell me about someone you helped grow in their career.', 'Describe how you brought a new team member up to speed.', 'Tell me about a time you gave someone hard feedback that helped them.'],
    },
    {
      id: 'insist-on-the-highest-standards',
      name: 'Insist on the Highest Standards',
      summary: 'keep the bar high and fix problems so they stay fixed',
      words: ['quality', 'standard', 'standards', 'code review', 'bar', 'tests', 'testing', 'regression', 'review', 'root cause', 'defects'],
      questions: ['Tell me about a time you refused to ship something that was not good enough.', 'Describe how you raised the quality bar on your team.', 'Tell me about a problem you fixed at its root so it would not come back.'],
    },
    {
      id: 'think-big',
      name: 'Think Big',
      summary: 'propose a bold direction and bring people along with it',
      words: ['vision', 'bold', 'ambitious', 'long-term', 'strategy', 'roadmap', 'platform', 'scale', 'proposal', 'direction'],
      questions: ['Tell me about a time you proposed something much bigger than what was asked.', 'Describe a long-term vision you set and how you got people behind it.', 'Tell me about your most ambitious project.'],
    },
    {
      id: 'bias-for-action',
      name: 'Bias for Action',
      summary: 'move fast when a decision can be undone, and take calculated risks',
      words: ['quickly', 'fast', 'urgent', 'acted', 'without waiting', 'deadline', 'risk', 'reversible', 'speed', 'immediately', 'hotfix'],
      questions: ['Tell me about a time you acted quickly without all the facts.', 'Describe a calculated risk you took.', 'Tell me about a time speed mattered more than perfection.'],
    },
    {
      id: 'frugality',
      name: 'Frugality',
      summary: 'do more with less; constraints push better solutions',
      words: ['cost', 'costs', 'budget', 'cheaper', 'savings', 'saved', 'reduced cost', 'resources', 'constraint', 'limited', 'spend'],
      questions: ['Tell me about a time you did more with fewer resources.', 'Describe how you cut a cost without hurting the result.', 'Tell me about a time a tight budget led to a better solution.'],
    },
    {
      id: 'earn-trust',
      name: 'Earn Trust',
      summary: 'listen, speak candidly, and admit your own mistakes',
      words: ['trust', 'honest', 'candid', 'admitted', 'transparent', 'my mistake', 'listened', 'respect', 'relationship', 'credibility'],
      questions: ['Tell me about a time you had to earn the trust of a skeptical team.', 'Describe a time you admitted a mistake to others.', 'Tell me about a time you delivered bad news.'],
    },
    {
      id: 'dive-deep',
      name: 'Dive Deep',
      summary: 'stay close to the details and check when the numbers and the story disagree',
      words: ['data', 'metrics', 'dashboard', 'investigated', 'root cause', 'logs', 'traced', 'analysis', 'details', 'profiled', 'debugged'],
      questions: ['Tell me about a time you dug into the details to find the real problem.', 'Describe a time the data told a different story than people believed.', 'Tell me about the hardest bug you tracked down.'],
    },
    {
      id: 'have-backbone-disagree-and-commit',
      name: 'Have Backbone; Disagree and Commit',
      summary: 'challenge decisions you disagree with, then commit fully once decided',
      words: ['disagree', 'disagreed', 'pushed back', 'push back', 'challenged', 'conflict', 'objection', 'committed', 'senior', 'decision'],
      questions: ['Tell me about a time you disagreed with your manager or a senior engineer.', 'Describe a time you pushed back on a decision and what happened.', 'Tell me about a time you committed to a decision you had argued against.'],
    },
    {
      id: 'deliver-results',
      name: 'Deliver Results',
      summary: 'focus on what matters and get it done on time despite setbacks',
      words: ['delivered', 'shipped', 'launch', 'deadline', 'on time', 'results', 'goal', 'setback', 'scope', 'milestone', 'outcome'],
      questions: ['Tell me about a time you delivered under a tight deadline.', 'Describe a project where a setback nearly stopped you and how you still shipped.', 'Tell me about a goal you reached that looked out of reach.'],
    },
    {
      id: 'strive-to-be-earths-best-employer',
      name: "Strive to be Earth's Best Employer",
      summary: 'make the work environment safer, fairer and more rewarding for people',
      words: ['team morale', 'wellbeing', 'burnout', 'on-call load', 'inclusive', 'culture', 'workload', 'support the team', 'psychological safety', 'belonging'],
      questions: ['Tell me about something you did to make your team a better place to work.', 'Describe a time you noticed a teammate struggling and what you did.', 'Tell me about a time you made a process fairer for the people doing it.'],
    },
    {
      id: 'success-and-scale-bring-broad-responsibility',
      name: 'Success and Scale Bring Broad Responsibility',
      summary: 'think about the wider effects of your work on users, communities and the future',
      words: ['privacy', 'security', 'accessibility', 'compliance', 'ethics', 'impact', 'sustainability', 'community', 'responsible', 'safety'],
      questions: ['Tell me about a time you considered the wider impact of something you built.', 'Describe a time you raised a privacy, security or safety concern.', 'Tell me about a decision where doing the right thing cost you something.'],
    },
  ],
};
