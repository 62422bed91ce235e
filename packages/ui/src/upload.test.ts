// The busy state of import forms: on from the submit until the answer is applied, even when applying it fails.
import { describe, expect, it } from 'vitest';
import { en, ja } from './i18n/index.js';
import { uploading } from './upload.js';

describe('uploading', () => {
  it('is busy from the submit until the result has been applied', async () => {
    const states: boolean[] = [];
    const submit = uploading((busy) => states.push(busy));
    const done = submit();
    expect(states).toEqual([true]);
    await done({ update: async () => void states.push(states.at(-1) ?? false) });
    expect(states).toEqual([true, true, false]);
  });

  it('stops being busy when applying the result fails', async () => {
    const states: boolean[] = [];
    const done = uploading((busy) => states.push(busy))();
    await expect(done({ update: () => Promise.reject(new Error('offline')) })).rejects.toThrow('offline');
    expect(states).toEqual([true, false]);
  });

  it('says 取り込み中… in Japanese and Importing… in English', () => {
    expect(ja['upload.busy']).toBe('取り込み中…');
    expect(en['upload.busy']).toBe('Importing…');
  });
});
