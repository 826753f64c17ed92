import { useT } from '../../../i18n';
import { initialsOf, type Peer } from '../utils/peers';

export interface PresenceListProps {
  /** The signed-in user, always shown first. */
  self: { name: string };
  peers: readonly Peer[];
}

/** Up to this many others, their names stand beside their initials; more, and only the initials do (the name as the title). */
const NAMED_PEERS = 3;

/**
 * Who has this section open now: initials in each person's colour, the full name as text,
 * visible beside the others' initials while they are few (a name only in `title` would be
 * out of reach of the keyboard), else for screen readers only.
 */
export function PresenceList({ self, peers }: PresenceListProps) {
  const t = useT();
  const people = [
    { key: 'self', name: t('editor.presenceYou', { name: self.name }), initials: initialsOf(self.name), color: null, shown: false },
    ...peers.map((peer) => ({
      key: peer.id,
      name: peer.name,
      initials: initialsOf(peer.name),
      color: peer.color,
      shown: peers.length <= NAMED_PEERS,
    })),
  ];
  return (
    <ul className="presence" aria-label={t('editor.presence')}>
      {people.map((person) => (
        <li key={person.key} className="presence__person" title={person.name}>
          <span
            className={`presence__avatar${person.color === null ? ' presence__avatar--self' : ''}`}
            style={person.color === null ? undefined : { backgroundColor: person.color }}
            aria-hidden="true"
          >
            {person.initials}
          </span>
          <span className={person.shown ? 'presence__name' : 'visually-hidden'}>{person.name}</span>
        </li>
      ))}
    </ul>
  );
}
