import type { Language, Transition } from '@kapitel/domain';
import { useI18n } from '../../../i18n';
import { ResourceView } from '../../../lib/resource-view';
import type { Resource } from '../../../lib/use-resource';
import { Card, DataTable } from '../../../ui';
import { ReviewStateBadge } from '../../outline';

export interface TransitionHistoryProps {
  history: Resource<Transition[]>;
  reload: () => void;
  /** The report's language: the notes are the reviewers' words. */
  language: Language | undefined;
}

/** Every review step of a section, newest first: who, when, from which state to which, why. */
export function TransitionHistory({ history, reload, language }: TransitionHistoryProps) {
  const { t, formatDateTime } = useI18n();
  const steps = history.data === undefined ? undefined : [...history.data].reverse();
  return (
    <Card title={t('history.title')}>
      <ResourceView resource={history} reload={reload} empty={t('history.empty')} items={steps}>
        {(steps) => (
          <DataTable
            caption={t('history.caption')}
            columns={[
              t('history.when'),
              t('history.who'),
              t('history.step'),
              t('history.change'),
              t('history.note'),
            ]}
          >
            {steps.map((step) => (
              <tr key={step.id}>
                <td className="history-when">
                  <time dateTime={step.at}>{formatDateTime(step.at)}</time>
                </td>
                <td className="history-who">{step.actorName ?? t('account.deletedName')}</td>
                <th scope="row">{t(`reviewAction.${step.action}`)}</th>
                <td>
                  {step.from === step.to ? (
                    // A verdict ("no objections") leaves the state as it was.
                    <>
                      <span className="history-change" aria-hidden="true">
                        <ReviewStateBadge state={step.to} />
                      </span>
                      <span className="visually-hidden">
                        {t('history.unchanged', { state: t(`reviewState.${step.to}`) })}
                      </span>
                    </>
                  ) : (
                    <>
                      <span className="history-change" aria-hidden="true">
                        <ReviewStateBadge state={step.from} /> → <ReviewStateBadge state={step.to} />
                      </span>
                      <span className="visually-hidden">
                        {t('history.changeFromTo', {
                          from: t(`reviewState.${step.from}`),
                          to: t(`reviewState.${step.to}`),
                        })}
                      </span>
                    </>
                  )}
                </td>
                <td className="history-note" lang={step.note ? language : undefined}>
                  {step.note ?? ''}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </ResourceView>
    </Card>
  );
}
