import { error } from '@sveltejs/kit';
import { createApi } from '@jinzai/ui/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, params }) => {
  const { grades } = await createApi(fetch).grades();
  const grade = grades.find((g) => g.code === params.grade);
  if (!grade) error(404, '職層が見つかりません');
  return {
    grade,
    siblings: grades
      .filter((g) => g.family.code === grade.family.code)
      .map(({ code, nameJa, nameEn }) => ({ code, nameJa, nameEn })),
  };
};
