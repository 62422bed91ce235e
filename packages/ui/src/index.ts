// Shared by both SvelteKit apps. Server-only helpers live in './server.ts' and './api.ts' (import them by path).
export { default as AccountPage } from './components/AccountPage.svelte';
export { default as ActionMessage } from './components/ActionMessage.svelte';
export { default as AppError } from './components/AppError.svelte';
export { default as AppFrame } from './components/AppFrame.svelte';
export { default as AppShell } from './components/AppShell.svelte';
export { default as ConfirmDialog } from './components/ConfirmDialog.svelte';
export { default as DataTable } from './components/DataTable.svelte';
export { default as ErrorView } from './components/ErrorView.svelte';
export { default as Field } from './components/Field.svelte';
export { default as FormError } from './components/FormError.svelte';
export { default as ImportProblems } from './components/ImportProblems.svelte';
export { default as LangSwitch } from './components/LangSwitch.svelte';
export { default as LoginForm } from './components/LoginForm.svelte';
export { default as LoginPage } from './components/LoginPage.svelte';
export { default as MailOffNote } from './components/MailOffNote.svelte';
export { default as UploadField } from './components/UploadField.svelte';
export { default as UploadSubmit } from './components/UploadSubmit.svelte';
export { default as TaskList } from './components/TaskList.svelte';
export { default as YearField } from './components/YearField.svelte';
export { default as YearPicker } from './components/YearPicker.svelte';
export type { AppKey, Column, NavLink } from './components/types.js';

export * from './i18n/index.js';
export * from './format.js';
export { langHref } from './links.js';
export { uploading, type FormKit } from './upload.js';
export { canUseRecruit, isHr } from './roles.js';
export { roleNames, type PasswordProblem } from './account.js';
export type {
  Competency,
  CompetencyLayerCode,
  Grade,
  GradesResponse,
  JobFamily,
  Layer,
  LayerCode,
  Role,
  SessionUser,
  Track,
  TrackCode,
  TracksResponse,
  Weights,
} from './api.js';
