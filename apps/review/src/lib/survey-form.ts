// Checks a survey form can make in the browser before anything is sent (the server checks the same again).

/**
 * Stops a submission while a question has more options ticked than it allows (the question says so itself, see
 * SurveyQuestion), and moves the focus to that question.
 */
export function refuseOverLimit(event: SubmitEvent): void {
  const form = event.currentTarget as HTMLFormElement;
  const over = form.querySelector<HTMLFieldSetElement>('fieldset[data-over-limit="true"]');
  if (!over) return;
  event.preventDefault();
  over.querySelector<HTMLInputElement>('input:checked')?.focus();
}
