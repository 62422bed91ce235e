// The busy state of an import form (use:enhance): set when the upload is sent, cleared once its result is shown.

/** What SvelteKit's enhance passes to the callback a submit function returns. */
interface Submitted {
  update: () => Promise<void>;
}

/**
 * A submit function for `use:enhance` that calls `set(true)` when the form is sent and `set(false)` when the
 * answer has been applied (or failed), so that UploadSubmit shows 取り込み中… for exactly as long as the import runs.
 */
export function uploading(set: (busy: boolean) => void): () => (submitted: Submitted) => Promise<void> {
  return () => {
    set(true);
    return async ({ update }) => {
      try {
        await update();
      } finally {
        set(false);
      }
    };
  };
}
