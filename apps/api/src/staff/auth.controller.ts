import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PasswordLinkInfo, SessionResponse, StepUpResponse } from '@vigie/contracts';
import type { FastifyReply } from 'fastify';
import { AccountService, type MfaEnrolment } from './account.service';
import { AuthService, type ClientInfo } from './auth.service';
import { ChangePasswordDto, LoginDto, MfaActivateDto, PasswordLinkTokenDto, SetPasswordDto, StepUpDto } from './dto/staff.dto';
import { PasswordLinkService } from './password-link.service';
import { SessionService } from './session.service';
import { StepUpService } from './step-up.service';
import { Public } from '../common/public.decorator';
import { type AuthenticatedStaff, CurrentStaff, OpenDuringMfaEnrolment, Requires, type StaffRequest } from './staff.decorators';
import { JournaledByService, NotJournaled } from '../journal/journal.decorators';

@ApiTags('auth')
@Controller('auth')
@Requires('account.self')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly accounts: AccountService,
    private readonly sessions: SessionService,
    private readonly links: PasswordLinkService,
    private readonly stepUps: StepUpService,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Public('signing in is how a session starts')
  @JournaledByService()
  @ApiOperation({ summary: 'Sign in; sets the session cookie and returns the CSRF token.' })
  async login(@Body() body: LoginDto, @Req() request: StaffRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<SessionResponse> {
    const { token, body: session } = await this.auth.login(body, clientOf(request));
    void reply.setCookie(this.sessions.cookieName, token, this.sessions.cookieOptions);
    return session;
  }

  @Post('password-link')
  @HttpCode(200)
  @Public('the person holding a password link has no password yet')
  @NotJournaled('reading whose a link is changes nothing; setting the password with it is journaled')
  @ApiOperation({ summary: 'Whose a password link is (e-mail, name, expiry): 404 unknown, 410 used or expired. The token travels in the body, never in a URL the server logs.' })
  inspectPasswordLink(@Body() body: PasswordLinkTokenDto): Promise<PasswordLinkInfo> {
    return this.links.inspect(body.token);
  }

  @Post('set-password')
  @HttpCode(204)
  @Public('the person holding a password link has no password yet')
  @JournaledByService()
  @ApiOperation({ summary: 'Set my password with a one-time link (policy as for a change); then sign in. 404 unknown link, 410 used or expired.' })
  setPassword(@Body() body: SetPasswordDto, @Req() request: StaffRequest): Promise<void> {
    return this.links.setPassword(body.token, body.password, clientOf(request));
  }

  @Post('logout')
  @JournaledByService()
  @HttpCode(204)
  @OpenDuringMfaEnrolment()
  @ApiOperation({ summary: 'Sign out: the session is revoked server-side.' })
  async logout(@CurrentStaff() me: AuthenticatedStaff, @Req() request: StaffRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.logout(me, clientOf(request));
    void reply.clearCookie(this.sessions.cookieName, { path: '/' });
  }

  @Get('me')
  @NotJournaled('reads one’s own session')
  @OpenDuringMfaEnrolment()
  @ApiOperation({ summary: 'The signed-in staff member and a CSRF token.' })
  me(@CurrentStaff() me: AuthenticatedStaff): SessionResponse {
    return this.auth.me(me);
  }

  @Post('step-up')
  @JournaledByService()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Confirm my password — or my TOTP code when I have MFA — again: the gate opens conversations for STEP_UP_MINUTES after.',
  })
  stepUp(@CurrentStaff() me: AuthenticatedStaff, @Body() body: StepUpDto, @Req() request: StaffRequest): Promise<StepUpResponse> {
    return this.stepUps.stepUp(me, body, clientOf(request));
  }

  @Post('password')
  @JournaledByService()
  @HttpCode(204)
  @OpenDuringMfaEnrolment()
  @ApiOperation({ summary: 'Change my password; my other sessions are closed.' })
  changePassword(@CurrentStaff() me: AuthenticatedStaff, @Body() body: ChangePasswordDto, @Req() request: StaffRequest): Promise<void> {
    return this.accounts.changePassword(me, body.currentPassword, body.newPassword, clientOf(request));
  }

  @Post('mfa/enrolment')
  @NotJournaled('prepares a secret; nothing changes until the activation, which is journaled')
  @OpenDuringMfaEnrolment()
  @ApiOperation({ summary: 'Start TOTP enrolment: a secret and its QR code.' })
  startMfaEnrolment(@CurrentStaff() me: AuthenticatedStaff): Promise<MfaEnrolment> {
    return this.accounts.startMfaEnrolment(me);
  }

  @Post('mfa/activate')
  @JournaledByService()
  @OpenDuringMfaEnrolment()
  @ApiOperation({ summary: 'Confirm enrolment with a code; returns single-use recovery codes, shown once.' })
  activateMfa(@CurrentStaff() me: AuthenticatedStaff, @Body() body: MfaActivateDto, @Req() request: StaffRequest): Promise<{ recoveryCodes: string[] }> {
    return this.accounts.activateMfa(me, body.code, clientOf(request));
  }
}

export function clientOf(request: StaffRequest): ClientInfo {
  const agent = request.headers['user-agent'];
  return { ip: request.ip, userAgent: typeof agent === 'string' ? agent : undefined };
}
