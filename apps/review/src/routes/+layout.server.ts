// Who is signed in and the page's language, for every page (shared with the other app).
export { sessionLayoutLoad as load } from '@jinzai/ui/kit';
