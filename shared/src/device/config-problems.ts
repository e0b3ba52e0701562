import { z } from 'zod';

// How a device config file's problems are worded, for the kiosk and the display apps alike.
// The problem text is read on the error screen by a technician standing at the machine, who
// may not read English: each line names the field as spelled in the file (to find it) and in
// Chinese (to know what it is), then says what is wrong in Chinese.

const zhCN = z.locales.zhCN();

const TYPE_NAMES: Record<string, string> = {
  string: '加英文双引号的文本',
  number: '数字',
  int: '整数',
  object: '{ … } 形式的一组设置',
  boolean: 'true 或 false',
  array: '[ … ] 形式的列表',
};

const MISSING = '缺少此项（必填）';
const UNKNOWN_KEY = '不认识这一项，可能拼写有误，或不该写在这里';

function oneOf(values: readonly unknown[]): string {
  return `应为以下之一：${values.map((v) => JSON.stringify(v)).join('、')}`;
}

/** Parse-time error map: plain Chinese for the common mistakes, zod's zh-CN text for the rest. */
export const chineseErrorMap: z.core.$ZodErrorMap = (issue) => {
  if (issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) return MISSING;
  switch (issue.code) {
    case 'invalid_type':
      return `类型不对，应为${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'invalid_value':
      return oneOf(issue.values);
    case 'invalid_union': {
      if (issue.discriminator === undefined) break;
      const holder = issue.input as Record<string, unknown> | undefined;
      if (holder?.[issue.discriminator] === undefined) return MISSING;
      return Array.isArray(issue.options) ? oneOf(issue.options) : undefined;
    }
    default:
      break;
  }
  return zhCN.localeError(issue);
};

/**
 * For a field-level message that should not hide a missing field behind "wrong format":
 * a missing field falls through to the parse-time map, which says it is required.
 */
export function unlessMissing(text: string): z.core.$ZodErrorMap {
  return (issue) => (issue.input === undefined ? undefined : text);
}

function fieldName(path: readonly PropertyKey[], labels: Readonly<Record<string, string>>): string {
  if (path.length === 0) return '整个文件';
  const key = path.map(String).join('.');
  const label = labels[key];
  return label === undefined ? key : `${key}（${label}）`;
}

/**
 * One line per bad field. Each unknown key gets its own line, unlabelled: it is usually a typo,
 * or a field that belongs elsewhere (a window number on a hall screen).
 */
export function listProblems(error: z.ZodError, labels: Readonly<Record<string, string>>): string[] {
  const lines: string[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) lines.push(`${[...issue.path, key].map(String).join('.')}：${UNKNOWN_KEY}`);
    } else {
      lines.push(`${fieldName(issue.path, labels)}：${issue.message}`);
    }
  }
  return lines;
}
