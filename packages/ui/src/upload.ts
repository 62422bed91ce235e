// The state of an import form (use:enhance): busy from the submit until the result is shown, with the upload's
// progress in the form's <progress data-upload> (UploadSubmit renders it).

/** What SvelteKit's enhance passes to the callback a submit function returns. */
interface Submitted {
  update: () => Promise<void>;
}

/** What SvelteKit's enhance passes to a submit function (the parts used here). */
export interface SubmitInput {
  formElement: HTMLFormElement;
  formData: FormData;
  action: URL;
  cancel: () => void;
}

/** What the page's form and page need to show an action's result: SvelteKit's own functions, passed in. */
export interface FormKit {
  deserialize: (text: string) => { type: string };
  applyAction: (result: never) => Promise<void>;
  invalidateAll: () => Promise<void>;
}

/**
 * A submit function for `use:enhance` that calls `set(true)` when the form is sent and `set(false)` when the
 * answer has been applied (or failed), so that UploadSubmit shows 取り込み中… for exactly as long as the import runs.
 * Given `kit` (the page's `deserialize`, `applyAction` and `invalidateAll`) in a browser, it sends the file itself
 * with XMLHttpRequest, whose upload progress fills the form's `<progress data-upload>`: the share sent, then
 * "checking and writing" while the server works. It applies the result as enhance would.
 */
export function uploading(
  set: (busy: boolean) => void,
  kit?: FormKit,
): (input?: SubmitInput) => ((submitted: Submitted) => Promise<void>) | void {
  return (input) => {
    set(true);
    if (kit && input && typeof XMLHttpRequest !== 'undefined') {
      input.cancel();
      void sendWithProgress(input, kit).finally(() => set(false));
      return;
    }
    return async ({ update }) => {
      try {
        await update();
      } finally {
        set(false);
      }
    };
  };
}

/** Sends the form like enhance does (the action's JSON answer), showing the bytes sent in the form's progress bar. */
async function sendWithProgress({ formElement, formData, action }: SubmitInput, kit: FormKit): Promise<void> {
  const bar = formElement.querySelector<HTMLProgressElement>('progress[data-upload]');
  const phase = formElement.querySelector<HTMLElement>('[data-upload-phase]');
  const say = (key: 'sending' | 'processing', percent?: number) => {
    if (!phase) return;
    const text = phase.dataset[key] ?? '';
    phase.textContent = percent === undefined ? text : text.replace('{percent}', String(percent));
  };
  say('sending', 0);
  const text = await new Promise<string>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', action.href);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('x-sveltekit-action', 'true');
    xhr.upload.onprogress = (e) => {
      if (!e.lengthComputable) return;
      if (bar) {
        bar.max = e.total;
        bar.value = e.loaded;
      }
      say('sending', Math.floor((e.loaded / e.total) * 100));
    };
    xhr.upload.onload = () => {
      // Sent: the server now reads, checks and writes the file; how long that takes is not known here.
      bar?.removeAttribute('value');
      say('processing');
    };
    xhr.onload = () => resolve(xhr.responseText);
    xhr.onerror = () => reject(new Error('the upload could not be sent'));
    xhr.send(formData);
  });
  const result = kit.deserialize(text);
  if (result.type === 'success') {
    formElement.reset();
    await kit.invalidateAll();
  }
  await kit.applyAction(result as never);
}
