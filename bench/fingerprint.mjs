// How well content fingerprints follow an edit: each sample story retitled and its Situation reworded, against the
// closest pair of different samples, and the cost per story. Run: npm run build && node bench/fingerprint.mjs
import { loadStories } from '../dist/load/read-stories.js';
import { storyFingerprint, fingerprintSimilarity } from '../dist/story/fingerprint.js';
const { stories } = await loadStories([new URL('../stories', import.meta.url).pathname], { cwd: process.cwd() });
const star = stories.filter((s) => s.kind === 'star');
const edits = star.map((s) => {
  const words = s.situation.split(' ');
  // Reword: drop the first sentence's first 6 words and replace them with new ones; retitle.
  const situation = ['In', 'my', 'previous', 'role', 'back', 'then,', ...words.slice(6)].join(' ');
  return fingerprintSimilarity(storyFingerprint(s), storyFingerprint({ ...s, title: s.title + ' (revised)', situation }));
});
let maxOther = 0;
for (const a of stories) for (const b of stories) if (a !== b) maxOther = Math.max(maxOther, fingerprintSimilarity(storyFingerprint(a), storyFingerprint(b)));
console.log('edited: min', Math.min(...edits).toFixed(2), 'mean', (edits.reduce((x, y) => x + y) / edits.length).toFixed(2), 'n', edits.length);
console.log('different stories: max', maxOther.toFixed(2), 'over', stories.length, 'stories');
const t0 = performance.now(); for (let i = 0; i < 100; i++) for (const s of stories) storyFingerprint(s); console.log('fingerprint ms/story', ((performance.now() - t0) / (100 * stories.length)).toFixed(3));
