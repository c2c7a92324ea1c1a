import type { StaffAccount } from '@vigie/contracts';
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
import { InitialPasswordInput } from './InitialPasswordInput';
import { RolesInput, normaliseRoles } from './RolesInput';
import { StaffFormSection } from './StaffFormSection';
import { StaffPageHeader } from './StaffPageHeader';

const validateName = [required(), maxLength(120)];
const validateEmail = [required(), email('vigie.errors.fields.email_invalid')];

/** What the API takes to create an account, and nothing else (it refuses unknown fields). */
export const toCreateRequest = (data: Partial<Record<string, unknown>>) => ({
  email: typeof data.email === 'string' ? data.email.trim() : '',
  name: typeof data.name === 'string' ? data.name.trim() : '',
  roles: normaliseRoles(data.roles),
  password: typeof data.password === 'string' ? data.password : '',
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
  return (
    <Create
      actions={<StaffPageHeader title={translate('vigie.staff.create_title')} />}
      resource="staff"
      title="vigie.staff.create_title"
      transform={toCreateRequest}
      mutationOptions={{
        onSuccess: (account: StaffAccount) => {
          notify('vigie.staff.created', { type: 'success', messageArgs: { name: account.name } });
          redirect('list', 'staff');
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
        </StaffFormSection>
        <StaffFormSection title="vigie.staff.sections.password">
          <InitialPasswordInput />
        </StaffFormSection>
      </SimpleForm>
    </Create>
  );
};
