import type { Member, Section } from '@kapitel/domain';
import { useI18n } from '../../../i18n';
import { DueDate, memberNames, ReviewStateBadge } from '../../outline';
import './section-page.css';

/** State, people, due date and length target of one section, as a definition list. */
export function SectionFacts({ section, members }: { section: Section; members: readonly Member[] }) {
  const { t, formatNumber } = useI18n();
  const unknown = t('outline.unknownMember');
  const assignees = memberNames(section.assigneeIds, members, unknown);
  return (
    <section className="section-facts" aria-label={t('section.facts')}>
      <dl className="section-facts__list">
        <div>
          <dt>{t('section.state')}</dt>
          <dd>
            <ReviewStateBadge state={section.state} />
          </dd>
        </div>
        <div>
          <dt>{t('section.assignees')}</dt>
          <dd>{assignees.length === 0 ? t('outline.noAssignees') : assignees.join(', ')}</dd>
        </div>
        <div>
          <dt>{t('section.reviewer')}</dt>
          <dd>
            {section.reviewerId === null
              ? t('section.notSet')
              : memberNames([section.reviewerId], members, unknown).join('')}
          </dd>
        </div>
        <div>
          <dt>{t('section.dueDate')}</dt>
          <dd>
            {section.dueDate === null ? (
              t('section.notSet')
            ) : (
              <DueDate dueDate={section.dueDate} state={section.state} bare />
            )}
          </dd>
        </div>
        {section.targetWords === null ? null : (
          <div>
            <dt>{t('length.fact')}</dt>
            <dd>{t('length.words.other', { count: formatNumber(section.targetWords) })}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}
