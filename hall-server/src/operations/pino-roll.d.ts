// pino-roll ships no types: the part of its API the hall's log uses (its README, version 4).
declare module 'pino-roll' {
  import type SonicBoom from 'sonic-boom';

  interface PinoRollOptions {
    /** The log file's path without its date, number and extension. */
    file: string;
    /** A file is started afresh past this size: a number of MB, or e.g. '300b', '10k', '50m'. */
    size?: string | number;
    frequency?: 'daily' | 'hourly' | number;
    extension?: string;
    /** date-fns format of the date put in each file's name (the machine's local time). */
    dateFormat?: string;
    /** `current.log` beside the files, pointing at the one in use. */
    symlink?: boolean;
    mkdir?: boolean;
    sync?: boolean;
  }

  export default function pinoRoll(options: PinoRollOptions): Promise<SonicBoom>;
}
