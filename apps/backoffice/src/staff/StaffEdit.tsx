import { Alert, Card, CardContent, Divider, Stack, Typography } from '@mui/material';
import type { StaffAccount } from '@vigie/contracts';
import {
  BooleanInput,
  Edit,
  FormDataConsumer,
  SaveButton,
  SimpleForm,
  TextInput,
  Toolbar,
  maxLength,
  required,
  useGetIdentity,
  useLocaleState,
  useNotify,
  useRecordContext,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { Fact } from '../components/Fact';
import { RelativeDate } from '../components/RelativeDate';
import { formatDate } from '../i18n/relativeTime';
import { ResetPasswordButton } from './ResetPasswordButton';
import { RolesInput, normaliseRoles } from './RolesInput';
import { StaffFormSection } from './StaffFormSection';
import { StaffPageHeader } from './StaffPageHeader';
import { StatusChip } from './StatusChip';

const validateName = [required(), maxLength(120)];

/** Only what the API lets an admin change; the dataProvider then sends the fields that changed. */
export const toUpdateRequest = (data: Partial<Record<string, unknown>>) => ({
  name: typeof data.name === 'string' ? data.name.trim() : data.name,
  roles: normaliseRoles(data.roles),
  disabled: data.disabled === true,
});

const StaffTitle = () => {
  const record = useRecordContext<StaffAccount>();
  return <>{record?.name ?? ''}</>;
};

/** Said before saving, while it can still be undone by switching back. */
const DisablingNotice = () => {
  const translate = useTranslate();
  const record = useRecordContext<StaffAccount>();
  return (
    <FormDataConsumer<StaffAccount>>
      {({ formData }) =>
        formData.disabled && record && !record.disabled ? (
          <Alert severity="warning" sx={{ mt: 1.5 }}>
            {translate('vigie.staff.disabling_notice')}
          </Alert>
        ) : null
      }
    </FormDataConsumer>
  );
};

/** What the form cannot change but an admin wants in view while editing. */
const StaffFacts = () => {
  const record = useRecordContext<StaffAccount>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record) return null;
  return (
    <Card sx={{ width: { xs: '100%', md: 280 }, flexShrink: 0, ml: { md: 2.5 }, mt: { xs: 2, md: 0 } }}>
      <CardContent sx={{ p: 2.5 }}>
        <Stack spacing={2} divider={<Divider flexItem />}>
          <Fact label={translate('resources.staff.fields.disabled')}>
            <StatusChip disabled={record.disabled} />
          </Fact>
          <Fact label={translate('resources.staff.fields.mfaEnabled')}>
            <Typography variant="body2">
              {translate(record.mfaEnabled ? 'vigie.staff.mfa_on' : 'vigie.staff.mfa_off')}
            </Typography>
          </Fact>
          <Fact label={translate('resources.staff.fields.lastLoginAt')}>
            <RelativeDate value={record.lastLoginAt} emptyText={translate('vigie.staff.never_signed_in')} />
          </Fact>
          <Fact label={translate('resources.staff.fields.createdAt')}>
            <Typography variant="body2">{formatDate(new Date(record.createdAt), locale)}</Typography>
          </Fact>
        </Stack>
      </CardContent>
    </Card>
  );
};

const EditToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/** Roles given and not yet approved, and the rule that applies to new ones. */
const PendingRolesNotice = () => {
  const translate = useTranslate();
  const record = useRecordContext<StaffAccount>();
  const pending = record?.pendingRoles ?? [];
  return (
    <Alert severity={pending.length > 0 ? 'warning' : 'info'} sx={{ mt: 1.5 }} data-testid="pending-roles-notice">
      {pending.length > 0 && (
        <Typography variant="body2" sx={{ fontWeight: 600, mb: 0.5 }}>
          {translate('vigie.staff.pending_title', {
            roles: pending.map((role) => translate(`vigie.roles.${role}`)).join(', '),
          })}
        </Typography>
      )}
      {translate('vigie.staff.roles_need_approval')}
    </Alert>
  );
};

const StaffEditForm = () => {
  const translate = useTranslate();
  const record = useRecordContext<StaffAccount>();
  const { identity } = useGetIdentity();
  // The API refuses anyone changing their own roles or access (403 self_change): say so before they try.
  const isSelf = record !== undefined && identity?.id === record.id;
  // The roles the account will hold once approved: saving the form unchanged keeps the request.
  const target = record ? { ...record, roles: [...record.roles, ...record.pendingRoles] } : undefined;
  return (
    <SimpleForm record={target} toolbar={<EditToolbar />} sx={{ p: { xs: 2, md: 3 } }}>
      <StaffFormSection title="vigie.staff.sections.identity" first>
        <TextInput source="name" validate={validateName} autoComplete="off" />
        <TextInput source="email" readOnly helperText="vigie.staff.email_readonly" />
      </StaffFormSection>
      <StaffFormSection title="vigie.staff.sections.roles">
        <RolesInput
          locked={isSelf ? { roles: ['admin'], reason: translate('vigie.staff.admin_self') } : undefined}
        />
        <PendingRolesNotice />
      </StaffFormSection>
      {record && !isSelf && (
        <StaffFormSection title="vigie.staff.sections.password">
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
            {translate('vigie.staff.reset.body')}
          </Typography>
          <ResetPasswordButton account={record} />
        </StaffFormSection>
      )}
      <StaffFormSection title="vigie.staff.sections.access">
        <BooleanInput
          source="disabled"
          label="vigie.staff.disabled_label"
          readOnly={isSelf}
          helperText={isSelf ? 'vigie.staff.disabled_self' : 'vigie.staff.disabled_help'}
        />
        <DisablingNotice />
      </StaffFormSection>
    </SimpleForm>
  );
};

export const StaffEdit = () => {
  const notify = useNotify();
  const redirect = useRedirect();
  return (
    <Edit
      resource="staff"
      title={<StaffTitle />}
      actions={<StaffPageHeader title={<StaffTitle />} />}
      mutationMode="pessimistic"
      transform={toUpdateRequest}
      mutationOptions={{
        onSuccess: (account: StaffAccount) => {
          notify('vigie.staff.updated', { type: 'success', messageArgs: { name: account.name } });
          redirect('list', 'staff');
        },
      }}
      aside={<StaffFacts />}
      sx={{
        maxWidth: 1120,
        '& .RaEdit-main': { flexDirection: { xs: 'column', md: 'row' } },
        '& .RaEdit-card': { width: '100%', maxWidth: 800 },
      }}
    >
      <StaffEditForm />
    </Edit>
  );
};
