import { useId } from 'react';
import { useI18n } from '../../../i18n';
import { ResourceView } from '../../../lib/resource-view';
import type { Resource } from '../../../lib/use-resource';
import { Button, DataTable } from '../../../ui';
import type { Language, SectionVersion } from '@kapitel/domain';
import { versionAuthor, versionTitle } from '../utils/version-label';
import { VersionName } from './version-name';

export interface VersionListProps {
  versions: Resource<SectionVersion[]>;
  reload: () => void;
  /** Opens a version; `trigger` is the button, for the focus to return to. */
  onOpen: (version: SectionVersion, trigger: HTMLButtonElement) => void;
  /** Opens a version compared with the current text; `trigger` as for onOpen. */
  onCompare: (version: SectionVersion, trigger: HTMLButtonElement) => void;
  /** The report's language, for the names the authors gave. */
  language: Language | undefined;
}

/**
 * The section's versions, newest first: name (an approval's with its date), who, when, and
 * buttons to look at each and to compare it with the current text.
 */
export function VersionList({ versions, reload, onOpen, onCompare, language }: VersionListProps) {
  const { t, formatDate, formatDateTime } = useI18n();
  const titleId = useId();
  return (
    <div className="version-list">
      <h3 className="version-list__title" id={titleId}>
        {t('versions.list.title')}
      </h3>
      <ResourceView resource={versions} reload={reload} empty={t('versions.list.empty')}>
        {(items) => (
          // Named by the heading above: a caption of the same words was read a second time.
          <DataTable
            labelledBy={titleId}
            columns={[
              t('versions.list.name'),
              t('versions.list.who'),
              t('versions.list.when'),
              <span className="visually-hidden">{t('versions.list.actions')}</span>,
            ]}
          >
            {items.map((version) => {
              const name = versionTitle(version, t, formatDate, items);
              return (
                <tr key={version.id}>
                  <th scope="row" className="version-list__name">
                    <VersionName version={version} listed={items} language={language} />
                  </th>
                  <td>{versionAuthor(version, t)}</td>
                  <td>
                    <time dateTime={version.createdAt}>{formatDateTime(version.createdAt)}</time>
                  </td>
                  <td>
                    <Button
                      variant="secondary"
                      size="small"
                      aria-haspopup="dialog"
                      // Starts with the visible word, so that voice control finds it (WCAG 2.5.3).
                      aria-label={t('versions.open.named', { name })}
                      onClick={(event) => {
                        onOpen(version, event.currentTarget);
                      }}
                    >
                      {t('versions.open')}
                    </Button>{' '}
                    <Button
                      variant="secondary"
                      size="small"
                      aria-haspopup="dialog"
                      aria-label={t('versions.compare.named', { name })}
                      onClick={(event) => {
                        onCompare(version, event.currentTarget);
                      }}
                    >
                      {t('versions.compare')}
                    </Button>
                  </td>
                </tr>
              );
            })}
          </DataTable>
        )}
      </ResourceView>
    </div>
  );
}
