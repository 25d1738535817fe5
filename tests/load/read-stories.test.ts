import { describe, expect, it } from 'vitest';
import { findStoryFiles } from '../../src/load/read-stories.js';
import { starStory, tempDir, writeTree } from '../helpers.js';

describe('findStoryFiles', () => {
  it('reads .txt files in a folder when they look like markdown notes, and skips other text', () => {
    const dir = writeTree(tempDir(), {
      'notes/a.md': starStory('A'),
      'notes/b.txt': starStory('B'),
      'notes/c.txt': 'Situation: the build broke.\nAction: I fixed it.\n',
      'notes/shopping.txt': 'milk\neggs\n',
      'notes/README': '# not read: no extension\n',
    });
    const { files } = findStoryFiles([`${dir}/notes`], dir);
    expect(files.map((f) => f.display)).toEqual(['notes/a.md', 'notes/b.txt', 'notes/c.txt']);
  });
});
