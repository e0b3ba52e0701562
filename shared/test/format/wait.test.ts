import { describe, expect, it } from 'vitest';
import { waitWords } from '../../src/format/wait';

describe('waitWords', () => {
  it('says nobody is serving when there is no estimate', () => {
    expect(waitWords(0, null)).toEqual({ kind: 'unattended' });
    expect(waitWords(3, null)).toEqual({ kind: 'unattended' });
  });

  it('says "coming soon" only with nobody ahead', () => {
    expect(waitWords(0, 0)).toEqual({ kind: 'soon' });
    expect(waitWords(1, 0)).toEqual({ kind: 'minutes', minutes: 1 });
  });

  it('never says about 0 minutes', () => {
    expect(waitWords(2, 0)).toEqual({ kind: 'minutes', minutes: 1 });
    expect(waitWords(0, 10)).toEqual({ kind: 'minutes', minutes: 10 });
    expect(waitWords(4, 25)).toEqual({ kind: 'minutes', minutes: 25 });
  });
});
