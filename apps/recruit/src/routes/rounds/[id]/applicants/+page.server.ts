import { fail } from '@sveltejs/kit';
import { load as get, send, uploaded } from '$lib/server/recruit-api';
import type { RoundDetail } from '$lib/recruitment';
import type { Actions, PageServerLoad } from './$types';

export interface ApplicantRow {
  applicantNo: string;
  name: string | null;
  nameKana: string | null;
  email: string | null;
  consent: boolean;
  anonymised: boolean;
  decisions: Record<string, { decision: 'pass' | 'hold' | 'fail'; reason: string }>;
}

export const load: PageServerLoad = async ({ fetch, params }) => {
  const [detail, list] = await Promise.all([
    get<RoundDetail>(fetch, `/rounds/${params.id}`),
    get<{ applicants: ApplicantRow[] }>(fetch, `/rounds/${params.id}/applicants`),
  ]);
  return { detail, applicants: list.applicants };
};

export const actions: Actions = {
  import: async ({ request, fetch, params }) => {
    const file = await uploaded(await request.formData());
    if (!file) return fail(400, { status: 400, message: 'ファイルを選んでください' });
    const r = await send<{ rows: number }>(
      fetch,
      'POST',
      `/rounds/${params.id}/applicants`,
      file.bytes,
      file.type,
    );
    return r.ok ? { imported: r.value.rows } : r.failure;
  },
  add: async ({ request, fetch, params }) => {
    const form = await request.formData();
    const r = await send(fetch, 'POST', `/rounds/${params.id}/applicants`, {
      applicantNo: String(form.get('applicantNo') ?? ''),
      name: String(form.get('name') ?? ''),
      nameKana: String(form.get('nameKana') ?? ''),
      email: String(form.get('email') ?? ''),
      consent: form.get('consent') === 'on',
    });
    return r.ok ? { added: true } : r.failure;
  },
  decide: async ({ request, fetch, params }) => {
    const form = await request.formData();
    const stageId = String(form.get('stageId') ?? '');
    const no = encodeURIComponent(String(form.get('applicantNo') ?? ''));
    const r = await send(fetch, 'PUT', `/rounds/${params.id}/stages/${stageId}/decisions/${no}`, {
      decision: String(form.get('decision') ?? ''),
      reason: String(form.get('reason') ?? ''),
    });
    return r.ok ? { decided: true } : r.failure;
  },
  scores: async ({ request, fetch, params }) => {
    const file = await uploaded(await request.formData());
    if (!file) return fail(400, { status: 400, message: 'ファイルを選んでください' });
    const r = await send<{ rows: number }>(
      fetch,
      'POST',
      `/rounds/${params.id}/scores`,
      file.bytes,
      file.type,
    );
    return r.ok ? { scored: r.value.rows } : r.failure;
  },
};
