// The attribute panel: a clicked feature's properties with translated field names and values —
// names for codes (district, utility, status, catalogue items), years as years, never raw codes.
import { t, num, year, valueName } from './i18n.js';
import { districtName } from './names.js';
import { historyButton } from './history-panel.js';

/** Years are written as years (1988), not as grouped numbers (1,988). */
const YEARS = new Set(['build_year', 'year_built', 'year']);

export function showFeature(layerId, feature, layer, state) {
  const panel = document.getElementById('feature-panel');
  const list = document.getElementById('feature-attributes');
  list.replaceChildren();
  const title = document.createElement('dt');
  title.className = 'feature-layer';
  title.textContent = t(`layer.${layerId}`);
  const id = document.createElement('dd');
  id.textContent = `#${feature.id}`;
  list.append(title, id);
  const p = feature.properties;
  for (const [key, value] of Object.entries(p)) {
    if (value === null || value === undefined) continue;
    // The owner's name says who it is; its code beside it would say it twice (power + 新乡供电公司).
    if (key === 'owner' && p.owner_name) continue;
    const dt = document.createElement('dt');
    dt.textContent = t(`field.${key}`);
    const dd = document.createElement('dd');
    dd.dataset.field = key;
    dd.textContent = display(key, value);
    list.append(dt, dd);
  }
  // Who changed it and when, from the audit trail (signed-in users).
  document.getElementById('feature-history')?.remove();
  const history = historyButton(layerId, feature.id, state?.user);
  if (history) list.after(history);
  panel.hidden = false;
  // On a phone or beside a long dashboard the panel may be out of sight: bring it in.
  panel.scrollIntoView?.({ block: 'nearest' });
  if (layer?.setStyle) {
    state.selected?.layer?.setStyle?.(state.selected.style);
    state.selected = { layer, style: { ...layer.options } };
    layer.setStyle({ weight: 4, color: '#0d47a1' });
  }
}

/** One attribute as a person reads it. */
export function display(key, value) {
  if (YEARS.has(key)) return year(value);
  if (key === 'district') return districtName(value);
  if (key === 'owner') return valueName('utility', value); // owners are the utilities' codes
  if (typeof value === 'number') return num(value, 2);
  // `_status` is the programme status the map added; its values are the status codes.
  return valueName(key === '_status' ? 'status' : key, value);
}
