import {
  changePasswordSchema,
  createStaffSchema,
  listQuerySchema,
  loginRequestSchema,
  mfaActivateSchema,
  passwordLinkTokenSchema,
  setPasswordSchema,
  STAFF_SORT_FIELDS,
  stepUpSchema,
  updateStaffSchema,
} from '@vigie/contracts';
import { z } from 'zod';
import { createZodDto } from '../../common/zod-validation.pipe';

export class LoginDto extends createZodDto(loginRequestSchema) {}
export class ChangePasswordDto extends createZodDto(changePasswordSchema) {}
export class MfaActivateDto extends createZodDto(mfaActivateSchema) {}
export class StepUpDto extends createZodDto(stepUpSchema) {}
export class CreateStaffDto extends createZodDto(createStaffSchema) {}
export class UpdateStaffDto extends createZodDto(updateStaffSchema) {}
export class PasswordLinkTokenDto extends createZodDto(passwordLinkTokenSchema) {}
export class SetPasswordDto extends createZodDto(setPasswordSchema) {}
export class StaffListQueryDto extends createZodDto(listQuerySchema(STAFF_SORT_FIELDS, 'createdAt', {})) {}
export class UuidParamDto extends createZodDto(z.strictObject({ id: z.uuid({ message: 'must be a UUID' }) })) {}
