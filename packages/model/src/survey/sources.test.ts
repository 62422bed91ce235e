import { describe, expect, it } from 'vitest';
import { sourceConflict } from './sources.js';

describe('sourceConflict', () => {
  it('lets a survey grow from one source and replace its imported answers', () => {
    expect(sourceConflict(new Set(), 'online')).toBeNull();
    expect(sourceConflict(new Set(), 'import')).toBeNull();
    expect(sourceConflict(new Set(['online']), 'online')).toBeNull();
    expect(sourceConflict(new Set(['import']), 'import')).toBeNull();
  });
  it('never mixes online and imported answers, either way round', () => {
    expect(sourceConflict(new Set(['online']), 'import')).toMatch(/取り込めません/);
    expect(sourceConflict(new Set(['import']), 'online')).toMatch(/受け付けていません/);
  });
});
