// The search box and its results, shared by the Ctrl/Cmd+K dialog and the Search page. Focus stays
// in the box; the arrow keys move through the results (aria-activedescendant) and Enter opens one.
import { useId, useState, type KeyboardEvent } from 'react';
import type { SearchHit } from '../../shared/contract';
import { KIND_LABEL } from '../../shared/records';
import { snippetText } from '../../shared/snippet';
import { Highlighted } from '../ui/Highlighted';
import { useSearch } from './useSearch';

interface Props {
  q: string;
  onQChange(q: string): void;
  onJump(hit: SearchHit): void;
  autoFocus?: boolean;
}

export function SearchPanel({ q, onQChange, onJump, autoFocus }: Props) {
  const { hits, searching, error, answeredQuery } = useSearch(q);
  const [active, setActive] = useState({ query: '', index: 0 });
  const id = useId();
  // A new answer starts again at its first result.
  const activeIndex = active.query === answeredQuery ? Math.min(active.index, hits.length - 1) : 0;
  const optionId = (i: number) => `${id}-hit-${i}`;

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!hits.length) return;
      const next = (activeIndex + (e.key === 'ArrowDown' ? 1 : -1) + hits.length) % hits.length;
      setActive({ query: answeredQuery, index: next });
      document.getElementById(optionId(next))?.scrollIntoView({ block: 'nearest' });
    } else if (e.key === 'Enter') {
      const hit = hits[activeIndex];
      if (hit) {
        e.preventDefault();
        onJump(hit);
      }
    }
  };

  const status = !q.trim()
    ? 'Type to search every vendor, person, process, repository, licence, document and checklist item.'
    : error
      ? `Search failed: ${error}`
      : searching && !hits.length
        ? 'Searching…'
        : hits.length
          ? `${hits.length}${hits.length === 50 ? '+' : ''} result${hits.length === 1 ? '' : 's'}`
          : `Nothing matches “${q.trim()}”.`;

  return (
    <div className="search-panel">
      <div className="search-box">
        <svg className="search-icon" aria-hidden="true" width="15" height="15" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.6">
          <circle cx="7" cy="7" r="4.8" />
          <path d="M10.6 10.6L14 14" strokeLinecap="round" />
        </svg>
        <input
          type="search"
          className="search-input"
          aria-label="Search"
          placeholder="Search the workbook…"
          value={q}
          onChange={(e) => onQChange(e.target.value)}
          onKeyDown={onKeyDown}
          autoFocus={autoFocus}
          aria-controls={`${id}-results`}
          aria-activedescendant={hits.length ? optionId(activeIndex) : undefined}
          aria-autocomplete="list"
          spellCheck={false}
          autoComplete="off"
        />
      </div>
      <div className="search-status muted" role="status">
        {status}
      </div>
      <ul id={`${id}-results`} role="listbox" aria-label="Search results" className={`search-results${searching ? ' is-stale' : ''}`}>
        {hits.map((hit, i) => (
          <li
            key={`${hit.kind}:${hit.id}`}
            id={optionId(i)}
            role="option"
            aria-selected={i === activeIndex}
            className="search-hit"
            onMouseMove={() => i !== activeIndex && setActive({ query: answeredQuery, index: i })}
            onClick={() => onJump(hit)}
          >
            <span className={`kind-tag kind-${hit.kind}`}>{hit.kind === 'checklist_item' ? 'Checklist item' : KIND_LABEL[hit.kind].one}</span>
            <span className="search-hit-main">
              <span className="search-hit-title">
                {/* When the match is in the title, the title itself carries the marks. */}
                {snippetText(hit.snippet) === hit.title ? <Highlighted snippet={hit.snippet} /> : hit.title}
                {hit.vendorName && hit.kind !== 'vendor' && <span className="search-hit-vendor"> · {hit.vendorName}</span>}
              </span>
              {hit.snippet && snippetText(hit.snippet) !== hit.title && (
                <span className="search-hit-snippet">
                  <Highlighted snippet={hit.snippet} />
                </span>
              )}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
