import { SelectInput } from 'react-admin';
import { useRegisterStaff } from './useRegisterStaff';

interface StaffFilterInputProps {
  source: string;
  label: string;
  alwaysOn?: boolean;
}

/** Staff accounts by name, the e-mail telling namesakes apart. */
export const StaffFilterInput = ({ source, label }: StaffFilterInputProps) => {
  const { staff, isPending } = useRegisterStaff();
  return (
    <SelectInput
      source={source}
      label={label}
      choices={staff}
      optionText={(member: { name: string; email: string }) =>
        member.email ? `${member.name} — ${member.email}` : member.name
      }
      translateChoice={false}
      isPending={isPending}
      sx={{ width: 210 }}
    />
  );
};
