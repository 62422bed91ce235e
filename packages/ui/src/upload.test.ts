// The busy state of import forms: on from the submit until the answer is applied, even when applying it fails.
import { describe, expect, it, vi } from 'vitest';
import { en, ja } from './i18n/index.js';
import { uploading } from './upload.js';

describe('uploading', () => {
  it('is busy from the submit until the result has been applied', async () => {
    const states: boolean[] = [];
    const submit = uploading((busy) => states.push(busy));
    const done = submit() as (s: { update: () => Promise<void> }) => Promise<void>;
    expect(states).toEqual([true]);
    await done({ update: async () => void states.push(states.at(-1) ?? false) });
    expect(states).toEqual([true, true, false]);
  });

  it('stops being busy when applying the result fails', async () => {
    const states: boolean[] = [];
    const done = uploading((busy) => states.push(busy))() as (s: {
      update: () => Promise<void>;
    }) => Promise<void>;
    await expect(done({ update: () => Promise.reject(new Error('offline')) })).rejects.toThrow('offline');
    expect(states).toEqual([true, false]);
  });

  it('sends the file itself, filling the progress bar, then applies the result as enhance would', async () => {
    const bar = { max: 0, value: 0, removeAttribute: vi.fn() };
    const phase = {
      dataset: { sending: 'ファイルを送信中 {percent}%', processing: '送信しました' },
      textContent: '',
    };
    const form = {
      querySelector: (sel: string) => (sel.startsWith('progress') ? bar : phase),
      reset: vi.fn(),
    };
    const seen: string[] = [];
    class FakeXhr {
      upload: { onprogress?: (e: object) => void; onload?: () => void } = {};
      onload?: () => void;
      responseText = '{"type":"success","status":200}';
      headers: Record<string, string> = {};
      open(method: string, url: string) {
        seen.push(`${method} ${url}`);
      }
      setRequestHeader(name: string, value: string) {
        this.headers[name] = value;
      }
      send() {
        seen.push(this.headers['x-sveltekit-action'] ?? '');
        this.upload.onprogress?.({ lengthComputable: true, loaded: 45, total: 100 });
        seen.push(`${bar.value}/${bar.max} ${phase.textContent}`);
        this.upload.onload?.();
        seen.push(phase.textContent);
        this.onload?.();
      }
    }
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    const states: boolean[] = [];
    const applied = new Promise<unknown>((resolve) => {
      const kit = {
        deserialize: (text: string) => JSON.parse(text) as { type: string },
        applyAction: (r: never) => {
          resolve(r);
          return Promise.resolve();
        },
        invalidateAll: vi.fn(() => Promise.resolve()),
      };
      const cancel = vi.fn();
      const back = uploading(
        (b) => states.push(b),
        kit,
      )({
        formElement: form as unknown as HTMLFormElement,
        formData: new FormData(),
        action: new URL('http://localhost/review/org?/import'),
        cancel,
      });
      expect(back).toBeUndefined();
      expect(cancel).toHaveBeenCalled();
    });
    expect(await applied).toEqual({ type: 'success', status: 200 });
    await vi.waitFor(() => expect(states).toEqual([true, false]));
    expect(seen).toEqual([
      'POST http://localhost/review/org?/import',
      'true',
      '45/100 ファイルを送信中 45%',
      '送信しました',
    ]);
    expect(bar.removeAttribute).toHaveBeenCalledWith('value');
    expect(form.reset).toHaveBeenCalled();
    vi.unstubAllGlobals();
  });

  it('says 取り込み中… in Japanese and Importing… in English', () => {
    expect(ja['upload.busy']).toBe('取り込み中…');
    expect(en['upload.busy']).toBe('Importing…');
  });
});
