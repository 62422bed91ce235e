import { createApi } from '@jinzai/ui/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch }) => {
  const { families, grades } = await createApi(fetch).grades();
  // Families in the API's order (the policy's), each with its grades in the API's order (highest first).
  return {
    families: families.map((family) => ({
      family,
      grades: grades
        .filter((grade) => grade.family.code === family.code)
        .map(({ code, nameJa, nameEn, competencies }) => ({
          code,
          nameJa,
          nameEn,
          items: competencies.length,
        })),
    })),
  };
};
