import { SelectInput } from 'react-admin';
import { useAuditStaff } from './useAuditStaff';

interface StaffFilterInputProps {
  source: string;
  label: string;
  alwaysOn?: boolean;
}

/** Staff accounts by name, the e-mail telling namesakes apart. */
export const StaffFilterInput = ({ source, label }: StaffFilterInputProps) => {
  const { staff, isPending } = useAuditStaff();
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
      sx={{ minWidth: 220 }}
    />
  );
};
