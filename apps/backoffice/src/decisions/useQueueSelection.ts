import type { CaseListItem } from '@vigie/contracts';
import { useListContext } from 'react-admin';

/** The queue's selected cases, and what to call each in a result: the reported user's name. */
export const useQueueSelection = () => {
  const { selectedIds, data, onUnselectItems } = useListContext<CaseListItem>();
  const ids = selectedIds.map(String);
  const records = (data ?? []).filter((record) => ids.includes(String(record.id)));
  const nameOf = (caseId: string) => {
    const record = (data ?? []).find((item) => String(item.id) === caseId);
    return record?.reportedUser?.displayName ?? record?.reportedUser?.externalId ?? undefined;
  };
  return { ids, records, nameOf, unselect: () => onUnselectItems() };
};
