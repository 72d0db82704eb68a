// Names for the codes the data carries: districts (from the districts layer, in both languages).
// Loaded once per page; the utilities, statuses and catalogue items translate through i18n keys
// (`value.<field>.<code>`), so a new status only needs a key, never code.
import { api } from './api.js';
import { currentLang } from './i18n.js';

const districts = new Map();

/** Reads the districts' names once (a small public layer: one row per county). */
export async function loadDistrictNames() {
  try {
    const { data } = await api('/api/districts?limit=1000');
    for (const f of data.features) {
      districts.set(f.properties.code, { zh: f.properties.name, en: f.properties.name_en });
    }
  } catch (e) {
    console.warn('district names', e); // the codes are shown then, better than nothing
  }
}

/** The district's name in the page's language ("卫滨区" / "Weibin District"); the code if unknown. */
export function districtName(code) {
  const d = districts.get(code);
  if (!d) return code ?? '';
  return (currentLang() === 'en' ? d.en : null) || d.zh || code;
}
