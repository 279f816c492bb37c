// The one search box: communes (name, INSEE code, postcode), EPCI and TI of both generations.
// WAI-ARIA combobox with a listbox popup (editable, list autocomplete, no inline completion).

import { type KeyboardEvent, useEffect, useId, useMemo, useState } from 'react';
import { searchableEpci } from '../data/catalog.ts';
import type { TerritoriesFile } from '../data/types.ts';
import { explainNoResult, search } from '../domain/search/query.ts';
import { buildSearchIndex, type SearchIndex, type SearchResult } from '../domain/search/search-index.ts';
import { placeAliases } from '../domain/search-aliases.ts';
import { parseTiKey } from '../domain/ti-key.ts';
import { loadCommunes } from '../state/load.ts';
import { useAtlas } from '../state/store.ts';
import { communeSentence } from './commune-sentence.ts';
import { useLang, useT } from './useT.ts';
import './search.css';

const LIMIT = 8;

// ---------------------------------------------------------------------------
// Index cache (module level: built once per loaded data set, survives remounts)

interface IndexCache {
  source: TerritoriesFile;
  /** EPCI and TI only: usable at once, while the commune list loads. */
  base: SearchIndex;
  full: SearchIndex | null;
  fullPromise: Promise<SearchIndex> | null;
}
let cache: IndexCache | null = null;

function indexCache(territories: TerritoriesFile): IndexCache {
  if (!cache || cache.source !== territories) {
    cache = {
      source: territories,
      base: buildSearchIndex({ communes: [], epci: searchableEpci(territories), ti: territories.ti }),
      full: null,
      fullPromise: null,
    };
  }
  return cache;
}

function loadFullIndex(c: IndexCache): Promise<SearchIndex> {
  c.fullPromise ??= loadCommunes().then((communes) => {
    const epci = searchableEpci(c.source);
    const aliases = placeAliases(communes, epci, c.source.ti);
    c.full = buildSearchIndex({ communes, epci, ti: c.source.ti, aliases });
    return c.full;
  });
  return c.fullPromise;
}

// ---------------------------------------------------------------------------

function choose(r: SearchResult): void {
  const s = useAtlas.getState();
  if (r.kind === 'epci') {
    s.select({ kind: 'epci', code: r.code });
  } else if (r.kind === 'ti') {
    const generation = r.generation ?? parseTiKey(r.code)?.generation ?? s.view.generation;
    if (generation !== s.view.generation || !s.view.showTi) s.setView({ generation, showTi: true });
    useAtlas.getState().select({ kind: 'ti', code: r.code });
  } else if (r.epci && s.catalog?.epci.has(r.epci)) {
    s.select({ kind: 'epci', code: r.epci });
  }
  showProfile();
}

/**
 * On a phone the profile sits under the map: bring its title into view and close the on-screen
 * keyboard (the input loses the focus), so the answer is seen without scrolling by hand.
 */
function showProfile(): void {
  if (!window.matchMedia('(max-width: 720px)').matches) return;
  (document.activeElement as HTMLElement | null)?.blur();
  requestAnimationFrame(() =>
    requestAnimationFrame(() => document.querySelector('#panel h2')?.scrollIntoView({ block: 'start' })),
  );
}

type CommunesState = 'idle' | 'loading' | 'ready' | 'error';

export function SearchBox() {
  const t = useT();
  const lang = useLang();
  const data = useAtlas((s) => s.data);
  const catalog = useAtlas((s) => s.catalog);
  const territories = useAtlas((s) => s.data?.territories);
  const years = territories ? { commune: territories.communePopulationYear, epci: territories.populationYear } : null;
  const [wanted, setWanted] = useState(false);
  const [index, setIndex] = useState<SearchIndex | null>(() =>
    data && cache?.source === data.territories ? cache.full : null,
  );
  const [communes, setCommunes] = useState<CommunesState>('idle');
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  /** The commune last chosen: its sentence stays until the next search. */
  const [chosen, setChosen] = useState<SearchResult | null>(null);
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-opt-${i}`;

  // First focus: index EPCI and TI at once, then the communes when their list arrives.
  useEffect(() => {
    if (!wanted || !data) return;
    const c = indexCache(data.territories);
    if (c.full) {
      setIndex(c.full);
      setCommunes('ready');
      return;
    }
    setIndex(c.base);
    setCommunes('loading');
    let live = true;
    loadFullIndex(c).then(
      (full) => {
        if (!live) return;
        setIndex(full);
        setCommunes('ready');
      },
      () => live && setCommunes('error'),
    );
    return () => {
      live = false;
    };
  }, [wanted, data]);

  const results = useMemo(() => (index && query.trim() ? search(index, query, LIMIT) : []), [index, query]);
  // When the communes arrive the options change under the user: nothing stays active.
  const [activeIndex, setActiveIndex] = useState(index);
  if (activeIndex !== index) {
    setActiveIndex(index);
    setActive(-1);
  }

  const showList = open && results.length > 0;
  useEffect(() => {
    if (showList && active >= 0) document.getElementById(`${id}-opt-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [showList, active, id]);

  let message: string | null = null;
  if (open && query.trim() && results.length === 0) {
    if (!index) message = t('search.loading');
    else if (communes === 'loading') message = t('search.loadingCommunes');
    else {
      const reason = explainNoResult(query);
      const q = query.trim();
      message =
        reason === 'too-short'
          ? t('search.tooShort')
          : reason === 'unknown-code'
            ? t('search.unknownCode', { query: q })
            : reason === 'no-match'
              ? t('search.noMatch', { query: q })
              : null;
    }
  }
  const footer =
    showList && communes === 'loading'
      ? t('search.loadingCommunes')
      : showList && communes === 'error'
        ? t('search.communesError')
        : null;

  const pick = (r: SearchResult) => {
    choose(r);
    setChosen(r.kind === 'commune' ? r : null);
    setQuery(r.name);
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const n = results.length;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        setOpen(true);
        if (n) setActive(!open ? 0 : active >= n - 1 ? 0 : active + 1);
        break;
      case 'ArrowUp':
        e.preventDefault();
        setOpen(true);
        if (n) setActive(!open || active <= 0 ? n - 1 : active - 1);
        break;
      case 'Home':
      case 'End':
        // Inside the list only while an option is active; otherwise they move the caret.
        if (showList && active >= 0) {
          e.preventDefault();
          setActive(e.key === 'Home' ? 0 : n - 1);
        }
        break;
      case 'Enter':
        if (showList) {
          e.preventDefault();
          pick(results[Math.max(active, 0)]);
        }
        break;
      case 'Escape':
        if (open && (showList || message)) {
          e.preventDefault();
          setOpen(false);
          setActive(-1);
        } else if (query) {
          e.preventDefault();
          setQuery('');
        }
        break;
    }
  };

  const kindBadge = (r: SearchResult) =>
    r.kind === 'ti'
      ? r.generation === '2018'
        ? t('search.ti2018')
        : t('search.ti2023')
      : t(`kind.${r.nature === 'EPT' ? 'ept' : r.kind}`);
  const depLabel = (code: string | undefined) => {
    if (!code) return '';
    const name = catalog?.departements.get(code)?.name;
    return name ? `${name} (${code})` : code;
  };
  const detail = (r: SearchResult): string => {
    if (r.kind === 'commune') {
      // r.detail starts with the matched postcode: "13001 +15 · 13".
      const pcs = r.postcodes ?? [];
      const first = r.detail.includes(' · ') ? r.detail.split(' ')[0] : pcs[0];
      const pc = first ? (pcs.length > 1 ? `${first} ${t('search.postcodes', { count: pcs.length - 1 })}` : first) : '';
      return [pc, depLabel(r.departement)].filter(Boolean).join(' · ');
    }
    if (r.kind === 'epci') {
      const nature = r.nature ? t(`nature.${r.nature}`) : '';
      const rec = catalog?.epci.get(r.code) ?? catalog?.ept.get(r.code);
      return [nature, depLabel(rec?.depSiege)].filter(Boolean).join(' · ');
    }
    const deps = catalog?.ti.get(r.code)?.departements ?? [];
    return deps.length === 1 ? depLabel(deps[0]) : deps.join(', ');
  };

  const sentence = chosen ? communeSentence(t, lang, catalog, chosen, years) : '';

  return (
    <>
      <div className="search">
        <label htmlFor={inputId} className="sr-only">
          {t('search.label')}
        </label>
        <input
          id={inputId}
          data-testid="search-input"
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={showList}
          aria-controls={listId}
          aria-activedescendant={showList && active >= 0 ? optionId(active) : undefined}
          aria-describedby={message ? `${id}-msg` : undefined}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          enterKeyHint="search"
          placeholder={t('search.placeholder')}
          value={query}
          onFocus={() => setWanted(true)}
          onBlur={() => {
            setOpen(false);
            setActive(-1);
          }}
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(true);
            setActive(-1);
            setChosen(null);
          }}
          onKeyDown={onKeyDown}
        />
        <div className="search-popup" hidden={!showList && !message}>
          <div
            id={listId}
            role="listbox"
            aria-label={t('search.results')}
            className="search-list"
            hidden={!showList}
            // Clicks in the list must not blur the input (which closes the list).
            onMouseDown={(e) => e.preventDefault()}
          >
            {showList &&
              results.map((r, i) => (
                // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard stays in the combobox input (aria-activedescendant)
                <div
                  key={`${r.kind}:${r.code}`}
                  id={optionId(i)}
                  role="option"
                  tabIndex={-1}
                  aria-selected={i === active}
                  className="search-option"
                  onMouseMove={() => i !== active && setActive(i)}
                  onClick={() => pick(r)}
                >
                  <span className="search-name">{r.name}</span>
                  <span className={`search-badge ${r.kind}${r.generation === '2018' ? ' old' : ''}`}>
                    {kindBadge(r)}
                  </span>
                  <span className="search-detail">{detail(r)}</span>
                </div>
              ))}
          </div>
          {footer && <p className="search-footer">{footer}</p>}
          {message && (
            <p id={`${id}-msg`} className="search-message" role="status">
              {message}
            </p>
          )}
        </div>
      </div>
      <div className={`search-status${sentence ? '' : ' is-empty'}`} data-testid="search-status">
        <p role="status">{sentence}</p>
        {sentence && (
          <button
            type="button"
            aria-label={t('search.dismiss')}
            title={t('search.dismiss')}
            onClick={() => setChosen(null)}
          >
            ×
          </button>
        )}
      </div>
    </>
  );
}
