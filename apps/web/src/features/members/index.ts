export { listMembers } from './api/members-api';
export { MembersPanel, type MembersPanelProps } from './components/members-panel';
