export { listMembers } from './api/members-api';
export { LeftProjectNotice } from './components/left-project-notice';
export { MembersPanel, type MembersPanelProps } from './components/members-panel';
export { leftProjectState } from './utils/left-project';
