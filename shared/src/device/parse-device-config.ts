import type { z } from 'zod';
import { chineseErrorMap, listProblems } from './config-problems';

// Finding and checking a device config file, from its text to a config or a problem worded for
// the technician at the machine. This module uses no Node API: the app passes in node:path and
// its file reader.

export type DeviceConfigCheck<T> = { ok: true; config: T } | { ok: false; problems: string[] };

export type DeviceConfigLoad<T> = { ok: true; config: T } | { ok: false; problem: string };

export interface DeviceConfigRules<T> {
  /** Strict, so a misspelt key is reported instead of silently falling back to a default. */
  schema: z.ZodType<T>;
  /** Chinese names of the fields, keyed by their dotted path in the file. */
  labels: Readonly<Record<string, string>>;
}

export interface DeviceConfigSource<T> extends DeviceConfigRules<T> {
  /** Where the file is, as the problem text names it. */
  file: string;
  /** The environment variable that points the app to another file. */
  envVar: string;
}

/** Parses with the Chinese error map and lists every bad field at once. */
export function validateDeviceConfig<T>(input: unknown, rules: DeviceConfigRules<T>): DeviceConfigCheck<T> {
  const result = rules.schema.safeParse(input, { error: chineseErrorMap });
  if (!result.success) return { ok: false, problems: listProblems(result.error, rules.labels) };
  return { ok: true, config: result.data };
}

/** `text` is the file's content, or null when there is no such file. */
export function parseDeviceConfig<T>(text: string | null, source: DeviceConfigSource<T>): DeviceConfigLoad<T> {
  const { file, envVar } = source;
  if (text === null) {
    return {
      ok: false,
      problem:
        `找不到设备配置文件：${file}\n` +
        `请参照程序安装目录下 resources 文件夹中的 device-config.example.json 创建此文件，或用环境变量 ${envVar} 指定其位置。`,
    };
  }

  let json: unknown;
  try {
    // Notepad on older Windows saves UTF-8 with a byte-order mark, which JSON.parse refuses.
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problem: `设备配置文件不是有效的 JSON：${file}\n请检查引号、逗号和括号是否成对（${detail}）`,
    };
  }

  const checked = validateDeviceConfig(json, source);
  if (checked.ok) return checked;
  return { ok: false, problem: [`设备配置文件有以下问题：${file}`, ...checked.problems.map((p) => `• ${p}`)].join('\n') };
}

export const DEVICE_CONFIG_FILE_NAME = 'device-config.json';

/** Where the app runs: its environment variables and its user data folder. */
export interface DeviceConfigPlace {
  env: Readonly<Record<string, string | undefined>>;
  userData: string;
}

/** The parts of node:path used here. */
export interface PathFunctions {
  resolve(path: string): string;
  join(folder: string, name: string): string;
}

/** The env var lets a technician test another file without touching the installed one. */
export function locateDeviceConfig(where: DeviceConfigPlace, envVar: string, path: PathFunctions): string {
  const fromEnv = where.env[envVar]?.trim();
  return fromEnv ? path.resolve(fromEnv) : path.join(where.userData, DEVICE_CONFIG_FILE_NAME);
}

function errorCode(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : String(error);
}

/**
 * `read` is the app's file reader (fs.readFileSync), which throws Node's errors: a missing
 * file (ENOENT) gets the how-to-create-it problem, any other failure names its error code.
 */
export function readDeviceConfig<T>(read: (file: string) => string, source: DeviceConfigSource<T>): DeviceConfigLoad<T> {
  let text: string | null;
  try {
    text = read(source.file);
  } catch (error) {
    const code = errorCode(error);
    if (code !== 'ENOENT') return { ok: false, problem: `无法读取设备配置文件：${source.file}（${code}）` };
    text = null;
  }
  return parseDeviceConfig(text, source);
}
