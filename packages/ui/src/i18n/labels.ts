// The policy's labels as dictionary entries: model holds each label once, and the dictionaries take theirs from
// here, under a key prefix, so that a screen and an export never name the same thing twice.
import { KOO_LI_BANDS, KPI_STATUS_LABELS, ROLE_LABELS } from '@jinzai/model';

type Labels<K extends string> = Readonly<Record<K, { readonly ja: string; readonly en: string }>>;

/** The entries `prefix.code` → label in one language, for every code of a label table of model. */
export function labelMessages<P extends string, K extends string>(
  prefix: P,
  labels: Labels<K>,
  lang: 'ja' | 'en',
): Record<`${P}.${K}`, string> {
  return Object.fromEntries(
    Object.entries<{ ja: string; en: string }>(labels).map(([code, l]) => [`${prefix}.${code}`, l[lang]]),
  ) as Record<`${P}.${K}`, string>;
}

type KooLiCode = (typeof KOO_LI_BANDS)[number]['code'];
const KOO_LI_LABELS = Object.fromEntries(
  KOO_LI_BANDS.map((b) => [b.code, { ja: b.nameJa, en: b.nameEn }]),
) as Labels<KooLiCode>;

/** The roles (`role.*`). */
export const roleMessages = (lang: 'ja' | 'en') => labelMessages('role', ROLE_LABELS, lang);
/** The Koo & Li reliability bands (`rc.band.*`). */
export const reliabilityBandMessages = (lang: 'ja' | 'en') => labelMessages('rc.band', KOO_LI_LABELS, lang);
/** The KPI statuses (`survey.status.*`). */
export const kpiStatusMessages = (lang: 'ja' | 'en') =>
  labelMessages('survey.status', KPI_STATUS_LABELS, lang);
