import type { Language, Member, OutlineNode } from '@kapitel/domain';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useT } from '../../../i18n';
import { memberNames } from '../utils/member-names';
import { DueDate } from './due-date';
import { WordCount } from './word-count';
import { ReviewStateBadge } from './review-state-badge';
import { ReviewedBadge } from './reviewed-badge';

export interface OutlineItemProps {
  projectId: string;
  node: OutlineNode;
  members: readonly Member[];
  /** The report's language, which its titles are written in (the interface's may differ). */
  language: Language;
  /** Open comment threads of the section. */
  openComments?: number;
  /** The words of the section's current text; undefined while not known. */
  words?: number;
  /** Lead tools (move buttons, edit toggle), shown to the right. */
  tools?: ReactNode;
  /** The open editor of this section, shown below it. */
  editor?: ReactNode;
}

/** A speech bubble; decoration beside the words that say it. */
function CommentIcon() {
  return (
    <svg className="outline-item__comments-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      <path
        d="M2.5 2.5h11a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1H7l-3.5 2.5V11.5h-1a1 1 0 0 1-1-1v-7a1 1 0 0 1 1-1z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/** One section in the outline: number and title as a link to it, its state and people. */
export function OutlineItem(props: OutlineItemProps) {
  const { projectId, node, members, language, openComments = 0, words, tools, editor } = props;
  const t = useT();
  const assignees = memberNames(node.assigneeIds, members, t('outline.unknownMember'));
  const reviewer =
    node.reviewerId === null ? null : memberNames([node.reviewerId], members, t('outline.unknownMember'))[0];
  const href = `/projects/${encodeURIComponent(projectId)}/sections/${encodeURIComponent(node.id)}`;
  return (
    <div className={`outline-item${editor ? ' outline-item--editing' : ''}`}>
      <div className="outline-item__row">
        <div className="outline-item__main">
          <p className="outline-item__title">
            <Link to={href} data-focus={`${node.id}:link`}>
              {node.number === null ? null : <span className="outline-item__number">{node.number}</span>}
              {node.number === null ? null : ' '}
              <span lang={language}>{node.title}</span>
            </Link>
          </p>
          <p className="outline-item__meta">
            <ReviewStateBadge state={node.state} />
            {node.state === 'in_review' ? <ReviewedBadge noObjections={node.noObjections} /> : null}
            <span>
              {assignees.length === 0
                ? t('outline.noAssignees')
                : `${t('outline.assignees')}: ${assignees.join(', ')}`}
            </span>
            {reviewer === undefined || reviewer === null ? null : (
              <span>
                {t('outline.reviewer')}: {reviewer}
              </span>
            )}
            {node.dueDate === null ? null : <DueDate dueDate={node.dueDate} state={node.state} />}
            {/* A section without text says nothing of its length, unless one is asked for. */}
            {words === undefined || (words === 0 && node.targetWords === null) ? null : (
              <WordCount words={words} target={node.targetWords} />
            )}
            {openComments > 0 ? (
              <span className="outline-item__comments">
                <CommentIcon />
                {openComments === 1
                  ? t('outline.openComments.one')
                  : t('outline.openComments.other', { count: openComments })}
              </span>
            ) : null}
          </p>
        </div>
        {tools ? <div className="outline-item__tools">{tools}</div> : null}
      </div>
      {editor}
    </div>
  );
}
