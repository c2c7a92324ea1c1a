import CheckCircleOutlined from '@mui/icons-material/CheckCircleOutlined';
import GroupOutlined from '@mui/icons-material/GroupOutlined';
import RemoveCircleOutlineOutlined from '@mui/icons-material/RemoveCircleOutlineOutlined';
import { Box, Card, CardContent, Stack, Typography } from '@mui/material';
import type { StaffAccount } from '@vigie/contracts';
import { CreateButton, DataTable, List, TopToolbar, useGetIdentity, useTranslate } from 'react-admin';
import { PersonAvatar } from '../components/PersonAvatar';
import { RelativeDate } from '../components/RelativeDate';
import { RoleChips } from '../components/RoleChip';
import { StatusChip } from './StatusChip';

const Column = DataTable.Col<StaffAccount>;

/** Who: the name (and "you" on one's own row) over the e-mail address they sign in with. */
const PersonCell = ({ record }: { record: StaffAccount }) => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  return (
    <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
      <PersonAvatar name={record.name} muted={record.disabled} size={34} />
      <Box sx={{ minWidth: 0 }}>
        <Typography
          variant="body2"
          sx={{ fontWeight: 600, color: record.disabled ? 'text.secondary' : 'text.primary' }}
        >
          {record.name}
          {identity?.id === record.id && (
            <Typography component="span" variant="body2" color="text.secondary" sx={{ fontWeight: 400 }}>
              {` (${translate('vigie.staff.you')})`}
            </Typography>
          )}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ fontSize: '0.8125rem' }}>
          {record.email}
        </Typography>
      </Box>
    </Stack>
  );
};

const MfaCell = ({ record }: { record: StaffAccount }) => {
  const translate = useTranslate();
  return record.mfaEnabled ? (
    <Stack direction="row" spacing={0.75} sx={{ alignItems: 'center', color: 'success.main' }}>
      <CheckCircleOutlined sx={{ fontSize: 18 }} aria-hidden />
      <Typography variant="body2">{translate('vigie.staff.mfa_on')}</Typography>
    </Stack>
  ) : (
    <Stack direction="row" spacing={0.75} sx={{ alignItems: 'center', color: 'text.secondary' }}>
      <RemoveCircleOutlineOutlined sx={{ fontSize: 18 }} aria-hidden />
      <Typography variant="body2">{translate('vigie.staff.mfa_off')}</Typography>
    </Stack>
  );
};

const ListHeader = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ flex: 1, pr: 2, py: 1 }}>
      <Typography component="h1" variant="h5">
        {translate('vigie.staff.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5, maxWidth: 720 }}>
        {translate('vigie.staff.intro')}
      </Typography>
    </Box>
  );
};

const StaffListActions = () => (
  <TopToolbar sx={{ width: '100%', alignItems: 'flex-end', minHeight: 'auto', pt: 0 }}>
    <ListHeader />
    <CreateButton label="vigie.staff.create" variant="contained" sx={{ mb: 1, flexShrink: 0 }} />
  </TopToolbar>
);

const StaffEmpty = () => {
  const translate = useTranslate();
  return (
    <Card sx={{ maxWidth: 560, mx: 'auto', mt: 6, textAlign: 'center' }}>
      <CardContent sx={{ p: 5 }}>
        <GroupOutlined sx={{ fontSize: 44, color: 'primary.light' }} aria-hidden />
        <Typography component="h1" variant="h6" sx={{ mt: 1.5 }}>
          {translate('vigie.staff.empty_title')}
        </Typography>
        <Typography color="text.secondary" sx={{ mt: 1, mb: 3 }}>
          {translate('vigie.staff.empty_body')}
        </Typography>
        <CreateButton label="vigie.staff.create" variant="contained" />
      </CardContent>
    </Card>
  );
};

// A disabled account stays listed (history is kept) but steps back.
const disabledRow = { '& td': { color: 'text.secondary' }, '& .MuiChip-root[data-role]': { opacity: 0.55 } };
const disabledRowSx = (record: StaffAccount) => (record.disabled ? disabledRow : {});

export const StaffList = () => {
  const translate = useTranslate();
  return (
    <List
      resource="staff"
      title="vigie.staff.title"
      sort={{ field: 'name', order: 'ASC' }}
      perPage={25}
      actions={<StaffListActions />}
      empty={<StaffEmpty />}
      exporter={false}
      sx={{ maxWidth: 1280 }}
    >
      <DataTable
        rowClick="edit"
        bulkActionButtons={false}
        rowSx={disabledRowSx}
        sx={{
          '& .RaDataTable-tableWrapper': { overflowX: 'auto' },
          '& .MuiTableCell-body': { whiteSpace: 'nowrap' },
        }}
      >
        <Column
          source="name"
          label="vigie.staff.person"
          render={(record) => <PersonCell record={record} />}
        />
        <Column
          source="roles"
          disableSort
          render={(record) => <RoleChips roles={record.roles} pending={record.pendingRoles} />}
        />
        <Column source="mfaEnabled" disableSort render={(record) => <MfaCell record={record} />} />
        <Column
          source="disabled"
          disableSort
          render={(record) => <StatusChip disabled={record.disabled} />}
        />
        <Column
          source="lastLoginAt"
          sortByOrder="DESC"
          render={(record) => (
            <RelativeDate value={record.lastLoginAt} emptyText={translate('vigie.staff.never_signed_in')} />
          )}
        />
      </DataTable>
    </List>
  );
};
