import type { Language, Member, Section, TrashedSection } from '@kapitel/domain';
import { useEffect, useRef, useState } from 'react';
import { ErrorAlert, useI18n } from '../../../i18n';
import { ResourceView } from '../../../lib/resource-view';
import { useAnchorFocus } from '../../../lib/use-anchor-focus';
import { useResource } from '../../../lib/use-resource';
import { Button, Card } from '../../../ui';
import { listTrash, restoreSection } from '../api/outline-api';
import { formerPlace } from '../utils/former-place';
import { memberNames } from '../utils/member-names';

export interface TrashPanelProps {
  projectId: string;
  members: readonly Member[];
  /** The report's language, for the `lang` of section titles. */
  language: Language;
  /** The live sections by id, to name where a trashed one stood; null while the outline loads. */
  liveSections: ReadonlyMap<string, Pick<Section, 'number' | 'title'>> | null;
  /** Changes whenever something was deleted, so that the list loads again. */
  version: number;
  onRestored: (section: Section) => void;
  /**
   * Whether what stands above the panel on the page has loaded: a link to the panel
   * (`#papierkorb`) scrolls to it and focuses its heading only then, and once the list is there.
   */
  aboveLoaded: boolean;
}

/** The stable anchor of the panel: links to the project page's trash end in `#papierkorb`. */
export const TRASH_ANCHOR = 'papierkorb';

/** For leads: deleted sections, newest first, each with a button to bring it back. */
export function TrashPanel(props: TrashPanelProps) {
  const { projectId, members, language, liveSections, version, onRestored, aboveLoaded } = props;
  const { t, formatDateTime } = useI18n();
  const { resource, reload } = useResource((signal) => listTrash(projectId, { signal }), [projectId]);
  const heading = useRef<HTMLHeadingElement>(null);
  useAnchorFocus(TRASH_ANCHOR, aboveLoaded && (resource.status !== 'loading' || resource.data !== undefined), heading);
  // A reload, not a dependency: new dependencies would blank the list while it loads.
  const seenVersion = useRef(version);
  useEffect(() => {
    if (seenVersion.current !== version) {
      seenVersion.current = version;
      reload();
    }
  }, [version, reload]);
  const [restoring, setRestoring] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const placeText = (item: TrashedSection): string | null => {
    if (liveSections === null) {
      return null;
    }
    const place = formerPlace(item.parentId, liveSections);
    switch (place.kind) {
      case 'top':
        return t('trash.placeTop');
      case 'under':
        return t('trash.placeUnder', { parent: place.parent });
      case 'gone':
        return t('trash.placeGone');
    }
  };

  const restore = async (item: TrashedSection): Promise<void> => {
    setRestoring(item.id);
    setError(null);
    try {
      const section = await restoreSection(projectId, item.id);
      reload();
      onRestored(section);
    } catch (caught) {
      setError(caught);
    } finally {
      setRestoring(null);
    }
  };

  return (
    <Card id={TRASH_ANCHOR} headingRef={heading} title={t('trash.title')} description={t('trash.intro')}>
      <ErrorAlert error={error} />
      <ResourceView resource={resource} reload={reload} empty={t('trash.empty')}>
        {(items) => (
          <ul className="divided-list">
            {items.map((item) => (
              <li key={item.id}>
                <p className="trash-list__title" lang={language}>
                  {item.title}
                </p>
                <p className="trash-list__meta">
                  <span>
                    {item.deletedBy === null
                      ? t('trash.deletedAt', { date: formatDateTime(item.deletedAt) })
                      : t('trash.deletedAtBy', {
                          date: formatDateTime(item.deletedAt),
                          name: memberNames([item.deletedBy], members, t('outline.unknownMember')).join(''),
                        })}
                  </span>
                  {item.descendantCount > 0 ? (
                    <span>{t('trash.descendants', { count: item.descendantCount })}</span>
                  ) : null}
                  {placeText(item) === null ? null : <span>{placeText(item)}</span>}
                </p>
                <Button
                  variant="secondary"
                  size="small"
                  busy={restoring === item.id}
                  aria-label={t('trash.restoreOf', { title: item.title })}
                  onClick={() => void restore(item)}
                >
                  {t('trash.restore')}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </ResourceView>
    </Card>
  );
}
