/** The starter story `prep init` and `prep new` write (HTML comments in it are ignored by the parser). */

/** The template story written by `prep init` (comments are ignored by the parser). */
export const TEMPLATE = `---
# Optional front matter. Everything here is optional; delete what you do not use.
competencies: [conflict, influence]
tags: [example]
questions:
  - Tell me about a time you disagreed with a teammate.
---

# Replace this title with a short, specific one

<!--
One story per heading. prep reads the four STAR parts under it, written any of these ways:
  - **Situation**: text          (bold list items, with nested bullets if you like)
  **Situation:** text            (bold labels in a paragraph)
  ### Situation                  (a heading per part)
  S: text                        (one-letter prefixes)
  | Situation | text |           (table rows)
Synonyms work too: Context, Background -> Situation; Goal -> Task; Approach, What I did -> Action;
Outcome, Impact -> Result. Other bold labels ("**Lessons:**") become extra sections.
Aim for about 2 minutes spoken (300 words) and a Result with a number in it.
-->

- **Situation**: Where and when; what was at stake, in one or two sentences.
- **Task**: What you were responsible for.
- **Action**:
  - The first thing you did, and why.
  - The second thing you did.
  - How you brought others along.
- **Result**: What changed, with a number (time saved, errors cut by 30%, ...).
- **Lessons**: What you would do again, or differently.
`;

/** Sentences of the template's example story: a story still containing one has not been filled in yet. */
export const TEMPLATE_PHRASES: readonly string[] = [
  'Replace this title with a short, specific one',
  'Where and when; what was at stake, in one or two sentences.',
  'What you were responsible for.',
  'The first thing you did, and why.',
  'What changed, with a number',
];

/** Text that stands in for a part not written yet: "TBD", "TODO", "...", "?", "-", "n/a", or the template's own. */
const PLACEHOLDER = /^(?:tbd|tba|todo|tk|xxx+|n\/?a|none|result|fill (?:this|me) in|\.{2,}|…|\?+|-+|—)[.!:]?$/i;

/** Whether a story part is empty or only a placeholder (so a cheat sheet must not pass it off as written). */
export function isPlaceholder(text: string): boolean {
  const t = text.replace(/^[\s*_>-]+|[\s*_]+$/g, '').trim();
  return !t || PLACEHOLDER.test(t) || TEMPLATE_PHRASES.some((p) => t.includes(p));
}
