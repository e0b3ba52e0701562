import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { chineseErrorMap, listProblems } from '../../src/device/config-problems';
import { good, Sample, sampleRules } from './sample-config';

function problemsOf(input: unknown, schema: z.ZodType = Sample): string[] {
  const result = schema.safeParse(input, { error: chineseErrorMap });
  if (result.success) throw new Error(`expected a refusal, got ${JSON.stringify(result.data)}`);
  return listProblems(result.error, sampleRules.labels);
}

describe('device config problems, in Chinese', () => {
  it('refuses a file that is not an object', () => {
    for (const input of [null, [], 'kiosk', 3]) {
      expect(problemsOf(input)).toEqual(['整个文件：类型不对，应为{ … } 形式的一组设置']);
    }
  });

  it('says a field is missing, also the kind of a choice', () => {
    expect(problemsOf({ serverUrl: good.serverUrl })).toEqual(['deviceId（设备编号）：缺少此项（必填）']);
    expect(problemsOf({ ...good, place: {} })).toEqual(['place.kind（位置类型）：缺少此项（必填）']);
  });

  it('names the expected type in plain words', () => {
    expect(problemsOf({ ...good, deviceId: 5 })).toEqual(['deviceId（设备编号）：类型不对，应为加英文双引号的文本']);
    expect(problemsOf({ ...good, place: 'hall' })).toEqual(['place（位置）：类型不对，应为{ … } 形式的一组设置']);
  });

  it('lists the values a choice allows', () => {
    expect(problemsOf({ ...good, locale: 'fr' })).toEqual(['locale（界面语言）：应为以下之一："zh-CN"、"en"']);
    expect(problemsOf({ ...good, place: { kind: 'lobby' } })).toEqual(['place.kind（位置类型）：应为以下之一："hall"、"window"']);
  });

  it('gives each unknown key its own line with its full path, unlabelled', () => {
    expect(problemsOf({ ...good, typo: 1, windowNumber: 3, place: { kind: 'hall', windowNo: 3 } })).toEqual([
      'place.windowNo：不认识这一项，可能拼写有误，或不该写在这里',
      'typo：不认识这一项，可能拼写有误，或不该写在这里',
      'windowNumber：不认识这一项，可能拼写有误，或不该写在这里',
    ]);
  });

  it("falls back to zod's Chinese for the other mistakes", () => {
    const Named = z.strictObject({ name: z.string().min(3) });
    expect(problemsOf({ name: 'ab' }, Named)).toEqual([expect.stringMatching(/^name：.*3.*字符/)]);
  });
});
