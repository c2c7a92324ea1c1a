import { Alert, Typography } from '@mui/material';
import type { CreatedStaffAccount } from '@vigie/contracts';
import { useState } from 'react';
import {
  Create,
  SaveButton,
  SimpleForm,
  TextInput,
  Toolbar,
  email,
  maxLength,
  required,
  useNotify,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { PasswordLinkDialog } from './PasswordLinkDialog';
import { RolesInput, normaliseRoles } from './RolesInput';
import { StaffFormSection } from './StaffFormSection';
import { StaffPageHeader } from './StaffPageHeader';

const validateName = [required(), maxLength(120)];
const validateEmail = [required(), email('vigie.errors.fields.email_invalid')];

/** What the API takes to create an account, and nothing else: never a password (it refuses unknown fields). */
export const toCreateRequest = (data: Partial<Record<string, unknown>>) => ({
  email: typeof data.email === 'string' ? data.email.trim() : '',
  name: typeof data.name === 'string' ? data.name.trim() : '',
  roles: normaliseRoles(data.roles),
});

const CreateToolbar = () => (
  <Toolbar>
    <SaveButton label="vigie.staff.create_submit" alwaysEnable />
  </Toolbar>
);

export const StaffCreate = () => {
  const notify = useNotify();
  const redirect = useRedirect();
  const translate = useTranslate();
  // The account just created, whose link is shown once before going back to the list.
  const [created, setCreated] = useState<CreatedStaffAccount | null>(null);
  return (
    <>
      <Create
        actions={<StaffPageHeader title={translate('vigie.staff.create_title')} />}
        resource="staff"
        title="vigie.staff.create_title"
        transform={toCreateRequest}
        mutationOptions={{
          onSuccess: (account: CreatedStaffAccount) => {
            notify('vigie.staff.created', { type: 'success', messageArgs: { name: account.name } });
            setCreated(account);
          },
        }}
        sx={{ maxWidth: 820 }}
      >
        <SimpleForm toolbar={<CreateToolbar />} sx={{ p: { xs: 2, md: 3 } }}>
          <StaffFormSection title="vigie.staff.sections.identity" first>
            <TextInput source="name" validate={validateName} autoComplete="off" />
            <TextInput
              source="email"
              type="email"
              validate={validateEmail}
              autoComplete="off"
              helperText="vigie.staff.email_helper"
            />
          </StaffFormSection>
          <StaffFormSection title="vigie.staff.sections.roles">
            <RolesInput />
            <Alert severity="info" sx={{ mt: 1.5 }}>
              {translate('vigie.staff.roles_need_approval')}
            </Alert>
          </StaffFormSection>
          <StaffFormSection title="vigie.staff.sections.password">
            <Typography variant="body2" color="text.secondary">
              {translate('vigie.staff.password_by_link')}
            </Typography>
          </StaffFormSection>
        </SimpleForm>
      </Create>
      {created && (
        <PasswordLinkDialog
          name={created.name}
          link={created.passwordLink}
          onClose={() => {
            setCreated(null);
            redirect('list', 'staff');
          }}
        />
      )}
    </>
  );
};
