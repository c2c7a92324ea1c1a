import ArrowForward from '@mui/icons-material/ArrowForward';
import HowToRegOutlined from '@mui/icons-material/HowToRegOutlined';
import RefreshOutlined from '@mui/icons-material/RefreshOutlined';
import ScheduleOutlined from '@mui/icons-material/ScheduleOutlined';
import ThumbDownAltOutlined from '@mui/icons-material/ThumbDownAltOutlined';
import ThumbUpAltOutlined from '@mui/icons-material/ThumbUpAltOutlined';
import { Alert, Box, Button, Card, Chip, LinearProgress, Stack, Typography } from '@mui/material';
import type { RoleRequest } from '@vigie/contracts';
import { useCallback, useState } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import { errorMessageKey } from '../common/errorMessageKey';
import { useApiData } from '../common/useApiData';
import { PersonAvatar } from '../components/PersonAvatar';
import { RelativeDate } from '../components/RelativeDate';
import { RoleChips } from '../components/RoleChip';
import { type StaffApi, staffApi } from './staffApi';

const MESSAGES = 'vigie.staff_access.role_requests';

interface RequestCardProps {
  request: RoleRequest;
  onDecided: () => void;
  api: StaffApi;
}

/** One request: whose account, what it holds now and once approved, who asked and when; approve or reject. */
const RequestCard = ({ request, onDecided, api }: RequestCardProps) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [pending, setPending] = useState(false);
  const decide = async (approve: boolean) => {
    setPending(true);
    try {
      await api.decide(request.id, approve);
      notify(`${MESSAGES}.${approve ? 'approved' : 'rejected'}`, {
        type: 'success',
        messageArgs: { name: request.staff.name },
      });
      onDecided();
    } catch (error) {
      const key = errorMessageKey(error);
      notify(translate(key, { _: key }), { type: 'error' });
      setPending(false);
    }
  };
  const roles = (list: RoleRequest['currentRoles']) =>
    list.length > 0 ? (
      <RoleChips roles={list} />
    ) : (
      <Typography variant="body2" color="text.secondary">
        {translate(`${MESSAGES}.no_role`)}
      </Typography>
    );
  return (
    <Card
      component="article"
      data-testid="role-request"
      data-staff={request.staff.email}
      sx={{
        p: { xs: 2, md: 2.5 },
        borderLeft: (theme) => `4px solid ${theme.palette.warning.main}`,
      }}
    >
      <Stack
        direction={{ xs: 'column', md: 'row' }}
        spacing={2}
        sx={{ justifyContent: 'space-between', alignItems: { md: 'center' } }}
      >
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', minWidth: 0 }}>
          <PersonAvatar name={request.staff.name} size={40} />
          <Box sx={{ minWidth: 0 }}>
            <Typography sx={{ fontWeight: 600 }}>{request.staff.name}</Typography>
            <Typography variant="body2" color="text.secondary">
              {request.staff.email}
            </Typography>
          </Box>
        </Stack>
        <Stack direction="row" spacing={1.5} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Box>
            <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mb: 0.5 }}>
              {translate(`${MESSAGES}.now`)}
            </Typography>
            {roles(request.currentRoles)}
          </Box>
          <ArrowForward sx={{ color: 'text.secondary', mt: 2 }} aria-hidden />
          <Box>
            <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mb: 0.5 }}>
              {translate(`${MESSAGES}.after`)}
            </Typography>
            {roles(request.requestedRoles)}
          </Box>
        </Stack>
      </Stack>
      <Stack
        direction={{ xs: 'column', md: 'row' }}
        spacing={1.5}
        sx={{
          justifyContent: 'space-between',
          alignItems: { md: 'center' },
          mt: 2,
        }}
      >
        <Stack direction="row" spacing={1.5} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Chip
            size="small"
            color={request.cause === 'password_link' ? 'warning' : 'default'}
            label={translate(`${MESSAGES}.causes.${request.cause}`)}
            title={translate(`${MESSAGES}.cause_hints.${request.cause}`)}
          />
          <Typography variant="body2" color="text.secondary">
            {request.requestedBy
              ? translate(`${MESSAGES}.requested_by`, {
                  name: request.requestedBy.name,
                })
              : translate(`${MESSAGES}.requested_by_unknown`)}
          </Typography>
          <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', color: 'text.secondary' }}>
            <ScheduleOutlined sx={{ fontSize: 16 }} aria-hidden />
            <RelativeDate value={request.requestedAt} emptyText="" />
          </Stack>
        </Stack>
        {request.canDecide ? (
          <Stack direction="row" spacing={1}>
            <Button
              variant="contained"
              color="success"
              startIcon={<ThumbUpAltOutlined />}
              onClick={() => void decide(true)}
              disabled={pending}
              data-testid="approve-roles"
            >
              {translate(`${MESSAGES}.approve`)}
            </Button>
            <Button
              variant="outlined"
              color="error"
              startIcon={<ThumbDownAltOutlined />}
              onClick={() => void decide(false)}
              disabled={pending}
              data-testid="reject-roles"
            >
              {translate(`${MESSAGES}.reject`)}
            </Button>
          </Stack>
        ) : (
          <Typography variant="body2" color="text.secondary" sx={{ maxWidth: 420 }} data-testid="not-yours">
            {translate(`${MESSAGES}.not_yours`)}
          </Typography>
        )}
      </Stack>
    </Card>
  );
};

/**
 * Four eyes on roles: the roles given to accounts, waiting for a second person — a lead or
 * another admin for content roles, another admin for dpo and admin. Oldest first.
 */
export const RoleRequestsPage = ({ api = staffApi }: { api?: StaffApi }) => {
  const translate = useTranslate();
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((value) => value + 1), []);
  const load = useCallback(() => api.roleRequests(), [api]);
  const { data, error, isPending } = useApiData(load, version);
  return (
    <Box sx={{ maxWidth: 1200, minWidth: 0, width: '100%' }}>
      <Title title={`${MESSAGES}.title`} />
      <Stack
        direction={{ xs: 'column', sm: 'row' }}
        spacing={2}
        sx={{
          mt: 1,
          mb: 2,
          justifyContent: 'space-between',
          alignItems: { sm: 'flex-end' },
        }}
      >
        <Box>
          <Typography component="h1" variant="h5">
            {translate(`${MESSAGES}.title`)}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5, maxWidth: 820 }}>
            {translate(`${MESSAGES}.intro`)}
          </Typography>
        </Box>
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
          {data && (
            <Typography
              variant="body2"
              sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}
              data-testid="role-requests-total"
            >
              {translate(`${MESSAGES}.total`, { smart_count: data.total })}
            </Typography>
          )}
          <Button size="small" startIcon={<RefreshOutlined />} onClick={reload} disabled={isPending}>
            {translate(`${MESSAGES}.reload`)}
          </Button>
        </Stack>
      </Stack>
      {isPending && <LinearProgress sx={{ mb: 2, borderRadius: 2 }} aria-hidden />}
      {error !== null && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate(`${MESSAGES}.load_failed`, {
            message: translate(errorMessageKey(error), {
              _: errorMessageKey(error),
            }),
          })}
        </Alert>
      )}
      {data && data.data.length === 0 && error === null && (
        <Card sx={{ textAlign: 'center', py: 6, px: 3 }} data-testid="role-requests-empty">
          <HowToRegOutlined sx={{ fontSize: 44, color: 'primary.light' }} aria-hidden />
          <Typography variant="h6" sx={{ mt: 1 }}>
            {translate(`${MESSAGES}.empty_title`)}
          </Typography>
          <Typography color="text.secondary" sx={{ mt: 0.5 }}>
            {translate(`${MESSAGES}.empty_body`)}
          </Typography>
        </Card>
      )}
      {data && data.data.length > 0 && (
        <Stack spacing={2}>
          {data.data.map((request) => (
            <RequestCard key={request.id} request={request} onDecided={reload} api={api} />
          ))}
        </Stack>
      )}
    </Box>
  );
};
