import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError, createApiClient } from '@hall/shared';

// A device page's API client (issue 15): its credential on every request, and every refusal of
// it told to the page (which goes back to pairing), before the caller hears it too.

function server(status: number, body: unknown) {
  const sent: Record<string, string>[] = [];
  const fetch = async (_url: string, init: { headers: Record<string, string> }) => {
    sent.push(init.headers);
    return { status, text: async () => JSON.stringify(body) };
  };
  return { sent, fetch };
}

describe('a device page’s API client', () => {
  it('sends its credential with every request, unless one is given for the request', async () => {
    const { sent, fetch } = server(200, {});
    const api = createApiClient('', fetch, { token: 'hqd_device' });
    await api.request('GET', '/api/categories', z.unknown());
    await api.request('GET', '/api/devices/self', z.unknown(), { token: 'hqd_other' });
    expect(sent.map((h) => h.authorization)).toEqual(['Bearer hqd_device', 'Bearer hqd_other']);
  });

  it('tells the page of a revoked or unknown credential, and the caller still gets the refusal', async () => {
    for (const code of ['DEVICE_REVOKED', 'UNAUTHORIZED'] as const) {
      const { fetch } = server(401, { error: { code, message: '请重新配对' } });
      const refused: string[] = [];
      const api = createApiClient('', fetch, { token: 'hqd_device', onRefused: (error) => refused.push(error.code) });
      await expect(api.request('POST', '/api/evaluations', z.unknown())).rejects.toEqual(new ApiError(code, 401, '请重新配对'));
      expect(refused).toEqual([code]);
    }
  });

  it('keeps other refusals to the caller', async () => {
    const { fetch } = server(409, { error: { code: 'ALREADY_RATED', message: '已评价' } });
    const refused: string[] = [];
    const api = createApiClient('', fetch, { token: 'hqd_device', onRefused: (error) => refused.push(error.code) });
    await expect(api.request('POST', '/api/evaluations', z.unknown())).rejects.toMatchObject({ code: 'ALREADY_RATED' });
    expect(refused).toEqual([]);
  });
});
