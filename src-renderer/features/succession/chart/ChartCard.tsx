// One position on the chart, drawn from the shared card model (the exports draw the same model).
import { memo } from 'react';
import { CARD, CRITICALITY_COLOURS, markerPath, STRENGTH_COLOURS, type CardModel, type MarkerShape } from '../../../../src-shared/domain/succession';

export interface CardState {
  selected: boolean;
  /** The highlighted person (selected, or searched for) holds or is nominated for this position. */
  personHere: boolean;
  highlightedPersonId: string | null;
  /** Step of the vacancy chain this position is (1-based), and whether the chain ends here without a ready successor. */
  chainStep: number | null;
  chainGap: boolean;
  hasChildren: boolean;
  collapsed: boolean;
  photo: string | null;
}

export function Marker({ shape, colour, size = 10 }: { shape: MarkerShape; colour: string; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 10 10" aria-hidden className="sc-marker">
      <path d={markerPath(shape, 5, 5, 4.2)} fill={colour} />
    </svg>
  );
}

export const ChartCard = memo(function ChartCard({ card, state, onSelect, onToggle, onSelectPerson }: {
  card: CardModel;
  state: CardState;
  onSelect: (id: string) => void;
  onToggle: (id: string) => void;
  onSelectPerson: (personId: string) => void;
}) {
  const keyColour = card.criticality ? CRITICALITY_COLOURS[card.criticality] : undefined;
  const classes = ['sc-card', card.isKey && 'sc-key', state.selected && 'sc-selected', state.personHere && 'sc-person-here', state.chainStep !== null && 'sc-chain', state.chainGap && 'sc-gap']
    .filter(Boolean).join(' ');
  return (
    <div
      className={classes}
      data-chart-card
      data-testid={`chart-node-${card.id}`}
      data-key={card.isKey || undefined}
      data-bench={card.bench?.band}
      style={{ borderColor: card.isKey && !state.selected ? keyColour : undefined }}
      onClick={() => onSelect(card.id)}
    >
      {/* The card's keyboard and screen-reader handle; the successors and the expand toggle are buttons of their own. */}
      <button type="button" className="sc-select" aria-label={`${card.title}, ${card.incumbentName}${card.isKey ? ', key position' : ''}`} aria-pressed={state.selected}
        onClick={(e) => (e.stopPropagation(), onSelect(card.id))} />
      <div className="sc-photo" style={{ left: CARD.photo.x, top: CARD.photo.y, width: CARD.photo.size, height: CARD.photo.size }}>
        {state.photo ? <img src={state.photo} alt="" /> : <span>{card.initials}</span>}
      </div>
      {card.isKey && <span className="sc-badge" style={{ background: keyColour }}>KEY</span>}
      {state.chainStep !== null && <span className="sc-step" title="Step of the vacancy chain">{state.chainStep}</span>}
      <div className="sc-head" style={{ left: CARD.textWithPhoto, top: CARD.title.y - 1, right: card.isKey ? CARD.padding + CARD.badge.width + 4 : CARD.padding }}>
        <div className="sc-title" title={card.title}>{card.title}</div>
        <div className={card.vacant ? 'sc-name sc-vacant' : 'sc-name'}>{card.incumbentName}</div>
        <div className="sc-detail">{card.detail}</div>
      </div>
      {(card.isKey || card.successors.length > 0) && (
        <div className="sc-successors" style={{ top: CARD.rule.y }}>
          {card.successors.length === 0 && <div className="sc-none">No successors nominated</div>}
          {card.successors.map((successor) => (
            <button
              type="button"
              key={successor.personId}
              className={successor.personId === state.highlightedPersonId ? 'sc-successor sc-person' : 'sc-successor'}
              data-band={successor.band}
              onClick={(e) => (e.stopPropagation(), onSelectPerson(successor.personId))}
              title={`${successor.name}: ${successor.readiness}${successor.emergency ? ', interim cover' : ''} — show everywhere they are nominated`}
            >
              <Marker shape={successor.shape} colour={successor.colour} />
              <span className="sc-successor-name">{successor.name}{successor.external ? ' (external)' : ''}</span>
              <span className="sc-readiness" data-band={successor.band}>{successor.emergency ? 'Interim · ' : ''}{successor.readiness}</span>
            </button>
          ))}
        </div>
      )}
      <div className="sc-footer" style={{ top: CARD.footer.y - 2 }}>
        <span className="sc-notes">
          {[...(card.more ? [`+${card.more} more`] : []), ...card.flags.map((flag) => flag.text)].join(' · ')}
        </span>
        {card.bench && <span className="sc-bench" data-testid="chart-bench" style={{ color: STRENGTH_COLOURS[card.bench.band] }}>{card.bench.label}</span>}
      </div>
      {state.hasChildren && (
        <button
          type="button"
          className="sc-toggle"
          data-testid={`chart-toggle-${card.id}`}
          aria-label={state.collapsed ? `Show the ${card.hidden.toLocaleString('en')} positions below` : 'Hide the positions below'}
          onClick={(e) => (e.stopPropagation(), onToggle(card.id))}
        >
          {state.collapsed ? `+${card.hidden.toLocaleString('en')} below` : '−'}
        </button>
      )}
    </div>
  );
});
