// The users import's template for HR: a CSV with a UTF-8 BOM, the header and one example row.
import { error } from '@sveltejs/kit';
import { isHr } from '@jinzai/ui';
import { USERS_TEMPLATE } from '../filters';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals }) => {
  if (!isHr(locals.user)) error(403, 'このページを表示する権限がありません');
  return new Response(USERS_TEMPLATE, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="users-template.csv"',
    },
  });
};
