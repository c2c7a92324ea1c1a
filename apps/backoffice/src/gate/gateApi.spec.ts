import { GATE_REFUSALS, GRANT_REVOCATION_CAUSES } from '@vigie/contracts';
import { gateFr } from '../i18n/gate';
import { gateEn } from '../i18n/gate.en';
import { setCsrfToken } from '../providers/httpClient';
import { aGrant, aGrantedConversation } from '../testing/caseFixtures';
import { createFetchMock, jsonReply } from '../testing/fakeFetch';
import { GateError, gateApi, gateErrorOf } from './gateApi';

const fetchMock = createFetchMock();

const refusal = (status: number, reason: string) =>
  jsonReply(status, {
    statusCode: status,
    error: 'Forbidden',
    message: 'Only the assignee of the case, or a lead, may open its conversation.',
    reason,
    details: { code: reason },
  });

beforeEach(() => {
  fetchMock.mockReset();
  global.fetch = fetchMock;
  setCsrfToken('csrf-1');
});

describe('gateApi', () => {
  it('asks for access with the CSRF token, and reads the grant', async () => {
    const grant = aGrant();
    fetchMock.mockResolvedValue(jsonReply(201, grant));

    const receipt = await gateApi.requestAccess('case-1', {
      justification: 'Vérifier le contexte du message signalé',
      reportIds: ['r1'],
      scope: 'context',
    });

    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/v1/cases/case-1/access');
    expect(init?.method).toBe('POST');
    expect(new Headers(init?.headers).get('X-CSRF-Token')).toBe('csrf-1');
    expect(JSON.parse(String(init?.body))).toEqual({
      justification: 'Vérifier le contexte du message signalé',
      reportIds: ['r1'],
      scope: 'context',
    });
    expect(receipt.grant).toEqual(grant);
    // No Date header: the server's expiry as it is.
    expect(receipt.deadline).toBe(Date.parse(grant.expiresAt));
  });

  it('reads the messages of a grant', async () => {
    const conversation = aGrantedConversation();
    fetchMock.mockResolvedValue(jsonReply(200, conversation));

    const receipt = await gateApi.conversation(conversation.grantId);

    expect(fetchMock.mock.calls[0][0]).toBe(`/api/v1/access-grants/${conversation.grantId}/messages`);
    expect(fetchMock.mock.calls[0][1]?.cache).toBe('no-store');
    expect(receipt.conversation).toEqual(conversation);
  });

  it("turns the gate's refusals into their own sentence, whatever the status", async () => {
    fetchMock.mockResolvedValueOnce(refusal(403, 'not_assignee'));
    await expect(
      gateApi.requestAccess('case-1', { justification: 'x'.repeat(20), reportIds: ['r1'], scope: 'context' }),
    ).rejects.toMatchObject({
      status: 403,
      reason: 'not_assignee',
      message: 'vigie.gate.refusals.not_assignee',
    });

    fetchMock.mockResolvedValueOnce(refusal(410, 'grant_expired'));
    await expect(gateApi.conversation('g1')).rejects.toMatchObject({
      status: 410,
      reason: 'grant_expired',
      message: 'vigie.gate.refusals.grant_expired',
    });
  });

  it('explains a malformed request, an unknown answer and a network failure in the app’s words', async () => {
    fetchMock.mockResolvedValueOnce(
      jsonReply(400, { statusCode: 400, error: 'Bad Request', message: 'Invalid body', details: [] }),
    );
    await expect(
      gateApi.requestAccess('case-1', { justification: 'x'.repeat(20), reportIds: ['r1'], scope: 'full' }),
    ).rejects.toMatchObject({
      status: 400,
      reason: undefined,
      message: 'vigie.gate.dialog.errors.invalid_request',
    });

    fetchMock.mockResolvedValueOnce(jsonReply(201, { grantId: 'g1' }));
    await expect(
      gateApi.requestAccess('case-1', { justification: 'x'.repeat(20), reportIds: ['r1'], scope: 'full' }),
    ).rejects.toMatchObject({ message: 'vigie.errors.unavailable' });

    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(gateApi.conversation('g1')).rejects.toBeInstanceOf(GateError);
  });

  it('ignores a reason the contract does not know, and keeps the general 403 sentence', async () => {
    fetchMock.mockResolvedValueOnce(refusal(403, 'moon_phase'));
    const error = await gateApi.conversation('g1').catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(GateError);
    expect(error).toMatchObject({ status: 403, reason: undefined, message: 'vigie.errors.role' });
    expect(gateErrorOf(error)).toBe(error);
  });

  it('has a sentence for every refusal of the gate, in both languages', () => {
    for (const reason of GATE_REFUSALS) {
      expect([reason, gateFr.refusals[reason]]).toEqual([reason, expect.any(String)]);
      expect([reason, gateEn.refusals[reason]]).toEqual([reason, expect.any(String)]);
    }
    for (const cause of GRANT_REVOCATION_CAUSES) {
      expect([cause, gateFr.revoked[cause]]).toEqual([cause, expect.any(String)]);
      expect([cause, gateEn.revoked[cause]]).toEqual([cause, expect.any(String)]);
    }
  });

  it('reads the cause of a revoked grant', async () => {
    fetchMock.mockResolvedValueOnce(
      jsonReply(410, { statusCode: 410, error: 'Gone', message: 'ended', reason: 'grant_revoked', details: { code: 'grant_revoked', cause: 'signed_out' } }),
    );
    const error = await gateApi.conversation('g1').catch((failure: unknown) => failure);
    expect(error).toMatchObject({ status: 410, reason: 'grant_revoked', revocation: 'signed_out', message: 'vigie.gate.revoked.signed_out' });
  });
});
