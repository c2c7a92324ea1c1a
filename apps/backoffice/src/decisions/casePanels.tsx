import type { CaseDetail, StaffRole } from '@vigie/contracts';
import { useGetIdentity, usePermissions } from 'react-admin';
import { DecideButton } from './DecideButton';
import { canClose, canReopen, canWriteNotes } from './decisionRules';
import { DecisionsCard } from './DecisionsCard';
import { NotesCard } from './NotesCard';
import { CloseCaseButton, ReopenCaseButton } from './StatusActions';
import { UserHistoryCard } from './UserHistoryCard';

// What the decisions domain shows on the case page; the app root places them (app/CaseShowPage.tsx).

/** Deciding, closing and reopening: each button shows only when this staff member may. */
export const DecisionActions = ({ record }: { record: CaseDetail }) => {
  const { identity } = useGetIdentity();
  const { permissions } = usePermissions<StaffRole[]>();
  const roles = permissions ?? [];
  const selfId = identity ? String(identity.id) : undefined;
  return (
    <>
      <DecideButton record={record} />
      {canClose(record, selfId, roles) && <CloseCaseButton record={record} />}
      {canReopen(record, roles) && <ReopenCaseButton record={record} />}
    </>
  );
};

export const DecisionsPanel = ({ record }: { record: CaseDetail }) =>
  record.decisions.length > 0 ? <DecisionsCard decisions={record.decisions} /> : null;

/** Notes, for the case's assignee and leads only (the API gives nobody else their contents). */
export const NotesPanel = ({ record }: { record: CaseDetail }) => {
  const { identity } = useGetIdentity();
  const { permissions } = usePermissions<StaffRole[]>();
  if (!canWriteNotes(record, identity ? String(identity.id) : undefined, permissions ?? [])) return null;
  return <NotesCard caseId={record.id} notes={record.notes} purged={record.dataPurgedAt !== null} />;
};

export const UserHistoryPanel = ({ record }: { record: CaseDetail }) => (
  <UserHistoryCard caseId={record.id} version={record.version} />
);
