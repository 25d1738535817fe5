/** The cheat sheet as markdown: the same model as the PDF, for reading in an editor or printing from one. Pure. */
import type { CardRef, CheatSheet, StoryCard } from './cheat-sheet.js';
import type { Run } from './points.js';

/** Escape what markdown would read as formatting in plain text. */
export function escapeMd(text: string): string {
  return text.replace(/([\\`*_[\]<>|#])/g, '\\$1');
}

const ref = (r: CardRef) => `#${r.number} ${escapeMd(r.title)}`;
const runs = (rs: Run[]) => rs.map((r) => (r.strong && r.text.trim() ? `**${escapeMd(r.text)}**` : escapeMd(r.text))).join('');
const more = (n: number) => (n > 0 ? ` *(+${n} more in your notes)*` : '');

function card(c: StoryCard): string[] {
  const lines = [`### ${c.number}. ${escapeMd(c.title)}`, ''];
  const meta = [...(c.competencies.length ? [c.competencies.map(escapeMd).join(' · ')] : []), `${c.speaking} to tell`, `\`${c.sourcePath}\``];
  lines.push(`*${meta.join(' · ')}*`, '');
  if (c.question) lines.push(`> ${escapeMd(c.question)}`, '');
  if (c.situation) lines.push(`- **S** ${escapeMd(c.situation)}${more(c.moreSituation)}`);
  if (c.task) lines.push(`- **T** ${escapeMd(c.task)}${more(c.moreTask)}`);
  if (c.actions.length) {
    lines.push(`- **A**${more(c.moreActions)}`);
    for (const a of c.actions) lines.push(`  - ${escapeMd(a)}`);
  }
  if (c.noResult) lines.push('- **R** *no result written*');
  else if (c.result.length === 1 && !c.moreResults) lines.push(`- **R** ${runs(c.result[0]!)}`);
  else if (c.result.length) {
    lines.push(`- **R**${more(c.moreResults)}`);
    for (const r of c.result) lines.push(`  - ${runs(r)}`);
  }
  if (c.lesson) lines.push(`- **L** ${escapeMd(c.lesson)}`);
  lines.push('');
  return lines;
}

/** Render the cheat sheet as a markdown document. */
export function toMarkdown(sheet: CheatSheet): string {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const lines: string[] = [`# ${escapeMd(sheet.title)}`, ''];
  const facts = [sheet.date, plural(sheet.storyCount, 'story', 'stories'), ...(sheet.noteCount ? [plural(sheet.noteCount, 'note', 'notes')] : []), ...sheet.scope.map(escapeMd)];
  lines.push(`*${facts.join(' · ')}*`, '');
  lines.push('## Question → story', '');
  if (sheet.index.length) {
    lines.push('| Asked about | Tell | Also |', '| --- | --- | --- |');
    for (const e of sheet.index) lines.push(`| ${escapeMd(e.competency)} | ${ref(e.best)} | ${e.also.map(ref).join(', ')} |`);
    lines.push('');
  }
  if (sheet.gaps.length) {
    lines.push(`**Gaps** (no story yet): ${sheet.gaps.map((g) => escapeMd(g.competency)).join(', ')}`, '');
    const g = sheet.gaps[0]!;
    if (g.question) lines.push(`*Prepare one for: “${escapeMd(g.question)}”*`, '');
  }
  if (sheet.cards.length) {
    lines.push('## Stories', '');
    for (const c of sheet.cards) lines.push(...card(c));
  }
  if (sheet.notes.length) {
    lines.push('## Notes', '');
    for (const n of sheet.notes) {
      lines.push(`### ${n.number}. ${escapeMd(n.title)}`, '', `*${n.speaking} · \`${n.sourcePath}\`*`, '');
      for (const p of n.points) lines.push(`- ${escapeMd(p)}`);
      if (n.more) lines.push(`- *+${n.more} more in your notes*`);
      lines.push('');
    }
  }
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
